import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, pointsEntries } from '../src/db/schema/index.js';
import { lineShares, unitsRefund } from '../src/services/returns.js';
import { TestPushService } from '../src/testing/push-service.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  stockOf,
  type TestStore,
  useTestApp,
} from './harness.js';
import { messagesOf, subscribe } from './notification-delivery-fixtures.js';
import { admin, customerWithPoints, paidOrder } from './order-fulfilment-fixtures.js';

const t = useTestApp();
let push: TestPushService;
beforeAll(async () => {
  push = await TestPushService.start();
});
afterAll(() => push.close());

const DAY = 86_400_000;

/** A store selling in USD, JPY (0 decimals) and KWD (3 decimals). */
function shop(settings: Record<string, unknown> = {}) {
  return createTestStore(t.current.db, {
    currencies: ['USD', 'JPY', 'KWD'],
    pointsRules: { rates: { USD: 1, JPY: 150, KWD: 0.3 } },
    ...(Object.keys(settings).length ? { settings: settings as never } : {}),
  });
}

const askReturn = (s: TestStore, orderId: string, body: unknown, token?: string) =>
  t.current.request(`/v1/orders/${orderId}/returns`, {
    key: s.pk,
    body,
    ...(token ? { token } : {}),
  });

const sumMinor = (amounts: string[], digits: number) =>
  amounts.reduce((n, a) => n + Math.round(Number(a) * 10 ** digits), 0);

describe('refund shares', () => {
  it('spread a total over lines and units exactly, whatever order the units come back in', () => {
    // KWD 10.001 paid for lines of 3 × 1.234 and 7 × 0.999 (points paid the rest).
    const shares = lineShares(10_001, [
      { unitMinor: 1234, quantity: 3 },
      { unitMinor: 999, quantity: 7 },
    ]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_001);
    // Unit by unit, or all at once: the same sum, the line's share.
    const oneByOne = [0, 1, 2, 3, 4, 5, 6].map((before) => unitsRefund(shares[1]!, 7, before, 1));
    expect(oneByOne.reduce((a, b) => a + b, 0)).toBe(shares[1]);
    expect(unitsRefund(shares[1]!, 7, 0, 3) + unitsRefund(shares[1]!, 7, 3, 4)).toBe(shares[1]);
    expect(lineShares(0, [{ unitMinor: 0, quantity: 2 }])).toEqual([0]);
    // Three equal lines of a total that does not divide: the remainder goes to the first.
    expect(
      lineShares(
        100,
        [1, 1, 1].map(() => ({ unitMinor: 5, quantity: 1 })),
      ),
    ).toEqual([34, 33, 33]);
  });
});

