// Back in stock, end to end (issue 13): a sold-out card on a brand's page → "Notify me" by web
// push → the merchant restocks → the API pushes a real encrypted message (VAPID, aes128gcm) to
// the demo's local push service, which decrypts it → the page's real service worker
// (kiosk-sw.js) gets it and reports it delivered to the API → the message's link opens the
// page with the card focused → add to cart → checkout → the order line carries the topic.
//
// Stood in for, as the browser's vendor would provide them: the push service (local, loopback)
// and `PushManager.subscribe` (Chromium cannot reach a real push service here: it answers a
// subscription on the local one, with real keys). The notification click is left out: the
// DevTools protocol cannot click a notification, so the test opens the message's link itself.
import { deliverPush } from '../../../scripts/deliver-push.mjs';
import { shipToNewYork } from './checkout-address.js';
import { apiUrl, demoUrl } from './env.js';
import { addToCart, admin, card, expect, servePage, test } from './fixtures.js';
import { pushSubscription, pushTo, withoutQuietHours } from './notifications.js';

const HANDLE = 'aurora-bucket-hat';

/** A brand's page: the CDN loader naming the site's service worker, a mini cart, one card. */
const brandPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hats — Aurora Apparel</title>
<link rel="stylesheet" href="/cdn/kiosk.css">
<script src="/cdn/kiosk.js" defer data-endpoint="${apiUrl}" data-store-key="pk_test_aurora"
  data-service-worker="/cdn/kiosk-sw.js"></script>
</head><body>
<header><kiosk-mini-cart></kiosk-mini-cart></header>
<main><h1>Hats</h1><kiosk-product-card product="${HANDLE}"></kiosk-product-card></main>
</body></html>`;

type AdminProduct = { id: string; variants: { id: string; stock: number }[] };

test('back in stock: Notify me, restock, the push reaches the service worker, the link sells', async ({
  browser,
  context,
  page,
  pageProblems: problems,
}) => {
  const { id } = await (
    await fetch(`${apiUrl}/v1/products/${HANDLE}`, { headers: { 'X-Kiosk-Key': 'pk_test_aurora' } })
  ).json();
  const product = await admin<AdminProduct>(`/admin/v1/products/${id}`);
  const variant = (v: { id: string }) => `/admin/v1/products/${id}/variants/${v.id}`;
  for (const v of product.variants)
    await admin(variant(v), { method: 'PATCH', body: { stock: 0 } });

  const subscription = await pushSubscription();
  await context.grantPermissions(['notifications'], { origin: demoUrl });
  // The browser's part that cannot work offline: a subscription at its vendor's push service.
  // This one is on the demo's local service, with the keys that service decrypts with.
  await context.addInitScript((sub) => {
    const bytes = (b64url: string) =>
      Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
        .buffer;
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) =>
      ({
        endpoint: sub.endpoint,
        expirationTime: null,
        options,
        getKey: (name: 'p256dh' | 'auth') => bytes(sub.keys[name]),
        toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
        unsubscribe: async () => true,
      }) as unknown as PushSubscription;
  }, subscription);

  const path = await servePage('back-in-stock.html', brandPage);
  await page.goto(path);
  const hat = card(page, HANDLE);
  await expect(hat).toHaveAttribute('state', 'sold-out');

  await withoutQuietHours(async () => {
    await test.step('Notify me, by web push', async () => {
      await hat.getByRole('button', { name: 'Notify me' }).click();
      await hat.getByRole('button', { name: 'Turn on notifications' }).click();
      await expect(hat.locator('#notify').getByRole('status')).toHaveText('We’ll let you know.');
    });

    const push = await test.step('the merchant restocks: the push arrives, decrypted', async () => {
      for (const v of product.variants) {
        await admin(variant(v), { method: 'PATCH', body: { stock: v.stock || 10 } });
      }
      const received = await pushTo(subscription.endpoint);
      expect(received.payload.title).toBe('Back in stock');
      expect(received.payload.body).toContain('Bucket Hat');
      return received.payload;
    });

    await test.step('the service worker shows it and reports it delivered to the API', async () => {
      const receipt = context.waitForEvent(
        'request',
        (r) => r.url() === push.receipt.endpoint && r.method() === 'POST',
      );
      await deliverPush(page, `${demoUrl}/cdn/`, JSON.stringify(push));
      const request = await receipt;
      expect(request.postDataJSON()).toEqual({
        message: push.id,
        token: push.receipt.token,
        event: 'delivered',
      });
      expect((await request.response())?.status(), 'the API took the receipt').toBe(204);
    });

    const url = new URL(push.url);
    expect(url.pathname).toBe(path);
    expect(url.searchParams.get('kiosk_product')).toBe(HANDLE);
    expect(url.searchParams.get('kiosk_campaign')).toBe('back-in-stock');

    await test.step('the link opens the page with the card focused; add to cart, pay', async () => {
      // In a browser whose HTTP cache still holds the product read of the sold-out card
      // (public, max-age 30 s, stale-while-revalidate 300 s) the link would show it sold out
      // for minutes: a known gap, not this test's subject. The shopper here follows the link
      // with that read no longer cached, as a notification tapped later would.
      const shopper = await browser.newContext();
      const page = await shopper.newPage();
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      const hat = card(page, HANDLE);
      await page.goto(push.url);
      await expect(hat).toHaveAttribute('state', 'ready');
      await expect(hat.locator('[part=title]')).toBeFocused();
      await addToCart(page, HANDLE);
      const miniCart = page.locator('kiosk-mini-cart');
      await miniCart.locator('[part~=trigger]').click();
      await miniCart.getByRole('dialog').getByRole('button', { name: 'Check out' }).click();
      await page.waitForURL(/\/checkout\//);
      const orderId = new URL(page.url()).pathname.split('/').pop();
      await shipToNewYork(page, 'Elin Berg');
      await page.getByLabel('Card number').fill('4242 4242 4242 4242');
      await page.getByLabel('Name on card').fill('Elin Berg');
      await page.getByRole('button', { name: /^Pay / }).click();
      await expect(page.getByText('Thank you! Your payment was received.')).toBeVisible();

      const orders = await admin<{ items: { id: string; lines: { campaign: string | null }[] }[] }>(
        '/admin/v1/orders?first=100',
      );
      const order = orders.items.find((o) => o.id === orderId);
      expect(order?.lines.map((l) => l.campaign)).toEqual(['back-in-stock']);
      await shopper.close();
    });
  });
});
