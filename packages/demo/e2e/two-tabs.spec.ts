// Two tabs of the same site (two pages in one browser context) share one cart and session.
import { addToCart, expect, newShopper, signUpInPopup, test } from './fixtures.js';

test('two tabs stay in sync: cart lines, quantities, sign-in and sign-out', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/influencer.html?kiosk_ref=ana');
  await b.goto('/brand.html');
  const cartA = a.locator('header.site-header kiosk-mini-cart');
  const cartB = b.locator('header.site-header kiosk-mini-cart');

  await addToCart(a, 'aurora-classic-tee');
  await expect(cartB.locator('[part~=trigger]')).toHaveAccessibleName(/1 item/);

  await cartB.locator('[part~=trigger]').click();
  await cartB
    .getByRole('dialog')
    .getByRole('button', { name: /Increase quantity of Classic Tee/ })
    .click();
  await expect(cartA.locator('[part~=trigger]')).toHaveAccessibleName(/2 items/);
  await b.keyboard.press('Escape');
  await expect(cartB.getByRole('dialog')).toBeHidden();

  const shopper = newShopper('Tove Lund');
  const loginA = a.locator('header.site-header kiosk-login-button');
  const loginB = b.locator('header.site-header kiosk-login-button');
  await signUpInPopup(a, () => loginA.getByRole('button', { name: 'Sign in' }).click(), shopper);
  await expect(loginA.getByRole('button', { name: /^Tove/ })).toBeVisible();
  await expect(loginB.getByRole('button', { name: /^Tove/ })).toBeVisible();
  await expect(cartB.locator('[part~=trigger]')).toHaveAccessibleName(/2 items/);

  // Signed in, the login button is a menu button (initials and points); Sign out is in its menu.
  await loginB.getByRole('button', { name: /Tove Lund/ }).click();
  await loginB.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(loginA.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
