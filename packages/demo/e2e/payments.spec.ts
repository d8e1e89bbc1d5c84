// The hosted checkout's payment methods through the demo (issue 16): the test wallet's
// approval page on the local payment network (approve, cancel), and the test voucher paid
// later at the network's "bank", confirmed by its signed webhook — in English and German, and
// in Arabic without JavaScript.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { shipIn, shipToNewYork } from './checkout-address.js';
import { apiUrl } from './env.js';
import { addToCart, card, expect, test } from './fixtures.js';

const TEE = 'aurora-classic-tee';

/** From the influencer post to the hosted checkout, through the mini-cart. */
async function checkOut(page: Page, add: (tee: Locator) => Promise<void>) {
  await add(card(page, TEE));
  const miniCart = page.locator('header.site-header kiosk-mini-cart');
  await miniCart.locator('[part~=trigger]').click();
  await miniCart.locator('[part~=checkout]').click();
  await page.waitForURL(/\/checkout\//);
}

test.describe('in English', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/influencer.html?kiosk_ref=ana');
    await checkOut(page, () => addToCart(page, TEE));
    await shipToNewYork(page);
  });

  test('the wallet: leave for its page, approve, come back paid', async ({ page }) => {
    const methods = page.getByRole('group', { name: 'Payment method' });
    await expect(methods.getByRole('radio', { name: 'Card' })).toBeChecked();
    await methods.getByRole('radio', { name: 'Test Wallet' }).check();
    // The card fields are for the card only.
    await expect(page.getByLabel('Card number')).toBeHidden();
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(/\/pay\/pay_/);
    await expect(page.getByRole('heading', { name: 'Test Wallet' })).toBeVisible();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/checkout\/[^/]+\?/);
    await expect(page.getByText('Thank you! Your payment was received.')).toBeVisible();
  });

  test('the wallet: cancel, come back, then pay by card instead', async ({ page }) => {
    await page.getByRole('radio', { name: 'Test Wallet' }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('button', { name: 'Cancel and return' }).click();
    await page.waitForURL(/\/checkout\/[^/]+\?.*error=walletCancelled/);
    await expect(page.getByRole('alert')).toHaveText(
      'Payment cancelled. Try again, or choose another method.',
    );
    await page.getByRole('radio', { name: 'Card' }).check();
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Name on card').fill('Elin Berg');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByText('Thank you! Your payment was received.')).toBeVisible();
  });
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the voucher: its number, amount and expiry; paid later, the order is confirmed', async ({
    page,
  }) => {
    await page.goto('/influencer.html?kiosk_ref=ana');
    await page.getByLabel('Language').selectOption('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await checkOut(page, async (tee) => {
      await tee.locator('[part=button]').click();
      await expect(tee.locator('[part=status]')).toContainText('Warenkorb');
    });
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await shipIn(page, 'de');
    await page
      .getByRole('group', { name: 'Zahlungsart' })
      .getByRole('radio', { name: 'Test-Zahlschein' })
      .check();
    await page.getByRole('button', { name: /bezahlen$/ }).click();

    const voucher = page.getByRole('region', { name: 'Dein Zahlschein' });
    await expect(voucher).toBeVisible();
    await expect(voucher.locator('[data-voucher-code]')).toHaveText(/^(\d{5} ){4}\d$/);
    await expect(voucher.locator('[data-voucher-amount]')).toHaveText(
      /^\d{1,3}(\.\d{3})*,\d{2}\s€$/,
    );
    await expect(voucher.getByRole('status')).toHaveText(
      'Wir bestätigen deine Bestellung, sobald der Zahlschein bezahlt ist. Deine Artikel sind bis dahin reserviert.',
    );
    const checkoutUrl = page.url();

    // The shopper pays it at the "bank" (the network's voucher page); its webhook confirms it.
    await voucher.getByRole('link', { name: 'Zahlschein zum Bezahlen öffnen' }).click();
    await page.getByRole('button', { name: 'Pay this voucher (test bank)' }).click();
    await expect(page.getByText('This voucher is paid.')).toBeVisible();
    await expect(async () => {
      await page.goto(checkoutUrl);
      await expect(page.getByText('Danke! Deine Zahlung ist eingegangen.')).toBeVisible({
        timeout: 1000,
      });
    }).toPass();
  });
});

/** A storefront call with Aurora's publishable key, as the SDK makes it. */
async function storefront(path: string, body?: unknown) {
  const res = await fetch(`${apiUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'X-Kiosk-Key': 'pk_test_aurora',
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `${path} → ${res.status}`).toBe(true);
  return res.json();
}

test.describe('in Arabic, without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'ar-EG' });

  test('the radio group and both flows work as plain forms, right to left', async ({ page }) => {
    const product = await storefront(`/v1/products/${TEE}`);
    const cart = await storefront('/v1/carts', {});
    await storefront(`/v1/carts/${cart.id}/lines`, {
      variantId: product.variants[0].id,
      quantity: 1,
    });
    const { checkoutUrl } = await storefront(`/v1/carts/${cart.id}/checkout`, {});
    await page.goto(checkoutUrl);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await shipIn(page, 'ar');
    const methods = page.getByRole('group', { name: 'طريقة الدفع' });
    await methods.getByRole('radio', { name: 'محفظة تجريبية' }).check();
    await page.locator('#kiosk-pay button[type=submit]').click();
    await page.getByRole('button', { name: 'Cancel and return' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'أُلغي الدفع. حاول مرة أخرى أو اختر طريقة دفع أخرى.',
    );
    await page.getByRole('radio', { name: 'قسيمة تجريبية' }).check();
    await page.locator('#kiosk-pay button[type=submit]').click();
    const voucher = page.getByRole('region', { name: 'قسيمتك' });
    await expect(voucher.locator('[data-voucher-code]')).toHaveText(/^(\d{5} ){4}\d$/);
    await expect(voucher.getByRole('status')).toHaveText(
      'سنؤكد طلبك فور دفع القسيمة. تبقى منتجاتك محجوزة حتى ذلك الحين.',
    );
  });
});
