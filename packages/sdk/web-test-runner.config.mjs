// SDK tests in real Chromium (Debian's), against the real Kiosk server started here.
// The workspace's server by path, not as a package: @kiosk/server depends on @kiosk/widgets
// (its share pages render cards with @kiosk/widgets/ssr), so a dependency back would be a cycle.

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { createLogger, startServer } from '../server/dist/index.js';

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const api = await startServer({
  db: 'memory://',
  port: 0,
  seed: 'demo',
  allowOrigins: [origin],
  log: createLogger('silent'),
});

/** Drives the hosted sign-in popup as a shopper would (it is another origin: the page can't). */
function loginPopupPlugin() {
  return {
    name: 'kiosk-browser-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'redirect-login') {
        // A second page of the same browser: it leaves for the hosted page and comes back.
        const page = await session.browser.getPage(session.id).context().newPage();
        const url = new URL('/packages/sdk/test/browser/redirect.html', origin);
        url.searchParams.set('endpoint', api.url);
        await page.goto(url.toString());
        await page.locator('#result', { hasText: 'signed out' }).waitFor();
        await page.click('#login');
        await page.waitForURL(/\/oauth\/authorize/);
        await page.getByRole('link', { name: /create/i }).click();
        await page.getByLabel(/name/i).fill('Redirect Shopper');
        await page.getByLabel(/email/i).fill(payload.email);
        await page.getByLabel(/password/i).fill(payload.password);
        await page.locator('form button[type=submit]').last().click();
        await page.waitForURL(/redirect\.html/);
        await page.locator('#result', { hasText: '@' }).waitFor();
        const shown = await page.locator('#result').textContent();
        const leftInUrl = page.url();
        await page.close();
        return { shown, leftInUrl };
      }
      if (command !== 'complete-login-popup') return undefined;
      const page = session.browser.getPage(session.id);
      const context = page.context();
      let popup = context.pages().find((p) => p.url().includes('/oauth/authorize'));
      for (let i = 0; !popup && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 100));
        popup = context.pages().find((p) => p.url().includes('/oauth/authorize'));
      }
      if (!popup) throw new Error('no sign-in popup opened');
      await popup.waitForLoadState();
      if (payload.dropOpener)
        await popup.evaluate(() => {
          window.opener = null;
        });
      await popup.getByRole('link', { name: /create/i }).click();
      await popup.getByLabel(/name/i).fill(payload.name ?? 'Browser Shopper');
      await popup.getByLabel(/email/i).fill(payload.email);
      await popup.getByLabel(/password/i).fill(payload.password);
      await popup.locator('form button[type=submit]').last().click();
      if (payload.dropOpener) {
        await popup.waitForLoadState();
        await popup.close();
      }
      return true;
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  port,
  hostname: '127.0.0.1',
  rootDir: '../..',
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), loginPopupPlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions,
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html><body>
<script>
  window.KIOSK_ENDPOINT = ${JSON.stringify(api.url)};
  // nanostores checks process.env.NODE_ENV, which bundlers replace; unbundled tests define it.
  window.process = { env: { NODE_ENV: 'development' } };
</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 90_000,
};

process.once('exit', () => void api.close());