describe('returns', () => {
  it('refunds returned lines exactly in JPY, the last return refunding the order and reversing its points', async () => {
    const s = await shop();
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [
        { stock: 10, prices: { USD: 1000, JPY: 1000 } },
        { stock: 10, prices: { USD: 333, JPY: 333 } },
      ],
    });
    const [a, b] = p.variantIds as [string, string];
    const shopper = await customerWithPoints(t.current, s, 500);
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'order-updates',
      customerId: shopper.id,
    });
    const id = await paidOrder(
      t.current,
      s,
      [
        { variantId: a, quantity: 3 },
        { variantId: b, quantity: 1 },
      ],
      { customer: shopper, currency: 'JPY', points: 7 },
    );
    const paid = await t.current.request(`/v1/orders/${id}`, { key: s.pk, token: shopper.token });
    const total = Number(paid.body.total.amount);
    expect(total).toBeLessThan(3333);
    const lineA = paid.body.lines.find((l: { variantId: string }) => l.variantId === a).id;
    const lineB = paid.body.lines.find((l: { variantId: string }) => l.variantId === b).id;
    expect(await stockOf(t.current.db, a)).toBe(7);
    const ledgerBefore = await ledgerSum(shopper.id);

    const first = await askReturn(
      s,
      id,
      { lines: [{ lineId: lineA, quantity: 1 }], reason: 'damaged', comment: '<b>cracked</b>' },
      shopper.token,
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.returns).toMatchObject([
      { status: 'requested', reason: 'damaged', comment: '<b>cracked</b>', refund: null },
    ]);
    // What is asked already cannot be asked again.
    const tooMany = await askReturn(
      s,
      id,
      { lines: [{ lineId: lineA, quantity: 3 }], reason: 'other' },
      shopper.token,
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.code).toBe('quantity_unavailable');

    const approved = await admin(t.current, s, `${id}/returns/${first.body.returns[0].id}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const firstRefund = approved.body.returns[0].refund;
    expect(firstRefund.currency).toBe('JPY');
    expect(firstRefund.amount).toMatch(/^\d+$/);
    expect(approved.body).toMatchObject({ status: 'paid', refunded: firstRefund });
    expect(await stockOf(t.current.db, a)).toBe(8);
    // The points go back as the money does: a third of ¥3,333 at list prices (¥1,000) returned
    // gives back that share of the 7 redeemed and takes that share of what the order earned.
    const earned = paid.body.pointsEarned as number;
    expect(earned).toBeGreaterThan(3);
    const share = (points: number) => Math.floor((points * 1000) / 3333);
    expect(await ledgerSum(shopper.id)).toBe(ledgerBefore + share(7) - share(earned));
    const points = await t.current.request('/v1/points', { key: s.pk, token: shopper.token });
    expect(points.body.lifetime).toBe(500 + earned - share(earned));
    expect(approved.body.pointsEarned).toBe(earned - share(earned));
    // Approving it again changes nothing.
    await admin(t.current, s, `${id}/returns/${first.body.returns[0].id}/approve`);
    expect(await ledgerSum(shopper.id)).toBe(ledgerBefore + share(7) - share(earned));

    const rest = await askReturn(
      s,
      id,
      {
        lines: [
          { lineId: lineA, quantity: 2 },
          { lineId: lineB, quantity: 1 },
        ],
        reason: 'no_longer_needed',
      },
      shopper.token,
    );
    expect(rest.status).toBe(201);
    const last = await admin(t.current, s, `${id}/returns/${rest.body.returns[1].id}/approve`);
    expect(last.status).toBe(200);
    const refunds = last.body.returns.map((r: { refund: { amount: string } }) => r.refund.amount);
    // Every yen paid comes back, not one more.
    expect(sumMinor(refunds, 0)).toBe(total);
    expect(last.body).toMatchObject({
      status: 'refunded',
      refunded: { amount: String(total), currency: 'JPY' },
    });
    expect(await stockOf(t.current.db, a)).toBe(10);
    expect(await stockOf(t.current.db, b)).toBe(10);
    // Both returns together: the 7 points redeemed come back, what the order earned goes, to
    // the point (the shares are cut from a running total).
    expect(await ledgerSum(shopper.id)).toBe(ledgerBefore + 7 - earned);
    const after = await t.current.request('/v1/points', { key: s.pk, token: shopper.token });
    expect(after.body.lifetime).toBe(500);
    expect(last.body.pointsEarned).toBe(0);
    const [row] = await t.current.db.select().from(orders).where(eq(orders.id, id));
    expect(row!.returnedMinor).toBe(total);

    const texts = (await messagesOf(t.current.db, sub.id)).map(
      (m) => (m.payload as { body: string }).body,
    );
    const reference = id.slice(0, 8).toUpperCase();
    expect(texts.slice(1)).toEqual([
      `We approved your return for order ${reference} and refunded ¥${firstRefund.amount.replace(/\B(?=(\d{3})+$)/g, ',')}.`,
      expect.stringContaining(`We approved your return for order ${reference}`),
    ]);
  });

  it('refunds KWD returns to the fils, and a refusal tells the shopper and refunds nothing', async () => {
    const s = await shop();
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, prices: { USD: 1000, KWD: 1234 } }],
    });
    const shopper = await customerWithPoints(t.current, s, 50);
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'order-updates',
      customerId: shopper.id,
      locale: 'ar',
    });
    const id = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 3 }], {
      customer: shopper,
      currency: 'KWD',
      points: 11,
    });
    const order = await t.current.request(`/v1/orders/${id}`, { key: s.pk, token: shopper.token });
    const line = order.body.lines[0].id;
    const ask = (quantity: number) =>
      askReturn(
        s,
        id,
        { lines: [{ lineId: line, quantity }], reason: 'size_or_fit' },
        shopper.token,
      );

    const refusedAsk = await ask(1);
    const refused = await admin(
      t.current,
      s,
      `${id}/returns/${refusedAsk.body.returns[0].id}/refuse`,
      {
        note: 'Worn',
      },
    );
    expect(refused.status).toBe(200);
    expect(refused.body.returns[0]).toMatchObject({
      status: 'refused',
      note: 'Worn',
      refund: null,
    });
    expect(refused.body.refunded).toEqual({ amount: '0.000', currency: 'KWD' });
    // Refused, then approved: the decision stands.
    const flip = await admin(
      t.current,
      s,
      `${id}/returns/${refusedAsk.body.returns[0].id}/approve`,
    );
    expect(flip.status).toBe(409);
    expect(flip.body.error.code).toBe('return_already_decided');
    // Refusing again is the same answer.
    expect(
      (await admin(t.current, s, `${id}/returns/${refusedAsk.body.returns[0].id}/refuse`)).status,
    ).toBe(200);

    // A refused unit can be asked for again; then one by one, all three.
    const refunds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const asked = await ask(1);
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      const ret = asked.body.returns.at(-1).id;
      const ok = await admin(t.current, s, `${id}/returns/${ret}/approve`);
      expect(ok.status).toBe(200);
      refunds.push(ok.body.returns.at(-1).refund.amount);
    }
    for (const r of refunds) expect(r).toMatch(/^\d+\.\d{3}$/);
    expect(sumMinor(refunds, 3)).toBe(Math.round(Number(order.body.total.amount) * 1000));
    const [row] = await t.current.db.select().from(orders).where(eq(orders.id, id));
    expect(row!.status).toBe('refunded');

    const texts = (await messagesOf(t.current.db, sub.id)).map(
      (m) => (m.payload as { body: string }).body,
    );
    expect(texts).toContain(
      `لم نتمكن من الموافقة على إرجاع الطلب ${id.slice(0, 8).toUpperCase()}.`,
    );
  });

  it('takes returns within the store’s window: from delivery, else from payment', async () => {
    const s = await shop({ returns: { windowDays: 14 } });
    const p = await createTestProduct(t.current.db, s.store);
    // Guests' orders: a customer's access token would not outlive the 15 days.
    const delivered = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }]);
    const undelivered = await paidOrder(t.current, s, [
      { variantId: p.variantIds[0]!, quantity: 1 },
    ]);
    const shipped = await admin(t.current, s, `${delivered}/shipments`, {
      carrier: 'DHL',
      trackingNumber: 'D1',
    });
    const deliveredAt = new Date(t.current.now().getTime() + 10 * DAY).toISOString();
    await admin(t.current, s, `${delivered}/shipments/${shipped.body.shipments[0].id}/events`, {
      status: 'delivered',
      time: deliveredAt,
    });
    t.current.advanceClock(15 * DAY);
    const lineOf = async (id: string) =>
      (await t.current.request(`/v1/orders/${id}`, { key: s.pk })).body.lines[0].id;
    const body = async (id: string) => ({
      lines: [{ lineId: await lineOf(id), quantity: 1 }],
      reason: 'other',
    });
    // Delivered 5 days ago: open. Never delivered, paid 15 days ago: closed.
    expect((await askReturn(s, delivered, await body(delivered))).status).toBe(201);
    const late = await askReturn(s, undelivered, await body(undelivered));
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('return_window_closed');

    const byPayment = await t.current.request('/admin/v1/store', {
      method: 'PATCH',
      token: s.sk,
      body: { settings: { returns: { windowDays: 30, from: 'paid' } } },
    });
    expect(byPayment.status, JSON.stringify(byPayment.body)).toBe(200);
    expect((await askReturn(s, undelivered, await body(undelivered))).status).toBe(201);
  });

  it('lets a guest return by the order id, never another customer’s order, and refuses bad input', async () => {
    const s = await shop();
    const p = await createTestProduct(t.current.db, s.store);
    const guest = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }]);
    const owner = await createTestCustomer(t.current, s.store);
    const other = await createTestCustomer(t.current, s.store);
    const owned = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 1 }], {
      customer: owner,
    });
    const lineOf = async (id: string, token?: string) =>
      (await t.current.request(`/v1/orders/${id}`, { key: s.pk, ...(token ? { token } : {}) })).body
        .lines[0].id;
    const guestLine = await lineOf(guest);
    const ok = await askReturn(s, guest, {
      lines: [{ lineId: guestLine, quantity: 1 }],
      reason: 'wrong_item',
    });
    expect(ok.status).toBe(201);
    const ownedLine = await lineOf(owned, owner.token);
    const theirs = await askReturn(
      s,
      owned,
      { lines: [{ lineId: ownedLine, quantity: 1 }], reason: 'other' },
      other.token,
    );
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('order_not_found');
    const badReason = await askReturn(
      s,
      owned,
      { lines: [{ lineId: ownedLine, quantity: 1 }], reason: 'because' },
      owner.token,
    );
    expect(badReason.status).toBe(400);
    const notMine = await askReturn(
      s,
      owned,
      { lines: [{ lineId: guestLine, quantity: 1 }], reason: 'other' },
      owner.token,
    );
    expect(notMine.status).toBe(404);
    expect(notMine.body.error.code).toBe('line_not_found');
    // Another store's admin cannot decide this store's return.
    const foreign = await createTestStore(t.current.db);
    const decide = await admin(
      t.current,
      foreign,
      `${guest}/returns/${ok.body.returns[0].id}/approve`,
    );
    expect(decide.status).toBe(404);
  });

  it('two approvals of one return at once refund it once', async () => {
    const s = await shop();
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, prices: { USD: 999 } }],
    });
    const shopper = await createTestCustomer(t.current, s.store);
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'order-updates',
      customerId: shopper.id,
    });
    const id = await paidOrder(t.current, s, [{ variantId: p.variantIds[0]!, quantity: 4 }], {
      customer: shopper,
    });
    const order = await t.current.request(`/v1/orders/${id}`, { key: s.pk, token: shopper.token });
    const line = order.body.lines[0].id;
    const earned = order.body.pointsEarned as number;
    expect(earned).toBeGreaterThan(3);
    const asked = await askReturn(
      s,
      id,
      { lines: [{ lineId: line, quantity: 1 }], reason: 'damaged' },
      shopper.token,
    );
    const path = `${id}/returns/${asked.body.returns[0].id}/approve`;
    const results = await Promise.all(Array.from({ length: 6 }, () => admin(t.current, s, path)));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [row] = await t.current.db.select().from(orders).where(eq(orders.id, id));
    expect(row!.returnedMinor).toBe(999);
    expect(await stockOf(t.current.db, p.variantIds[0]!)).toBe(7);
    const approvals = (await messagesOf(t.current.db, sub.id)).filter((m) =>
      (m.payload as { title: string }).title.startsWith('Return'),
    );
    expect(approvals).toHaveLength(1);
    // And its share of the points was taken back once.
    const reversals = await t.current.db
      .select({ points: pointsEntries.points })
      .from(pointsEntries)
      .where(and(eq(pointsEntries.customerId, shopper.id), eq(pointsEntries.kind, 'reverse')));
    expect(reversals).toEqual([{ points: -Math.floor(earned / 4) }]);
  });
});

async function ledgerSum(customerId: string) {
  const rows = await t.current.db
    .select({ points: pointsEntries.points })
    .from(pointsEntries)
    .where(eq(pointsEntries.customerId, customerId));
  return rows.reduce((n, r) => n + r.points, 0);
}
