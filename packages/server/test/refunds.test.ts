import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { orders, refunds, webhookDeliveries } from '../src/db/schema/index.js';
import { orderPageMessages } from '../src/hosted/messages/orders.js';
import { sendRefundsJob } from '../src/jobs/send-refunds.js';
import { priceText } from '../src/routes/checkout.js';
import { claimDue, LEASE_MS, RETRY_SCHEDULE_MS } from '../src/services/leased-outbox.js';
import { testWalletProvider } from '../src/services/payments/test-network.js';
import { testNetworkCredentials } from '../src/services/payments/test-network-credentials.js';
import { recordRefund } from '../src/services/refunds.js';
import type { TestPaymentNetwork } from '../src/testing/payment-network.js';
import {
  appWithNetwork,
  createTestProduct,
  createTestStore,
  runJob,
  type TestApp,
  type TestStore,
} from './harness.js';
import { admin, paidOrder, placeOrder } from './order-fulfilment-fixtures.js';

const SECRET = 'network-secret-for-refund-tests-0123';
/** What the orders below cost unless they say otherwise. */
const TOTAL = { amount: '1234.56', currency: 'USD' };

let t: TestApp;
let network: TestPaymentNetwork;

beforeEach(async () => {
  ({ t, network } = await appWithNetwork(SECRET));
});

/** A store with an endpoint for order.refunded, to see that the event stays as it was. */
async function shop() {
  const s = await createTestStore(t.db);
  const hook = await t.request('/admin/v1/webhooks', {
    token: s.sk,
    body: { url: 'http://127.0.0.1:1/orders', events: ['order.refunded'] },
  });
  expect(hook.status).toBe(201);
  return s;
}

/** A pending order of `quantity` units at `price` cents each. */
async function order(s: TestStore, { quantity = 1, price = 123456 } = {}) {
  const p = await createTestProduct(t.db, s.store, {
    variants: [{ stock: 10, prices: { USD: price } }],
  });
  return placeOrder(t, s, [{ variantId: p.variantIds[0]!, quantity }]);
}

function pay(orderId: string, fields: Record<string, string>) {
  return t.request(`/checkout/${orderId}/pay?locale=en`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
  });
}

async function paidByCard(s: TestStore) {
  const orderId = await order(s);
  expect((await pay(orderId, { method: 'card', card: '4242424242424242', name: 'A' })).status).toBe(
    303,
  );
  expect((await orderRow(orderId)).paymentProvider).toBe('test-card');
  return orderId;
}

/** An order paid with the test wallet: approved on the network, its webhook paying it. */
async function paidByWallet(s: TestStore, options: Parameters<typeof order>[1] = {}) {
  const orderId = await order(s, options);
  const started = await pay(orderId, { method: 'wallet' });
  expect(started.status).toBe(303);
  const paymentId = started.headers.get('location')!.split('/').at(-1)!;
  await network.act(paymentId, 'approve');
  await network.idle();
  expect(await orderRow(orderId)).toMatchObject({
    status: 'paid',
    paymentProvider: 'test-wallet',
    paymentReference: paymentId,
  });
  return { orderId, paymentId };
}

/** The guest shopper asks to return one unit of the order's line; the return's id. */
async function returnOne(s: TestStore, orderId: string) {
  const { body: placed } = await t.request(`/v1/orders/${orderId}`, { key: s.pk });
  const asked = await t.request(`/v1/orders/${orderId}/returns`, {
    key: s.pk,
    body: { lines: [{ lineId: placed.lines[0].id, quantity: 1 }], reason: 'damaged' },
  });
  expect(asked.status).toBe(201);
  return asked.body.returns[0].id as string;
}

async function orderRow(orderId: string) {
  const [row] = await t.db.select().from(orders).where(eq(orders.id, orderId));
  return row!;
}

const refundRows = (orderId: string) =>
  t.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(refunds.createdAt);

/** The send-refunds job as the scheduler runs it, `aheadMs` ahead; how many it claimed. */
const sendRefunds = async (aheadMs = 0) =>
  Number(await runJob(t, sendRefundsJob, aheadMs, { paymentNetwork: network.config }));

