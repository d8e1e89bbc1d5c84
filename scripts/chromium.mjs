// How every test, benchmark and screenshot here launches Chromium: Debian's build (no browser
// download works on these machines), headless, without the background traffic this closed
// network refuses.
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
