// Membership on the brand page (issue 17): a guest sees what members pay for the denim jacket
// and that the wool overcoat is for Gold members first; the demo's Gold member signs in from
// the card's own offer (the hosted page, email and password) and the cards show their Gold
// price and let them buy the overcoat, at that price in the cart.
import { closesAfter, expect, test } from './fixtures.js';

test('a guest is offered the member price; the Gold member signs in from it and pays it', async ({
  page,
}) => {
  await page.goto('/brand.html');
  const jacket = page.locator('kiosk-product-card[product="aurora-denim-jacket"]');
  const overcoat = page.locator('kiosk-product-card[product="aurora-wool-overcoat"]');
  const offer = jacket.getByRole('button', { name: /^Members pay \$\d+\.\d\d — sign in$/ });
  await expect(offer).toBeVisible();
  const memberPrice = (await offer.textContent())!.match(/\$\d+\.\d\d/)![0];
  await expect(overcoat.locator('[part=early-access]')).toHaveText(
    'Members first · for everyone from Jan 1, 2030',
  );
  await expect(overcoat.getByRole('button', { name: 'Add to cart' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );

  const popupPromise = page.waitForEvent('popup');
  await offer.click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  await popup.getByLabel('Email').fill('gold@example.com');
  await popup.getByLabel('Password').fill('kiosk-gold-member');
  await closesAfter(popup, () =>
    popup.getByRole('button', { name: 'Sign in', exact: true }).click(),
  );

  // Signed in: the cards read again in place, with the Gold member's prices.
  await expect(jacket.locator('[part=price]')).toHaveText(`Gold price ${memberPrice}`);
  await expect(jacket.locator('[part=compare-price]')).toContainText('Was $');
  await expect(offer).toHaveCount(0);
  await expect(overcoat.locator('[part=early-access]')).toHaveCount(0);

  await jacket.getByRole('button', { name: 'Add to cart' }).click();
  await expect(jacket.getByRole('status')).toContainText('Added');
  await page.locator('kiosk-mini-cart [part=trigger]').click();
  const line = page.locator('kiosk-mini-cart [part=line]').first();
  await expect(line).toContainText(memberPrice);
  await expect(line.locator('[part=line-member]')).toHaveText(
    /^Gold price · you save \$\d+\.\d\d$/,
  );
});
