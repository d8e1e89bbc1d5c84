// The API stops in the middle of a session and comes back (same port, same database): the
// widgets show their offline and retry states, recover by themselves or on Retry, and the
// cart loses nothing.
import { addToCart, card, expect, setApi, test } from './fixtures.js';

test.afterEach(async () => {
  await setApi(true); // never leave the API down for the next test
});

test('the API goes down mid-session and comes back; the cart keeps every change', async ({
  page,
  context,
}) => {
  await page.goto('/influencer.html?kiosk_ref=ana');
  const miniCart = page.locator('header.site-header kiosk-mini-cart');
  const trigger = miniCart.locator('[part~=trigger]');
  await addToCart(page, 'aurora-classic-tee');
  await expect(trigger).toHaveAccessibleName(/1 item/);

  await setApi(false);

  await test.step('a cart change while the API is down is kept and shown as not saved yet', async () => {
    await trigger.click();
    const panel = miniCart.getByRole('dialog');
    await panel.getByRole('button', { name: /Increase quantity of Classic Tee/ }).click();
    await expect(trigger).toHaveAccessibleName(/2 items, changes not saved yet/);
  });

  const other = await context.newPage();
  await test.step('a page opened during the outage shows an error with “Try again”', async () => {
    await other.goto('/brand.html');
    const beanie = card(other, 'aurora-ribbed-beanie');
    await expect(beanie).toHaveAttribute('state', 'error');
    await expect(beanie.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  await setApi(true);

  await test.step('back up: the queued change is sent, “Try again” loads the card', async () => {
    await expect(trigger).toHaveAccessibleName(/^Cart, 2 items$/, { timeout: 60_000 });
    const beanie = card(other, 'aurora-ribbed-beanie');
    await beanie.getByRole('button', { name: 'Try again' }).click();
    await expect(beanie).toHaveAttribute('state', 'ready');
  });

  await test.step('nothing was lost: a fresh load shows the same cart from the server', async () => {
    await page.reload();
    await expect(trigger).toHaveAccessibleName(/2 items/);
    await trigger.click();
    await expect(miniCart.getByRole('dialog')).toContainText('Classic Tee');
  });
});
