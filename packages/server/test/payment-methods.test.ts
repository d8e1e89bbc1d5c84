import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { orders, paymentAttempts, variants, webhookDeliveries } from '../src/db/schema/index.js';
import { checkoutMessages } from '../src/hosted/messages/checkout.js';
import { expireDueOrders } from '../src/services/order-expiry.js';
import { testNetworkCredentials } from '../src/services/payments/test-network-credentials.js';
import type { TestPaymentNetwork } from '../src/testing/payment-network.js';
import {
  type ApiResponse,
  appWithNetwork,
  createTestApp,
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestStore,
} from './harness.js';

const SECRET = 'network-secret-for-tests-0123456789';
const HOUR = 3_600_000;

let t: TestApp;
let network: TestPaymentNetwork;

beforeEach(async () => {
  ({ t, network } = await appWithNetwork(SECRET));
});

async function pendingOrder(s: TestStore, { currency = 'USD', price = 123456, stock = 5 } = {}) {
  const p = await createTestProduct(t.db, s.store, {
    variants: [{ title: 'One', stock, prices: { [currency]: price } }],
  });
  const cart = await t.request('/v1/carts', { key: s.pk, body: { currency } });
  await t.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    body: { variantId: p.variantIds[0], quantity: 1 },
  });
  const res = await t.request(`/v1/carts/${cart.body.id}/checkout`, { key: s.pk, body: {} });
  expect(res.status).toBe(201);
  return {
    orderId: res.body.orderId as string,
    variantId: p.variantIds[0]!,
    cartId: cart.body.id as string,
  };
}

function post(orderId: string, fields: Record<string, string>, query = '?locale=en') {
  return t.request(`/checkout/${orderId}/pay${query}`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
  });
}

/** Follows a 303 on our server as a browser does (the Location is absolute or a path). */
function follow(res: ApiResponse) {
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!, 'http://localhost');
  return t.request(location.pathname + location.search);
}

async function orderRow(orderId: string) {
  const [row] = await t.db.select().from(orders).where(eq(orders.id, orderId));
  return row!;
}

async function stockOf(variantId: string) {
  const [row] = await t.db.select().from(variants).where(eq(variants.id, variantId));
  return row!.stock;
}

async function paidEvents(s: TestStore) {
  const rows = await t.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.storeId, s.store.id), eq(webhookDeliveries.eventType, 'order.paid')),
    );
  return rows.length;
}

/** A store with an endpoint for order.paid, so each payment writes one event to the outbox. */
async function storeWithOutbox(input: Parameters<typeof createTestStore>[1] = {}) {
  const s = await createTestStore(t.db, input);
  const hook = await t.request('/admin/v1/webhooks', {
    token: s.sk,
    body: { url: 'http://127.0.0.1:1/orders', events: ['order.paid'] },
  });
  expect(hook.status).toBe(201);
  return s;
}

/** Starts a wallet payment: the shopper is sent to the network's approval page. */
async function startWallet(orderId: string, query = '?locale=en') {
  const res = await post(orderId, { method: 'wallet' }, query);
  expect(res.status).toBe(303);
  const approval = res.headers.get('location')!;
  expect(approval.startsWith(`${network.origin}/pay/pay_`)).toBe(true);
  return network.payments.get(approval.split('/').at(-1)!)!;
}

/** The shopper's browser coming back from the wallet: the network's 303 to our return URL. */
async function comeBack(paymentId: string) {
  const p = network.payments.get(paymentId)!;
  const back = new URL(p.returnUrl!);
  return t.request(back.pathname + back.search);
}

