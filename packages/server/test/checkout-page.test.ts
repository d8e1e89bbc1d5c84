import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hostedLocales } from '../src/hosted/i18n.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();

async function pendingOrder(s: TestStore, token?: string) {
  const p = await createTestProduct(t.current.db, s.store, {
    title: 'Canvas <b>Tote</b>',
    variants: [{ title: 'Natural', stock: 5, prices: { USD: 123456, EUR: 99900 } }],
  });
  const auth = token ? { token } : {};
  const cart = await t.current.request('/v1/carts', { key: s.pk, body: {}, ...auth });
  await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    body: { variantId: p.variantIds[0], quantity: 1 },
    ...auth,
  });
  const res = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    body: {},
    ...auth,
  });
  expect(res.status).toBe(201);
  return res.body as { orderId: string; checkoutUrl: string };
}

function pay(
  orderId: string,
  fields: Record<string, string>,
  options: { query?: string; origin?: string | null } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.origin !== null) headers.origin = options.origin ?? 'http://localhost';
  return t.current.request(`/checkout/${orderId}/pay${options.query ?? ''}`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers,
  });
}

describe('hosted checkout page', () => {
  it('shows the order summary, the test-mode notice and a strict CSP', async () => {
    const s = await createTestStore(t.current.db);
    const { orderId, checkoutUrl } = await pendingOrder(s);
    const res = await t.current.request(new URL(checkoutUrl).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = res.body as string;
    expect(page).toContain('Test mode — no real payment');
    expect(page).toContain('4242 4242 4242 4242');
    expect(page).toContain('$1,234.56');
    expect(page).toContain('Canvas &lt;b&gt;Tote&lt;/b&gt;'); // escaped, never HTML
    expect(page).toContain(`action="/checkout/${orderId}/pay?locale=en"`);
    expect(page).toContain('<script src="/assets/checkout.js" defer>');
    expect(page).not.toMatch(/<script>(?!<\/script>)/);
    const asset = await t.current.request('/assets/checkout.js');
    expect(asset.status).toBe(200);
  });

  it('speaks the 8 locales, by ?locale= then Accept-Language, RTL for Arabic', async () => {
    const s = await createTestStore(t.current.db);
    const { orderId } = await pendingOrder(s);
    const titles = new Set<string>();
    for (const locale of hostedLocales) {
      const res = await t.current.request(`/checkout/${orderId}?locale=${locale}`);
      expect(res.body).toContain(`lang="${locale}"`);
      titles.add(/<h1>(.*?)<\/h1>/.exec(res.body)![1]!);
    }
    expect(titles.size).toBe(hostedLocales.length);
    const ar = await t.current.request(`/checkout/${orderId}`, {
      headers: { 'accept-language': 'ar-EG,ar;q=0.9' },
    });
    expect(ar.body).toContain('dir="rtl"');
    const de = await t.current.request(`/checkout/${orderId}?locale=de`);
    expect(de.body).toContain('1.234,56');
  });

  it('declines a wrong card, then pays with the test card and earns points', async () => {
    const s = await createTestStore(t.current.db);
    const alice = await createTestCustomer(t.current, s.store);
    const { orderId } = await pendingOrder(s, alice.token);
    const wrong = await pay(
      orderId,
      { card: '4000 0000 0000 0002', name: 'Alice' },
      { query: '?locale=fr' },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('La carte a été refusée');
    expect(wrong.body).toContain('value="Alice"');
    const noName = await pay(orderId, { card: '4242424242424242', name: ' ' });
    expect(noName.status).toBe(422);
    expect(noName.body).toContain('Enter the name on the card.');
    let order = await t.current.request(`/v1/orders/${orderId}`, { key: s.pk, token: alice.token });
    expect(order.body.status).toBe('pending');
    const ok = await pay(orderId, { card: '4242 4242 4242 4242', name: 'Alice' });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Thank you! Your payment was received.');
    expect(ok.body).not.toContain('Return to shop');
    order = await t.current.request(`/v1/orders/${orderId}`, { key: s.pk, token: alice.token });
    expect(order.body).toMatchObject({ status: 'paid', pointsEarned: 1234 });
    // Paying again changes nothing and shows the status.
    const again = await pay(orderId, { card: '4242424242424242', name: 'Alice' });
    expect(again.body).toContain('This order is paid.');
    const view = await t.current.request(`/checkout/${orderId}`);
    expect(view.body).toContain('This order is paid.');
    expect(view.body).not.toContain('<form');
  });

  it('offers a return link only to an allowed origin, never redirecting', async () => {
    const s = await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const { orderId } = await pendingOrder(s);
    const evil = encodeURIComponent('https://evil.example/phish');
    const page = await t.current.request(`/checkout/${orderId}?return_to=${evil}`);
    expect(page.body).not.toContain('evil.example');
    const js = encodeURIComponent('javascript:alert(1)');
    const paidEvil = await pay(
      orderId,
      { card: '4242424242424242', name: 'A' },
      { query: `?return_to=${js}` },
    );
    expect(paidEvil.status).toBe(200);
    expect(paidEvil.body).not.toContain('javascript:');
    expect(paidEvil.body).not.toContain('Return to shop');
    const good = encodeURIComponent('https://shop.example/thanks?x=1');
    const res = await t.current.request(`/checkout/${orderId}?return_to=${good}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('href="https://shop.example/thanks?x=1"');
    expect(res.headers.get('location')).toBeNull();
  });

  it('carries return_to through the pay form to the confirmation', async () => {
    const s = await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const { orderId } = await pendingOrder(s);
    const good = encodeURIComponent('https://shop.example/done');
    const page = await t.current.request(`/checkout/${orderId}?return_to=${good}`);
    const action = /action="([^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const res = await pay(
      orderId,
      { card: '4242424242424242', name: 'A' },
      { query: action.slice(action.indexOf('?')) },
    );
    expect(res.body).toContain('Thank you!');
    expect(res.body).toContain('href="https://shop.example/done"');
  });

  it('refuses a payment posted from another origin', async () => {
    const s = await createTestStore(t.current.db);
    const { orderId } = await pendingOrder(s);
    const foreign = await pay(
      orderId,
      { card: '4242424242424242', name: 'A' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(400);
    const missing = await pay(orderId, { card: '4242424242424242', name: 'A' }, { origin: null });
    expect(missing.status).toBe(400);
    const order = await t.current.request(`/v1/orders/${orderId}`, { key: s.pk });
    expect(order.body.status).toBe('pending');
  });

  it('shows cancelled orders and answers unknown ids with a 404 page', async () => {
    const s = await createTestStore(t.current.db);
    const { orderId } = await pendingOrder(s);
    await t.current.request(`/admin/v1/orders/${orderId}/cancel`, { token: s.sk, method: 'POST' });
    const res = await t.current.request(`/checkout/${orderId}`);
    expect(res.body).toContain('This order was cancelled.');
    const paid = await pay(orderId, { card: '4242424242424242', name: 'A' });
    expect(paid.body).toContain('This order was cancelled.');
    for (const id of [randomUUID(), 'nope']) {
      const missing = await t.current.request(`/checkout/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('Order not found');
    }
  });
});
