import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pointsEntries } from '../src/db/schema/index.js';
import { hostedLocales } from '../src/hosted/i18n.js';
import { checkoutMessages } from '../src/hosted/messages/checkout.js';
import {
  type ApiResponse,
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

/** The query of the page's pay form (locale, return_to), as the browser posts it. */
function formQuery(page: string) {
  const action = /action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
  return action.slice(action.indexOf('?'));
}

/** Follows a 303 the way a browser does: a GET of the Location. */
function follow(res: ApiResponse) {
  expect(res.status).toBe(303);
  return t.current.request(res.headers.get('location')!);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

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
    // A Latin currency code is isolated, so right to left it reads "US$" beside the number.
    expect(ar.body).toMatch(/\u2068US\$\u2069/);
    const de = await t.current.request(`/checkout/${orderId}?locale=de`);
    expect(de.body).toContain('1.234,56');
  });

  it('opens in the shop page’s language and direction, and says which currency it charges', async () => {
    const s = await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const { orderId } = await pendingOrder(s); // a USD cart
    const back = encodeURIComponent('https://shop.example/ar/');
    const res = await t.current.request(
      `/checkout/${orderId}?locale=ar&currency=eur&return_to=${back}`,
    );
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain(`<h1>${checkoutMessages.ar.title}</h1>`);
    expect(res.body).toContain(checkoutMessages.ar.returnToShop);
    // The page showed euros; the order is charged in dollars, and the page says so in Arabic.
    const dollars = new Intl.DisplayNames('ar', { type: 'currency' }).of('USD')!;
    const note = /<p class="hint" data-charged-in="USD">(.*?)<\/p>/.exec(res.body);
    expect(note?.[1]).toBe(checkoutMessages.ar.chargedIn.replace('{currency}', dollars));
    // The language, the way back and the currency survive the form post and its redirect.
    const query = formQuery(res.body);
    expect(new URLSearchParams(query).get('currency')).toBe('EUR');
    const declined = await follow(
      await pay(orderId, { card: '4000000000000002', name: 'A' }, { query }),
    );
    expect(declined.body).toContain('<html lang="ar" dir="rtl">');
    expect(declined.body).toContain('data-charged-in="USD"');

    // The same currency as the order, one the store does not sell (the page fell back to the
    // store's), none, or junk: no note.
    for (const currency of ['USD', 'EGP', '', 'EURO', '%3Cb%3E']) {
      const page = await t.current.request(`/checkout/${orderId}?locale=ar&currency=${currency}`);
      expect(page.status).toBe(200);
      expect(page.body, currency).not.toContain('data-charged-in');
    }
  });

  it('is POST-redirect-GET: a decline, a missing name and a payment each answer 303 to the page', async () => {
    const s = await createTestStore(t.current.db);
    const alice = await createTestCustomer(t.current, s.store);
    const { orderId } = await pendingOrder(s, alice.token);
    const wrong = await pay(
      orderId,
      { card: '4000 0000 0000 0002', name: 'Alice' },
      { query: '?locale=fr' },
    );
    expect(wrong.status).toBe(303);
    const declinedAt = wrong.headers.get('location')!;
    expect(declinedAt).toBe(`/checkout/${orderId}?locale=fr&error=declined`);
    // The card and the name never travel in the URL (its query: the order id is random hex).
    expect(new URL(declinedAt, 'http://localhost').search).not.toMatch(/4000|0002|Alice/);
    const declined = await follow(wrong);
    expect(declined.status).toBe(200);
    expect(declined.body).toContain('La carte a été refusée');
    expect(declined.body).toContain('aria-invalid="true"');
    const noName = await follow(await pay(orderId, { card: '4242424242424242', name: ' ' }));
    expect(noName.body).toContain('Enter the name on the card.');
    let order = await t.current.request(`/v1/orders/${orderId}`, { key: s.pk, token: alice.token });
    expect(order.body.status).toBe('pending');

    const ok = await pay(orderId, { card: '4242 4242 4242 4242', name: 'Alice' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/checkout/${orderId}?locale=en`);
    const paidPage = await follow(ok);
    expect(paidPage.body).toContain('Thank you! Your payment was received.');
    expect(paidPage.body).toContain('Points earned with this order: 1,234.');
    expect(paidPage.body).not.toContain('Return to shop');
    order = await t.current.request(`/v1/orders/${orderId}`, { key: s.pk, token: alice.token });
    expect(order.body).toMatchObject({
      status: 'paid',
      pointsEarned: 1234,
      payment: { provider: 'test-card', reference: expect.stringMatching(/^test_/) },
    });

    // Reload of the result (a GET) and a resubmitted form (Back, then the browser re-posts)
    // change nothing: one payment, one earn.
    const reload = await t.current.request(ok.headers.get('location')!);
    expect(reload.body).toContain('This order is paid.');
    expect(reload.body).not.toContain('<form');
    const again = await pay(orderId, { card: '4242424242424242', name: 'Alice' });
    expect(again.status).toBe(303);
    expect((await follow(again)).body).toContain('This order is paid.');
    const after = await t.current.request(`/v1/orders/${orderId}`, {
      key: s.pk,
      token: alice.token,
    });
    expect(after.body.paidAt).toBe(order.body.paidAt);
    expect(after.body.payment).toEqual(order.body.payment);
    const earns = await t.current.db
      .select()
      .from(pointsEntries)
      .where(and(eq(pointsEntries.orderId, orderId), eq(pointsEntries.kind, 'earn')));
    expect(earns).toHaveLength(1);
    // A forged flash shows nothing but the known messages.
    const forged = await t.current.request(`/checkout/${orderId}?error=%3Cscript%3E`);
    expect(forged.body).not.toContain('<script>');
  });

  it('the paid page says the points earned and leads back to the shop, in the page language', async () => {
    const s = await createTestStore(t.current.db, {
      allowedOrigins: ['https://shop.example'],
      pointsRules: { rates: { USD: 1, EUR: 0.9 }, pendingDays: 14 },
    });
    const alice = await createTestCustomer(t.current, s.store);
    const { orderId } = await pendingOrder(s, alice.token);
    const back = encodeURIComponent('https://shop.example/post?kiosk_ref=ana');
    const page = await t.current.request(`/checkout/${orderId}?locale=de&return_to=${back}`);
    // The shopper can go back to the shop (and the cart, kept as it was) before paying too.
    expect(page.body).toContain('href="https://shop.example/post?kiosk_ref=ana">Zurück zum Shop');
    const query = formQuery(page.body);
    const paid = await follow(
      await pay(orderId, { card: '4242424242424242', name: 'A' }, { query }),
    );
    expect(paid.body).toContain('lang="de"');
    expect(paid.body).toContain('Danke! Deine Zahlung ist eingegangen.');
    expect(paid.body).toContain('Mit dieser Bestellung gesammelte Punkte: 1.234.');
    expect(paid.body).toContain('Rückgabefrist von 14 Tagen');
    expect(paid.body).toContain('href="https://shop.example/post?kiosk_ref=ana">Zurück zum Shop');

    // A guest order earns nothing, so the page says nothing about points.
    const guest = await pendingOrder(s);
    const guestPaid = await follow(
      await pay(guest.orderId, { card: '4242424242424242', name: 'B' }),
    );
    expect(guestPaid.body).toContain('Thank you!');
    expect(guestPaid.body).not.toContain('Points earned');
  });

  it('offers a return link only to an allowed origin, never redirecting there', async () => {
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
    expect(paidEvil.status).toBe(303);
    expect(paidEvil.headers.get('location')).toBe(`/checkout/${orderId}?locale=en`);
    const shown = await follow(paidEvil);
    expect(shown.body).not.toContain('javascript:');
    expect(shown.body).not.toContain('Return to shop');
    const good = encodeURIComponent('https://shop.example/thanks?x=1');
    const res = await t.current.request(`/checkout/${orderId}?return_to=${good}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('href="https://shop.example/thanks?x=1"');
    expect(res.headers.get('location')).toBeNull();
  });

  it('carries return_to through the pay form and its redirect to the confirmation', async () => {
    const s = await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const { orderId } = await pendingOrder(s);
    const good = encodeURIComponent('https://shop.example/done');
    const page = await t.current.request(`/checkout/${orderId}?return_to=${good}`);
    const query = formQuery(page.body);
    const declined = await pay(orderId, { card: '1111', name: 'A' }, { query });
    expect(declined.headers.get('location')).toBe(
      `/checkout/${orderId}?locale=en&return_to=${good}&error=declined`,
    );
    const res = await follow(
      await pay(orderId, { card: '4242424242424242', name: 'A' }, { query }),
    );
    expect(res.body).toContain('Thank you!');
    expect(res.body).toContain('href="https://shop.example/done"');
  });

  it('in live mode: no test notice, and the test card is refused with a translated message', async () => {
    const s = await createTestStore(t.current.db, { mode: 'live' });
    const { orderId } = await pendingOrder(s);
    const page = await t.current.request(`/checkout/${orderId}`);
    expect(page.body).toContain('<form');
    expect(page.body).not.toContain('Test mode');
    expect(page.body).not.toContain('4242');
    for (const locale of hostedLocales) {
      const refused = await follow(
        await pay(
          orderId,
          { card: '4242 4242 4242 4242', name: 'A' },
          { query: `?locale=${locale}` },
        ),
      );
      expect(refused.headers.get('content-type')).toContain('text/html');
      expect(refused.body).toContain(escapeHtml(checkoutMessages[locale].testCardLive));
    }
    // Another card is simply declined: no test-card hint where the test card cannot pay.
    const other = await follow(await pay(orderId, { card: '4000000000000002', name: 'A' }));
    expect(other.body).toContain('The card was declined.');
    expect(other.body).not.toContain('4242');
    const order = await t.current.request(`/v1/orders/${orderId}`, { key: s.pk });
    expect(order.body.status).toBe('pending');
  });

  it('refuses to pay an order whose hold is over, before the sweep has run', async () => {
    const s = await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const { orderId } = await pendingOrder(s);
    t.current.advanceClock(31 * 60_000);
    const back = encodeURIComponent('https://shop.example/');
    const page = await t.current.request(`/checkout/${orderId}?return_to=${back}`);
    expect(page.body).toContain('This order expired before it was paid');
    expect(page.body).toContain('href="https://shop.example/"');
    expect(page.body).not.toContain('<form');
    const paid = await follow(await pay(orderId, { card: '4242424242424242', name: 'A' }));
    expect(paid.body).toContain('This order expired before it was paid');
    const order = await t.current.request(`/v1/orders/${orderId}`, { key: s.pk });
    expect(order.body).toMatchObject({ status: 'expired', paidAt: null, payment: null });
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
    const paid = await follow(await pay(orderId, { card: '4242424242424242', name: 'A' }));
    expect(paid.body).toContain('This order was cancelled.');
    for (const id of [randomUUID(), 'nope']) {
      const missing = await t.current.request(`/checkout/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('Order not found');
    }
  });
});