describe('payment methods on the hosted checkout', () => {
  it('offers the card, the wallet and the voucher as an accessible radio group in test mode', async () => {
    const s = await createTestStore(t.db);
    const { orderId } = await pendingOrder(s);
    const page = (await t.request(`/checkout/${orderId}?locale=de`)).body as string;
    expect(page).toContain(`<legend>${checkoutMessages.de.paymentMethod}</legend>`);
    for (const method of ['card', 'wallet', 'voucher']) {
      expect(page).toContain(
        `<input type="radio" id="method-${method}" name="method" value="${method}"`,
      );
      expect(page).toContain(`<label for="method-${method}">`);
    }
    expect(page).toContain('value="card" checked');
    // With a choice, the card fields may stay empty; alone, the card's are required.
    expect(page).not.toMatch(/<input id="card"[^>]* required/);
    // The wallet's redirect is a form's: the CSP lets the form go to the network only.
    const res = await t.request(`/checkout/${orderId}`);
    expect(res.headers.get('content-security-policy')).toContain(
      `form-action 'self' ${network.origin}`,
    );
  });

  it('offers what the store’s settings name, and no test wallet or voucher in a live store', async () => {
    const cardOnly = await createTestStore(t.db, {
      settings: { payments: { methods: ['voucher', 'card'] } },
    });
    const a = await pendingOrder(cardOnly);
    const page = (await t.request(`/checkout/${a.orderId}`)).body as string;
    expect(page.indexOf('value="voucher"')).toBeLessThan(page.indexOf('value="card"'));
    expect(page).not.toContain('value="wallet"');
    const refused = await follow(await post(a.orderId, { method: 'wallet' }));
    expect(refused.body).toContain(checkoutMessages.en.methodUnavailable);
    expect(network.payments.size).toBe(0);

    const live = await createTestStore(t.db, { mode: 'live' });
    const b = await pendingOrder(live);
    const livePage = (await t.request(`/checkout/${b.orderId}`)).body as string;
    expect(livePage).not.toContain('name="method" value="wallet"');
    expect(livePage).toContain('<input type="hidden" name="method" value="card">');
    expect(livePage).toMatch(/<input id="card"[^>]* required/);
    for (const method of ['wallet', 'voucher']) {
      const res = await follow(await post(b.orderId, { method }));
      expect(res.body).toContain(checkoutMessages.en.methodUnavailable);
    }
    expect(network.payments.size).toBe(0);
    expect((await orderRow(b.orderId)).status).toBe('pending');

    // The card still works as before, and refuses bad settings.
    const bad = await t.request('/admin/v1/store', {
      method: 'PATCH',
      token: cardOnly.sk,
      body: { settings: { payments: { methods: ['bitcoin'] } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const none = await t.request('/admin/v1/store', {
      method: 'PATCH',
      token: cardOnly.sk,
      body: { settings: { payments: { methods: [] } } },
    });
    expect(none.status).toBe(400);
  });

  it('offers only the card on a server without a payment network', async () => {
    const plain = await createTestApp({ resetDatabase: false });
    const s = await createTestStore(plain.db);
    t = plain;
    const { orderId } = await pendingOrder(s);
    const page = (await plain.request(`/checkout/${orderId}`)).body as string;
    expect(page).not.toContain('type="radio"');
    const res = await follow(await post(orderId, { method: 'voucher' }));
    expect(res.body).toContain(checkoutMessages.en.methodUnavailable);
  });
});

describe('the wallet (redirect)', () => {
  it('approve → return: the server asks the network, pays once; the webhook and its replay change nothing', async () => {
    const s = await storeWithOutbox();
    const { orderId } = await pendingOrder(s);
    const payment = await startWallet(
      orderId,
      '?locale=de&return_to=https%3A%2F%2Fshop.example%2F',
    );
    expect(payment).toMatchObject({
      amountMinor: 123456,
      currency: 'USD',
      orderId,
      status: 'pending',
    });
    // The shopper approves on the network's own page (a real form post there).
    const approvalPage = await fetch(`${network.origin}/pay/${payment.id}`);
    expect(await approvalPage.text()).toContain('value="approve"');
    const approved = await fetch(`${network.origin}/pay/${payment.id}`, {
      method: 'POST',
      body: new URLSearchParams({ action: 'approve' }),
      redirect: 'manual',
    });
    expect(approved.status).toBe(303);
    const back = new URL(approved.headers.get('location')!);
    expect(back.pathname).toBe(`/checkout/${orderId}/return`);
    const paid = await follow(await t.request(back.pathname + back.search));
    expect(paid.body).toContain('data-status="paid"');
    expect(paid.body).toContain('lang="de"');
    expect(paid.body).toContain('href="https://shop.example/"');
    // The webhook came too (its delivery and the return raced): one payment, one event.
    await network.idle();
    expect(network.deliveries[0]!.answers).toEqual([200]);
    const again = await network.deliver(network.deliveries[0]!);
    expect(again).toBe(200);
    const row = await orderRow(orderId);
    expect(row).toMatchObject({
      status: 'paid',
      paymentProvider: 'test-wallet',
      paymentReference: payment.id,
    });
    expect(await paidEvents(s)).toBe(1);
  });

  it('cancel → "payment cancelled": the shopper can try again or pay another way', async () => {
    const s = await createTestStore(t.db);
    const { orderId } = await pendingOrder(s);
    const payment = await startWallet(orderId, '?locale=ar');
    await network.act(payment.id, 'cancel');
    const page = await follow(await comeBack(payment.id));
    expect(page.body).toContain(checkoutMessages.ar.walletCancelled);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('id="kiosk-pay"');
    expect((await orderRow(orderId)).status).toBe('pending');
    await network.idle();
    // Another method then pays.
    const card = await follow(
      await post(orderId, { method: 'card', card: '4242 4242 4242 4242', name: 'A' }),
    );
    expect(card.body).toContain('data-status="paid"');
    expect((await orderRow(orderId)).paymentProvider).toBe('test-card');
  });

  it('a wallet approved after the card paid is not a second payment: its webhook answers 409', async () => {
    const s = await storeWithOutbox();
    const { orderId } = await pendingOrder(s);
    const payment = await startWallet(orderId);
    // The shopper comes back without approving, and pays by card instead.
    await follow(await post(orderId, { method: 'card', card: '4242424242424242', name: 'A' }));
    const { event } = await network.act(payment.id, 'approve', { deliver: false });
    expect(await network.deliver(event!)).toBe(409);
    const back = await follow(await comeBack(payment.id));
    expect(back.body).toContain('data-status="paid"');
    expect((await orderRow(orderId)).paymentProvider).toBe('test-card');
    expect(await paidEvents(s)).toBe(1);
  });

  it('decline → "the wallet declined"; nothing paid', async () => {
    const s = await createTestStore(t.db);
    const { orderId } = await pendingOrder(s);
    const payment = await startWallet(orderId);
    await network.act(payment.id, 'decline');
    const page = await follow(await comeBack(payment.id));
    expect(page.body).toContain(checkoutMessages.en.walletDeclined);
    await network.idle();
    expect((await orderRow(orderId)).status).toBe('pending');
  });

  it('a tampered return URL pays nothing: the query names an attempt, never its result', async () => {
    const s = await createTestStore(t.db);
    const mine = await pendingOrder(s);
    const other = await pendingOrder(s);
    const payment = await startWallet(mine.orderId);
    const otherPayment = await startWallet(other.orderId);
    await network.act(otherPayment.id, 'approve', { deliver: false });
    const attemptOf = (id: string) =>
      new URL(network.payments.get(id)!.returnUrl!).searchParams.get('attempt')!;
    // Not approved yet, whatever the query claims.
    for (const query of [
      `attempt=${attemptOf(payment.id)}&status=succeeded&paid=1`,
      `attempt=${attemptOf(otherPayment.id)}`, // another order's approved attempt
      'attempt=not-a-uuid',
      '',
    ]) {
      const res = await t.request(`/checkout/${mine.orderId}/return?${query}`);
      expect(res.status, query).toBe(303);
    }
    expect((await orderRow(mine.orderId)).status).toBe('pending');
    const pendingPage = await follow(
      await t.request(`/checkout/${mine.orderId}/return?attempt=${attemptOf(payment.id)}`),
    );
    expect(pendingPage.body).toContain(checkoutMessages.en.walletPending);
  });

  it('abandonment: the shopper never returns, the order expires and its stock comes back; a late approval pays nothing', async () => {
    const s = await createTestStore(t.db);
    const { orderId, variantId } = await pendingOrder(s);
    expect(await stockOf(variantId)).toBe(4);
    const payment = await startWallet(orderId);
    t.advanceClock(31 * 60_000);
    expect(await expireDueOrders(t.db, t.now())).toBe(1);
    expect(await stockOf(variantId)).toBe(5);
    const { event } = await network.act(payment.id, 'approve', { deliver: false });
    expect(await network.deliver(event!)).toBe(409);
    const page = await follow(await comeBack(payment.id));
    expect(page.body).toContain('data-status="expired"');
    expect((await orderRow(orderId)).status).toBe('expired');
    expect(await stockOf(variantId)).toBe(5);
  });

  it('a network that cannot be reached starts nothing: the shopper is told and may try again', async () => {
    const s = await createTestStore(t.db);
    const { orderId } = await pendingOrder(s);
    await network.close();
    for (const method of ['wallet', 'voucher']) {
      const page = await follow(await post(orderId, { method }));
      expect(page.body).toContain(checkoutMessages.en.providerUnavailable);
      expect(page.body).toContain('id="kiosk-pay"');
    }
    const row = await orderRow(orderId);
    expect(row.status).toBe('pending');
    expect(row.expiresAt!.getTime() - t.now().getTime()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('the webhook and the shopper’s return arriving together pay once', async () => {
    const s = await storeWithOutbox();
    const { orderId } = await pendingOrder(s);
    const payment = await startWallet(orderId);
    const { event } = await network.act(payment.id, 'approve', { deliver: false });
    const results = await Promise.all([
      comeBack(payment.id),
      network.deliver(event!),
      comeBack(payment.id),
      network.deliver(event!),
      comeBack(payment.id),
      network.deliver(event!),
    ]);
    expect(results.filter((r) => r === 200)).toHaveLength(3);
    for (const back of results.filter((r) => typeof r !== 'number')) {
      expect(back.status).toBe(303);
      expect(back.headers.get('location')).not.toContain('error=');
    }
    expect((await orderRow(orderId)).status).toBe('paid');
    expect(await paidEvents(s)).toBe(1);
  });
});

describe('the voucher (paid later)', () => {
  it('issues a voucher that holds the order; the network’s webhook pays it, once', async () => {
    const s = await storeWithOutbox({ settings: { payments: { voucherHours: 48 } } });
    const { orderId, variantId, cartId } = await pendingOrder(s);
    const page = await follow(await post(orderId, { method: 'voucher' }, '?locale=de'));
    const payment = network.latest()!;
    expect(payment).toMatchObject({ method: 'voucher', amountMinor: 123456, currency: 'USD' });
    expect(page.body).toContain(`data-voucher-code>${payment.voucherCode}</code>`);
    expect(page.body).toMatch(/data-voucher-amount>1\.234,56\s\$<\/dd>/);
    expect(page.body).toContain(checkoutMessages.de.voucherWaiting);
    expect(page.body).toContain(`href="${network.origin}/vouchers/${payment.id}"`);
    expect(page.body).not.toContain('id="kiosk-pay"');
    const row = await orderRow(orderId);
    expect(row.expiresAt!.getTime() - t.now().getTime()).toBeGreaterThan(47 * HOUR);
    expect(payment.expiresAt!.getTime()).toBe(row.expiresAt!.getTime());

    // Checking the unchanged cart out again keeps the order and never shortens its hold.
    const again = await t.request(`/v1/carts/${cartId}/checkout`, { key: s.pk, body: {} });
    expect(again.body.orderId).toBe(orderId);
    expect((await orderRow(orderId)).expiresAt).toEqual(row.expiresAt);

    // Past the usual 30-minute hold the order still holds its stock.
    t.advanceClock(2 * HOUR);
    expect(await expireDueOrders(t.db, t.now())).toBe(0);
    expect(await stockOf(variantId)).toBe(4);

    // Paid at the "bank" (the network's voucher page): the webhook confirms it.
    const paid = await fetch(`${network.origin}/vouchers/${payment.id}`, {
      method: 'POST',
      body: new URLSearchParams({ action: 'pay' }),
    });
    expect(paid.status).toBe(200);
    await network.idle();
    expect(network.deliveries.map((d) => d.answers)).toEqual([[200]]);
    expect(await orderRow(orderId)).toMatchObject({
      status: 'paid',
      paymentProvider: 'test-voucher',
    });
    expect(await paidEvents(s)).toBe(1);
    // Replayed: answered as done, not handled twice.
    expect(await network.deliver(network.deliveries[0]!)).toBe(200);
    expect(await paidEvents(s)).toBe(1);
    expect((await t.request(`/checkout/${orderId}`)).body).toContain('data-status="paid"');
  });

  it('an unpaid voucher expires with its order: stock back, the voucher refused, a late webhook 409', async () => {
    const s = await createTestStore(t.db);
    const { orderId, variantId } = await pendingOrder(s);
    await post(orderId, { method: 'voucher' });
    const payment = network.latest()!;
    // Paid just in time at the network, but its webhook only arrives after the expiry.
    const { event } = await network.act(payment.id, 'pay', { deliver: false });
    t.advanceClock(73 * HOUR);
    expect(await expireDueOrders(t.db, t.now())).toBe(1);
    expect(await stockOf(variantId)).toBe(5);
    const late = await network.deliver(event!);
    expect(late).toBe(409);
    const page = (await t.request(`/checkout/${orderId}`)).body as string;
    expect(page).toContain('data-status="expired"');
    expect(page).toContain(checkoutMessages.en.voucherExpired);

    // A voucher not paid in time cannot be paid at the network any more.
    const b = await pendingOrder(s);
    await post(b.orderId, { method: 'voucher' });
    const unpaid = network.latest()!;
    t.advanceClock(73 * HOUR);
    const refused = await fetch(`${network.origin}/vouchers/${unpaid.id}`, {
      method: 'POST',
      body: new URLSearchParams({ action: 'pay' }),
    });
    expect(refused.status).toBe(410);
    expect(network.statusOf(unpaid)).toBe('expired');
  });

  it('a voucher form posted twice, or twice at once, issues one voucher', async () => {
    const s = await createTestStore(t.db);
    const { orderId } = await pendingOrder(s);
    await Promise.all([post(orderId, { method: 'voucher' }), post(orderId, { method: 'voucher' })]);
    await post(orderId, { method: 'voucher' });
    const attempts = await t.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.orderId, orderId));
    expect(attempts).toHaveLength(1);
    const page = (await t.request(`/checkout/${orderId}`)).body as string;
    expect(page).toContain(`data-voucher-code>${attempts[0]!.voucherCode}</code>`);
  });

  it('an order still held after its voucher lapsed can be given a new voucher', async () => {
    const s = await createTestStore(t.db, { settings: { payments: { voucherHours: 1 } } });
    const { orderId, cartId } = await pendingOrder(s);
    await post(orderId, { method: 'voucher' });
    // Checked out again near the voucher's end: the hold runs on past it.
    t.advanceClock(45 * 60_000);
    await t.request(`/v1/carts/${cartId}/checkout`, { key: s.pk, body: {} });
    t.advanceClock(20 * 60_000);
    const lapsed = (await t.request(`/checkout/${orderId}`)).body as string;
    expect(lapsed).toContain('id="kiosk-pay"');
    const page = await follow(await post(orderId, { method: 'voucher' }));
    expect(page.body).toContain('data-voucher-code>');
    const attempts = await t.db
      .select({ status: paymentAttempts.status })
      .from(paymentAttempts)
      .where(eq(paymentAttempts.orderId, orderId))
      .orderBy(paymentAttempts.createdAt);
    expect(attempts.map((a) => a.status)).toEqual(['expired', 'started']);
  });

  it('charges exact minor units in JPY and KWD', async () => {
    const s = await createTestStore(t.db, {
      currencies: ['JPY', 'KWD'],
      pointsRules: { baseCurrency: 'JPY', rates: { JPY: 1, KWD: 0.002 } },
    });
    const yen = await pendingOrder(s, { currency: 'JPY', price: 1234 });
    const yenPage = await follow(await post(yen.orderId, { method: 'voucher' }));
    expect(network.latest()).toMatchObject({ amountMinor: 1234, currency: 'JPY' });
    expect(yenPage.body).toMatch(/data-voucher-amount>¥1,234<\/dd>/);
    const dinar = await pendingOrder(s, { currency: 'KWD', price: 12345 });
    const payment = await startWallet(dinar.orderId);
    expect(payment).toMatchObject({ amountMinor: 12345, currency: 'KWD' });
    expect(await (await fetch(`${network.origin}/pay/${payment.id}`)).text()).toMatch(
      /data-amount>KWD\s12\.345</,
    );
    await network.act(payment.id, 'approve', { deliver: false });
    await follow(await comeBack(payment.id));
    expect((await orderRow(dinar.orderId)).status).toBe('paid');
  });
});

describe('POST /v1/payment-webhooks/{provider}/{storeId}', () => {
  function signed(storeId: string, payload: object, secret?: string) {
    const id = `evt_${Math.random().toString(36).slice(2)}`;
    const body = JSON.stringify({ id, ...payload });
    const key = secret ?? testNetworkCredentials(SECRET, storeId).webhookSecret;
    const at = new Date();
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(key).sign(id, at, body),
      },
    };
  }

  it('refuses a bad signature (another store’s secret, none, stale) with 400 invalid_signature', async () => {
    const s = await createTestStore(t.db);
    const other = await createTestStore(t.db);
    const { orderId } = await pendingOrder(s);
    const payment = await startWallet(orderId);
    const { event } = await network.act(payment.id, 'approve', { deliver: false });
    const forged = await network.deliver(event!, {
      secret: testNetworkCredentials(SECRET, other.store.id).webhookSecret,
    });
    expect(forged).toBe(400);
    const path = `/v1/payment-webhooks/test-wallet/${s.store.id}`;
    const unsigned = await t.request(path, {
      body: { id: 'evt_1', type: 'payment.succeeded', data: { payment: payment.id } },
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.code).toBe('invalid_signature');
    const stale = signed(s.store.id, { type: 'payment.succeeded', data: { payment: payment.id } });
    stale.headers['webhook-timestamp'] = String(Math.floor(Date.now() / 1000) - 3600);
    const old = await t.request(path, stale);
    expect(old.body.error.code).toBe('invalid_signature');
    expect((await orderRow(orderId)).status).toBe('pending');
    // The genuine one pays.
    expect(await network.deliver(event!)).toBe(200);
    expect((await orderRow(orderId)).status).toBe('paid');
  });

  it('handles an event id once: a replay answers 200 duplicate and writes nothing', async () => {
    const s = await storeWithOutbox();
    const { orderId } = await pendingOrder(s);
    await post(orderId, { method: 'voucher' });
    const payment = network.latest()!;
    await network.act(payment.id, 'pay', { deliver: false });
    const event = signed(s.store.id, { type: 'payment.succeeded', data: { payment: payment.id } });
    const path = `/v1/payment-webhooks/test-voucher/${s.store.id}`;
    const first = await t.request(path, event);
    expect(first.body).toEqual({ received: true, duplicate: false, outcome: 'paid' });
    const second = await t.request(path, event);
    expect(second.body).toEqual({ received: true, duplicate: true, outcome: null });
    expect(await paidEvents(s)).toBe(1);
  });

  it('answers 404 for an unknown payment, store or provider', async () => {
    const s = await createTestStore(t.db);
    const unknown = signed(s.store.id, {
      type: 'payment.succeeded',
      data: { payment: 'pay_nope' },
    });
    const res = await t.request(`/v1/payment-webhooks/test-voucher/${s.store.id}`, unknown);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('payment_not_found');
    for (const path of [
      `/v1/payment-webhooks/test-voucher/00000000-0000-4000-8000-000000000000`,
      `/v1/payment-webhooks/test-card/${s.store.id}`,
      '/v1/payment-webhooks/test-voucher/not-a-store',
    ]) {
      const r = await t.request(path, unknown);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
  });
});
