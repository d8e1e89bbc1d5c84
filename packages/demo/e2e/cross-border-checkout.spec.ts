// The hosted checkout across borders, in Chromium: the destination country's address form
// (fields, labels, autofill tokens, postal-code check with a translated error beside the
// field), a shipping rate picked, the landed total (shipping, tax included or added) before
// paying with the test card — in English, German and Arabic (right to left), and without
// JavaScript.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { apiUrl, demoUrl } from './env.js';
import { expect, test } from './fixtures.js';

const TEE = 'aurora-classic-tee';

/** A storefront API call of the demo store, as the shop's page makes it. */
async function storefront(path: string, body?: unknown) {
  const res = await fetch(`${apiUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'X-Kiosk-Key': 'pk_test_aurora',
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
      Origin: demoUrl,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `${path} → ${res.status}`).toBe(true);
  return res.json();
}

/** A cart of `quantity` tees in `currency`, checked out through the API; the hosted page's URL in `locale`. */
async function checkoutUrl(currency: string, locale: string, quantity = 1): Promise<string> {
  const product = await storefront(`/v1/products/${TEE}?currency=${currency}`);
  const variant = product.variants.find((v: { available: boolean }) => v.available);
  const cart = await storefront('/v1/carts', { currency });
  await storefront(`/v1/carts/${cart.id}/lines`, { variantId: variant.id, quantity });
  const { checkoutUrl } = await storefront(`/v1/carts/${cart.id}/checkout`, {});
  return `${checkoutUrl}?locale=${locale}`;
}

/** The order as the API has it (a guest's order, by its id), to check the page's figures add up. */
async function orderOf(page: Page) {
  return storefront(`/v1/orders/${new URL(page.url()).pathname.split('/').pop()}`);
}

const minor = (m: { amount: string }) => Math.round(Number(m.amount) * 100);

test('English: a US address (ZIP checked), express shipping, sales tax added, paid', async ({
  page,
}) => {
  await page.goto(await checkoutUrl('USD', 'en'));
  await expect(page.getByRole('heading', { name: 'Shipping address' })).toBeVisible();
  await expect(page.getByLabel('Country or region')).toHaveValue('US');
  await expect(page.getByLabel('Country or region')).toHaveAttribute(
    'autocomplete',
    'shipping country',
  );
  await expect(page.getByLabel('ZIP code', { exact: true })).toHaveAttribute(
    'autocomplete',
    'shipping postal-code',
  );
  await expect(page.getByLabel('Address', { exact: true })).toHaveAttribute(
    'autocomplete',
    'shipping address-line1',
  );
  await expect(page.getByLabel('Card number')).toHaveCount(0);
  // With JavaScript a picked country submits itself: no Update button to press.
  await expect(page.getByRole('button', { name: 'Update address form' })).toBeHidden();

  await page.getByLabel('Full name', { exact: true }).fill('Sam Shopper');
  await page.getByLabel('Address', { exact: true }).fill('1 Main St');
  await page.getByLabel('City', { exact: true }).fill('Brooklyn');
  await page.getByLabel('State', { exact: true }).selectOption('NY');
  await page.getByLabel('ZIP code', { exact: true }).fill('1120');
  await page.getByRole('button', { name: 'Use this address' }).click();
  const zip = page.getByLabel('ZIP code', { exact: true });
  await expect(zip).toHaveAttribute('aria-invalid', 'true');
  await expect(zip).toHaveAccessibleDescription(/Enter a valid ZIP code, e\.g\. \d{5}/);
  await zip.fill('11201');
  await page.getByRole('button', { name: 'Use this address' }).click();

  await expect(page.locator('address')).toContainText('BROOKLYN New York 11201');
  await expect(page.getByRole('radio', { name: /Standard/ })).toBeChecked();
  await page.getByRole('radio', { name: /Express/ }).check();
  await expect(page.locator('[data-row=shipping]')).toContainText('Express · 1–2 business days');
  await expect(page.locator('[data-row=tax]')).toContainText('Tax');

  const order = await orderOf(page);
  expect(order.taxIncluded).toBe(false);
  expect(minor(order.total)).toBe(
    minor(order.subtotal) + minor(order.shipping.amount) + minor(order.tax),
  );
  await expect(page.locator('[data-row=total]')).toContainText(`$${order.total.amount}`);

  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Name on card').fill('Sam Shopper');
  await page.getByRole('button', { name: `Pay $${order.total.amount}` }).click();
  await expect(page.getByText('Thank you! Your payment was received.')).toBeVisible();
  const paid = await orderOf(page);
  expect(paid).toMatchObject({ status: 'paid', shipping: { rateId: 'express' } });
  expect(paid.shippingAddress).toMatchObject({ country: 'US', postalCode: '11201', area: 'NY' });
});

test('German: a German address, VAT included in the total, paid', async ({ page }) => {
  await page.goto(await checkoutUrl('EUR', 'de'));
  await expect(page.getByRole('heading', { name: 'Lieferadresse' })).toBeVisible();
  await expect(page.getByLabel('Land oder Region')).toHaveValue('DE');
  await page.getByLabel('Vollständiger Name', { exact: true }).fill('Max Mustermann');
  await page.getByLabel('Straße und Hausnummer', { exact: true }).fill('Hauptstraße 1');
  await page.getByLabel('Postleitzahl', { exact: true }).fill('10115');
  await page.getByLabel('Ort', { exact: true }).fill('Berlin');
  await page.getByRole('button', { name: 'Diese Adresse verwenden' }).click();

  await expect(page.getByRole('radio', { name: /Standard/ })).toBeChecked();
  await expect(page.locator('[data-row=tax]')).toContainText('inkl. MwSt.');
  const order = await orderOf(page);
  expect(order.taxIncluded).toBe(true);
  // Included: the total is the goods and the shipping; the VAT is a part of it.
  expect(minor(order.total)).toBe(minor(order.subtotal) + minor(order.shipping.amount));
  expect(minor(order.tax)).toBe(Math.round((minor(order.total) * 19) / 119));

  await page.getByLabel('Kartennummer').fill('4242 4242 4242 4242');
  await page.getByLabel('Name auf der Karte').fill('Max Mustermann');
  await page.getByRole('button', { name: /bezahlen$/ }).click();
  await expect(page.getByText('Danke! Deine Zahlung ist eingegangen.')).toBeVisible();
});

test('Arabic, right to left: the form changes to Saudi Arabia, VAT included, paid', async ({
  page,
}) => {
  await page.goto(await checkoutUrl('USD', 'ar'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'عنوان الشحن' })).toBeVisible();
  // Picking a country re-renders the form for it (checkout.js submits the change).
  await page.getByLabel('البلد أو المنطقة').selectOption('SA');
  await expect(page.locator('#kiosk-address')).toHaveAttribute('data-country', 'SA');
  await page.getByLabel('الاسم الكامل', { exact: true }).fill('سارة أحمد');
  await page.getByLabel('العنوان', { exact: true }).fill('طريق الملك فهد 1');
  await page.getByLabel('المدينة', { exact: true }).fill('الرياض');
  await page.getByRole('button', { name: 'استخدام هذا العنوان' }).click();

  await expect(page.locator('address')).toContainText('المملكة العربية السعودية');
  await expect(page.getByRole('radio', { name: /Courier/ })).toBeChecked();
  await expect(page.locator('[data-row=tax]')).toContainText('شامل ضريبة القيمة المضافة');
  const order = await orderOf(page);
  expect(order.shippingAddress.country).toBe('SA');
  expect(minor(order.total)).toBe(minor(order.subtotal) + minor(order.shipping.amount));

  await page.getByLabel('رقم البطاقة').fill('4242 4242 4242 4242');
  await page.getByLabel('الاسم على البطاقة').fill('Sara Ahmed');
  await page.getByRole('button', { name: /^ادفع/ }).click();
  await expect(page.getByText('شكرًا لك! تم استلام دفعتك.')).toBeVisible();
});

test('without JavaScript: the Update button changes the country, and a rate is picked with its button', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(await checkoutUrl('GBP', 'en'));
  await page.getByLabel('Country or region').selectOption('GB');
  await page.getByRole('button', { name: 'Update address form' }).click();
  await expect(page.locator('#kiosk-address')).toHaveAttribute('data-country', 'GB');
  await page.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('Address', { exact: true }).fill('10 Downing Street');
  await page.getByLabel('Town/City', { exact: true }).fill('London');
  await page.getByLabel('Postal code', { exact: true }).fill('SW1A 2AA');
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByRole('radio', { name: /Standard/ })).toBeChecked();
  await page.getByRole('button', { name: 'Update shipping method' }).click();
  await expect(page.locator('[data-row=tax]')).toContainText('Including VAT');
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Name on card').fill('Ada Lovelace');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByText('Thank you! Your payment was received.')).toBeVisible();
  await context.close();
});
