// The emailed one-time code end to end: the login button's popup → "Email me a sign-in
// code" → the code read from the demo's mail inbox (a real SMTP server on loopback) → typed
// into the popup → the widgets are signed in, with an account made from the address.
import { demoUrl } from './env.js';
import { closesAfter, expect, test } from './fixtures.js';

interface CaughtMail {
  to: string;
  subject: string;
  text: string;
}

test('a new shopper signs in with the code from the demo inbox, no form to fill', async ({
  page,
  request,
}) => {
  const email = `mira.code-${Date.now()}@example.com`;
  await page.goto('/influencer.html?kiosk_ref=ana');
  const login = page.locator('header.site-header kiosk-login-button');

  const popupPromise = page.waitForEvent('popup');
  await login.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  await popup.getByLabel('Email').fill(email);
  await popup.getByRole('button', { name: 'Email me a sign-in code' }).click();
  await expect(popup.getByText('If this address can sign in, we sent a code')).toBeVisible();

  let mail: CaughtMail | undefined;
  await expect
    .poll(async () => {
      const inbox = (await (
        await request.get(`${demoUrl}/mail/messages.json`)
      ).json()) as CaughtMail[];
      mail = inbox.find((m) => m.to.includes(email));
      return Boolean(mail);
    })
    .toBe(true);
  const code = /^\d{6}$/m.exec(mail!.text)?.[0];
  expect(mail!.subject).toContain(code);

  await popup.getByLabel('6-digit code').fill(code!);
  await closesAfter(popup, () => popup.getByRole('button', { name: 'Sign in' }).click());
  await expect(login.getByRole('button', { name: /^mira.code/ })).toBeVisible();

  // The inbox the demo index links to shows the same mail.
  await page.goto('/');
  await page.getByRole('link', { name: 'Mail inbox' }).first().click();
  await expect(page.getByRole('heading', { name: mail!.subject })).toBeVisible();
});
