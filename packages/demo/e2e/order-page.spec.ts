// After a purchase: the paid page of the hosted checkout links to the hosted order page, which
// shows the order and, once the merchant ships it, the shipment with its tracking — in
// English, German and Arabic (right to left), under the hosted pages' strict CSP.
import { randomUUID } from 'node:crypto';
import { shipIn, shipToNewYork } from './checkout-address.js';
import { apiUrl } from './env.js';
import { admin, expect, newShopper, signUpInPopup, test } from './fixtures.js';

/** A guest's pending order of one unit of an in-stock product, made through the API. */
async function guestOrder(): Promise<string> {
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'X-Kiosk-Key': 'pk_test_aurora',
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.ok, `${path} → ${response.status}`).toBe(true);
    return response.json();
  };
  const products = await call('/v1/products?first=20');
  const variant = products.items
    .flatMap((p: { variants: { id: string; quantityAvailable: number }[] }) => p.variants)
    .find((v: { quantityAvailable: number }) => v.quantityAvailable > 0);
  const cart = await call('/v1/carts', {});
  await call(`/v1/carts/${cart.id}/lines`, { variantId: variant.id, quantity: 1 });
  const checkout = await call(`/v1/carts/${cart.id}/checkout`, { email: 'guest@example.test' });
  return checkout.orderId;
}

const languages = [
  {
    locale: 'en',
    card: 'Card number',
    name: 'Name on card',
    pay: /^Pay /,
    view: 'View order',
    notShipped: 'Not shipped yet.',
    inTransit: 'In transit',
    dir: 'ltr',
  },
  {
    locale: 'de',
    card: 'Kartennummer',
    name: 'Name auf der Karte',
    pay: /bezahlen/,
    view: 'Bestellung ansehen',
    notShipped: 'Noch nicht versandt.',
    inTransit: 'Unterwegs',
    dir: 'ltr',
  },
  {
    locale: 'ar',
    card: 'رقم البطاقة',
    name: 'الاسم على البطاقة',
    pay: /ادفع/,
    view: 'عرض الطلب',
    notShipped: 'لم يُشحن بعد.',
    inTransit: 'قيد النقل',
    dir: 'rtl',
  },
];

for (const lang of languages) {
  test(`the order page after paying, with its shipment (${lang.locale})`, async ({ page }) => {
    const orderId = await guestOrder();
    await page.goto(`${apiUrl}/checkout/${orderId}?locale=${lang.locale}`);
    if (lang.locale === 'en') await shipToNewYork(page);
    else await shipIn(page, lang.locale as 'de' | 'ar');
    await page.getByLabel(lang.card).fill('4242 4242 4242 4242');
    await page.getByLabel(lang.name).fill('Elin Berg');
    await page.getByRole('button', { name: lang.pay }).click();

    await page.getByRole('link', { name: lang.view }).click();
    await page.waitForURL(new RegExp(`/orders/${orderId}`));
    await expect(page.locator('html')).toHaveAttribute('dir', lang.dir);
    await expect(page.locator('[data-status=paid]')).toBeVisible();
    await expect(page.getByText(lang.notShipped)).toBeVisible();
    // Where it goes, as its country writes it, and what shipping cost.
    await expect(page.locator('address[data-shipping-address]')).toBeVisible();
    await expect(page.locator('[data-row=shipping]')).toBeVisible();

    const shipped = await admin(`/admin/v1/orders/${orderId}/shipments`, {
      body: { carrier: 'DHL', trackingNumber: 'JD014600006281230' },
    });
    await admin(`/admin/v1/orders/${orderId}/shipments/${shipped.shipments[0].id}/events`, {
      body: { status: 'in_transit', time: new Date().toISOString(), location: 'Leipzig' },
    });
    await page.reload();
    const shipment = page.locator('.shipment');
    await expect(shipment).toContainText('DHL');
    await expect(shipment).toContainText('JD014600006281230');
    await expect(shipment.locator('[data-event=in_transit]')).toContainText(lang.inTransit);
    await expect(shipment).toContainText('Leipzig');
  });
}

test('the login button’s account menu opens the shopper’s orders on the hosted page', async ({
  page,
}) => {
  await page.goto('/brand.html');
  const login = page.locator('header.site-header kiosk-login-button');
  const shopper = newShopper('Saga Holm');
  await signUpInPopup(page, () => login.getByRole('button', { name: 'Sign in' }).click(), shopper);
  await login.getByRole('button', { name: /Saga Holm/ }).click();
  await login.getByRole('menuitem', { name: 'Orders' }).click();
  await page.waitForURL(/\/orders\?access=/);
  // A link the API signed, not the shopper's access token.
  expect(new URL(page.url()).searchParams.get('access')).toMatch(
    /^[0-9a-f-]{36}\.[0-9a-f-]{36}\.\d+\./,
  );
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();
  await expect(page.getByText('You have no orders yet.')).toBeVisible();
});
