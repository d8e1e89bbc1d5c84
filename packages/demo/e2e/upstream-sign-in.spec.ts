// "Continue with Demo ID": popup → hosted sign-in page → the local identity provider
// (oidc-provider, scripts/demo-idp.mjs) → back to Kiosk → the widgets are signed in.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { apiUrl } from './env.js';
import { closesAfter, expect, servePage, test } from './fixtures.js';

/** Opens the hosted page from the brand site's login button and picks Demo ID there. */
async function atDemoId(page: Page) {
  await page.goto('/brand.html');
  const login = page.locator('kiosk-login-button').first();
  await expect(login).toHaveAttribute('state', 'signed-out');
  const popupPromise = page.waitForEvent('popup');
  await login.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupPromise;
  await popup.getByRole('link', { name: 'Continue with Demo ID' }).click();
  await expect(popup.getByRole('heading', { name: 'Demo ID' })).toBeVisible();
  return { login, popup };
}

test('a new shopper signs in through an upstream identity provider, no form at Kiosk', async ({
  page,
}) => {
  const { login, popup } = await atDemoId(page);
  await popup
    .getByLabel('Email', { exact: true })
    .fill(`idp-${randomUUID().slice(0, 8)}@example.test`);
  await popup.getByLabel('Name', { exact: true }).fill('Ida Upstream');
  await closesAfter(popup, () =>
    popup.getByRole('button', { name: 'Continue to the shop' }).click(),
  );

  await expect(login).toHaveAttribute('state', 'signed-in');
  await expect(login.getByRole('button', { name: /^Ida/ })).toBeVisible();
});

test('an unverified email from the provider is refused on the hosted page', async ({ page }) => {
  const { login, popup } = await atDemoId(page);
  await popup
    .getByLabel('Email', { exact: true })
    .fill(`unverified-${randomUUID().slice(0, 8)}@example.test`);
  await popup.getByLabel('The email is verified').uncheck();
  await popup.getByRole('button', { name: 'Continue to the shop' }).click();
  await expect(
    popup.getByRole('alert').filter({ hasText: 'Demo ID did not confirm' }),
  ).toBeVisible();
  // Closed by the shopper: the button is theirs again at once (the hosted pages tell the
  // opener they are open, so a closed popup is not mistaken for one cut off by a provider).
  await popup.waitForLoadState('load');
  await popup.close();
  await expect(login).toHaveAttribute('state', 'signed-out', { timeout: 5_000 });
  await expect(login.getByRole('button', { name: 'Sign in' })).toHaveAttribute(
    'aria-disabled',
    'false',
  );
});

test('closing the sign-in window gives the shopper the button back at once', async ({ page }) => {
  await page.goto('/brand.html');
  const login = page.locator('kiosk-login-button').first();
  await expect(login).toHaveAttribute('state', 'signed-out');
  const popupPromise = page.waitForEvent('popup');
  await login.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupPromise;
  await expect(popup.getByRole('link', { name: 'Continue with Demo ID' })).toBeVisible();
  await expect(login).toHaveAttribute('state', 'signing-in');
  // The page tells the opener it is open from a script that runs by its load event: a window
  // closed before that is indistinguishable from one cut off by a provider (the slow path).
  await popup.waitForLoadState('load');
  await popup.close();
  await expect(login).toHaveAttribute('state', 'signed-out', { timeout: 5_000 });
});

test('a login button with provider= goes straight to that provider, skipping the chooser', async ({
  page,
}) => {
  const path = await servePage(
    'provider-button.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Members</title>
<script src="/cdn/kiosk.js" defer data-endpoint="${apiUrl}" data-store-key="pk_test_aurora"></script>
</head><body><h1>Members</h1><kiosk-login-button provider="demo"></kiosk-login-button></body></html>`,
  );
  await page.goto(path);
  const login = page.locator('kiosk-login-button');
  await expect(login).toHaveAttribute('state', 'signed-out');
  const popupPromise = page.waitForEvent('popup');
  await login.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupPromise;
  // Demo ID's own page first: Kiosk's sign-in page was never shown.
  await expect(popup.getByRole('heading', { name: 'Demo ID' })).toBeVisible();
  await popup
    .getByLabel('Email', { exact: true })
    .fill(`straight-${randomUUID().slice(0, 8)}@example.test`);
  await popup.getByLabel('Name', { exact: true }).fill('Sten Straight');
  await closesAfter(popup, () =>
    popup.getByRole('button', { name: 'Continue to the shop' }).click(),
  );
  await expect(login).toHaveAttribute('state', 'signed-in');
  await expect(login.getByRole('button', { name: /^Sten/ })).toBeVisible();
});