/** The network's merchant API as a store's own server would call it. */
function networkRefund(s: TestStore, paymentId: string, amountMinor: number, key: string) {
  const { apiKey } = testNetworkCredentials(SECRET, s.store.id);
  return fetch(`${network.origin}/v1/payments/${paymentId}/refunds`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify({ amount_minor: amountMinor, currency: 'USD' }),
  });
}

describe('refunds through the provider', () => {
  it('a card order refunded in full: the test card answers a refund reference at once', async () => {
    const s = await shop();
    const orderId = await paidByCard(s);
    const res = await admin(t, s, `${orderId}/refund`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('refunded');
    expect(res.body.refunds).toEqual([
      {
        id: expect.any(String),
        returnId: null,
        amount: { amount: '1234.56', currency: 'USD' },
        status: 'succeeded',
        createdAt: expect.any(String),
        settledAt: expect.any(String),
      },
    ]);
    const [row] = await refundRows(orderId);
    expect(row).toMatchObject({ provider: 'test-card', attempts: 1, status: 'succeeded' });
    expect(row!.reference).toMatch(/^test_refund_/);
    // The card moves no money: nothing reached the network.
    expect(network.refunds).toEqual([]);
  });

  it('a wallet order refunded in full: the network refunds the total, once, under the refund’s id', async () => {
    const s = await shop();
    const { orderId, paymentId } = await paidByWallet(s);
    const res = await admin(t, s, `${orderId}/refund`);
    expect(res.status).toBe(200);
    expect(res.body.refunds.map((r: { status: string }) => r.status)).toEqual(['succeeded']);
    const [row] = await refundRows(orderId);
    expect(network.refunds).toEqual([
      {
        id: row!.reference,
        merchant: s.store.id,
        payment: paymentId,
        amountMinor: 123456,
        currency: 'USD',
        idempotencyKey: row!.id,
        requests: 1,
      },
    ]);
    // Repeating the refund is the same answer: nothing more is asked of the network.
    const again = await admin(t, s, `${orderId}/refund`);
    expect(again.status).toBe(200);
    expect(network.refunds).toHaveLength(1);
    expect(network.refunds[0]!.requests).toBe(1);
    // The order.refunded event is written once, as before.
    const events = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.storeId, s.store.id));
    expect(events.map((e) => e.eventType)).toEqual(['order.refunded']);
  });

  it('cancelling a paid wallet order gives the money back too', async () => {
    const s = await shop();
    const { orderId, paymentId } = await paidByWallet(s);
    const res = await admin(t, s, `${orderId}/cancel`);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      refunded: { amount: '1234.56', currency: 'USD' },
    });
    expect(res.body.refunds[0]).toMatchObject({ status: 'succeeded', returnId: null });
    expect(network.refunds.map((r) => [r.payment, r.amountMinor])).toEqual([[paymentId, 123456]]);
  });

  it('a return’s refund reaches the network; refunding the order then gives back only the rest', async () => {
    const s = await shop();
    const { orderId, paymentId } = await paidByWallet(s, { quantity: 3, price: 1001 });
    const returnId = await returnOne(s, orderId);
    const approved = await admin(t, s, `${orderId}/returns/${returnId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.refunds).toMatchObject([
      { returnId, status: 'succeeded', amount: { amount: '10.01', currency: 'USD' } },
    ]);
    expect(network.refunds.map((r) => [r.payment, r.amountMinor])).toEqual([[paymentId, 1001]]);

    const rest = await admin(t, s, `${orderId}/refund`);
    expect(rest.body.refunds).toMatchObject([
      { returnId, status: 'succeeded' },
      { returnId: null, status: 'succeeded', amount: { amount: '20.02', currency: 'USD' } },
    ]);
    expect(network.refunds.map((r) => r.amountMinor)).toEqual([1001, 2002]);
    expect(network.refundedOf(paymentId)).toBe(3003);
    // The network never gives back more than was paid, whoever asks.
    const more = await networkRefund(s, paymentId, 1, 'one-more-cent');
    expect(more.status).toBe(422);
    expect(await more.json()).toEqual({ error: 'amount_exceeds_payment' });
    // Nor does the database hold a second refund of the order's rest.
    const row = await orderRow(orderId);
    await expect(
      t.db.transaction((tx) => recordRefund(tx, row, 1, null, t.now())),
    ).rejects.toThrow();
    expect(await refundRows(orderId)).toHaveLength(2);
  });

  it('an order marked paid by the admin records its refund as made outside Kiosk, calling nothing', async () => {
    const s = await shop();
    const p = await createTestProduct(t.db, s.store, {
      variants: [{ stock: 5, prices: { USD: 2500 } }],
    });
    const orderId = await paidOrder(t, s, [{ variantId: p.variantIds[0]!, quantity: 2 }]);
    const res = await admin(t, s, `${orderId}/refund`);
    expect(res.body.refunds).toMatchObject([
      { status: 'succeeded', amount: { amount: '50.00', currency: 'USD' } },
    ]);
    expect(await refundRows(orderId)).toMatchObject([
      { provider: 'manual', attempts: 0, reference: null },
    ]);
    expect(await sendRefunds(24 * 3_600_000)).toBe(0);
    expect(network.refunds).toEqual([]);
  });
});

describe('when the network cannot refund', () => {
  it('down: the refund stays pending, and the job completes it once the network is back', async () => {
    const s = await shop();
    const { orderId, paymentId } = await paidByWallet(s);
    network.unavailable = true;
    const res = await admin(t, s, `${orderId}/refund`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('refunded');
    expect(res.body.refunds).toMatchObject([{ status: 'pending', settledAt: null }]);
    expect(await refundRows(orderId)).toMatchObject([
      { status: 'pending', attempts: 1, lastError: 'network_http_503' },
    ]);
    const page = await t.request(`/orders/${orderId}?locale=de`);
    expect(page.body).toContain('data-refund="pending"');
    expect(page.body).toContain(
      orderPageMessages.de.refundPending.replace('{amount}', priceText('de', TOTAL)),
    );

    network.unavailable = false;
    // Not due yet: the next attempt waits its turn in the schedule.
    expect(await sendRefunds()).toBe(0);
    expect(await sendRefunds(RETRY_SCHEDULE_MS[1])).toBe(1);
    expect(network.refunds.map((r) => [r.payment, r.amountMinor, r.requests])).toEqual([
      [paymentId, 123456, 1],
    ]);
    expect(await refundRows(orderId)).toMatchObject([
      { status: 'succeeded', attempts: 2, lastError: null, reference: network.refunds[0]!.id },
    ]);
    const done = await t.request(`/orders/${orderId}?locale=en`);
    expect(done.body).toContain('data-refund="succeeded"');
    expect(done.body).toContain(
      orderPageMessages.en.returnRefund.replace('{amount}', priceText('en', TOTAL)),
    );
  });

  it('down for good: failed after the last attempt of the schedule, and the page says to ask the shop', async () => {
    const s = await shop();
    const { orderId } = await paidByWallet(s);
    network.unavailable = true;
    await admin(t, s, `${orderId}/refund`);
    for (const wait of RETRY_SCHEDULE_MS.slice(1)) {
      t.advanceClock(wait);
      expect(await sendRefunds()).toBe(1);
    }
    expect(await refundRows(orderId)).toMatchObject([
      { status: 'failed', attempts: RETRY_SCHEDULE_MS.length, lastError: 'network_http_503' },
    ]);
    t.advanceClock(24 * 3_600_000);
    expect(await sendRefunds()).toBe(0);
    const page = await t.request(`/orders/${orderId}?locale=fr`);
    expect(page.body).toContain('data-refund="failed"');
    expect(page.body).toContain(
      orderPageMessages.fr.refundFailed.replace('{amount}', priceText('fr', TOTAL)),
    );
    expect(network.refunds).toEqual([]);
  });

  it('a refusal is final: refunded at the network already, the refund fails at once', async () => {
    const s = await shop();
    const { orderId, paymentId } = await paidByWallet(s);
    // The merchant refunded part of it in the provider's own dashboard.
    expect((await networkRefund(s, paymentId, 100, 'from-the-dashboard')).status).toBe(201);
    const res = await admin(t, s, `${orderId}/refund`);
    expect(res.body.refunds).toMatchObject([{ status: 'failed' }]);
    expect(await refundRows(orderId)).toMatchObject([
      { status: 'failed', attempts: 1, lastError: 'amount_exceeds_payment' },
    ]);
    expect(network.refundedOf(paymentId)).toBe(100);
  });

  it('a worker that died after the network refunded: the retry gets the same refund, not a second', async () => {
    const s = await shop();
    const { orderId, paymentId } = await paidByWallet(s);
    network.unavailable = true;
    await admin(t, s, `${orderId}/refund`);
    network.unavailable = false;
    // A worker claims the refund and the network refunds it; the worker dies before writing.
    const [claimed] = await claimDue(t.db, refunds, new Date(t.now().getTime() + 10_000), 1);
    const first = await testWalletProvider(network.config).refund(s.store, paymentId, {
      amountMinor: claimed!.amountMinor,
      currency: 'USD',
      idempotencyKey: claimed!.id,
    });
    expect(first.status).toBe('succeeded');
    // Its lease holds the refund until it runs out; then another worker tries again.
    expect(await sendRefunds(10_000 + LEASE_MS - 1_000)).toBe(0);
    expect(await sendRefunds(10_000 + LEASE_MS + 1_000)).toBe(1);
    expect(network.refunds).toHaveLength(1);
    expect(network.refunds[0]!.requests).toBe(2);
    expect(await refundRows(orderId)).toMatchObject([
      { status: 'succeeded', reference: first.status === 'succeeded' ? first.reference : '' },
    ]);
    // The same key for another amount is refused by the network.
    const reused = await networkRefund(s, paymentId, 5, claimed!.id);
    expect(reused.status).toBe(422);
    expect(await reused.json()).toEqual({ error: 'idempotency_key_reused' });
  });
});

describe('refunds under concurrency (races on PostgreSQL)', () => {
  it('approvals and refunds at once refund each return and the rest once', async () => {
    const s = await shop();
    const { orderId, paymentId } = await paidByWallet(s, { quantity: 4, price: 2500 });
    const returnId = await returnOne(s, orderId);
    const approvals = await Promise.all(
      Array.from({ length: 4 }, () => admin(t, s, `${orderId}/returns/${returnId}/approve`)),
    );
    expect(approvals.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const closes = await Promise.all([
      ...Array.from({ length: 4 }, () => admin(t, s, `${orderId}/refund`)),
      admin(t, s, `${orderId}/cancel`),
    ]);
    // The refund won or the cancel did; either way the rest is refunded once.
    expect(closes.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    const rows = await refundRows(orderId);
    expect(rows.map((r) => [r.returnId, r.amountMinor, r.status])).toEqual([
      [returnId, 2500, 'succeeded'],
      [null, 7500, 'succeeded'],
    ]);
    expect(network.refunds.map((r) => [r.amountMinor, r.requests])).toEqual([
      [2500, 1],
      [7500, 1],
    ]);
    expect(network.refundedOf(paymentId)).toBe(10000);
  });

  it('workers on several instances send each due refund once', async () => {
    const s = await shop();
    const paid = [];
    for (let i = 0; i < 4; i++) paid.push(await paidByWallet(s, { price: 1000 + i }));
    network.unavailable = true;
    for (const { orderId } of paid) await admin(t, s, `${orderId}/refund`);
    network.unavailable = false;
    const claimed = await Promise.all(
      Array.from({ length: 3 }, () => sendRefunds(RETRY_SCHEDULE_MS[1])),
    );
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(4);
    expect(network.refunds.map((r) => r.requests)).toEqual([1, 1, 1, 1]);
    expect(network.refunds.map((r) => r.amountMinor).sort()).toEqual([1000, 1001, 1002, 1003]);
  });
});
