import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { carts, orders, pointsEntries, variantPrices, variants } from '../src/db/schema/index.js';
import { expireOrdersJob } from '../src/jobs/expire-orders.js';
import { jobs } from '../src/jobs/index.js';
import { signAccessToken } from '../src/services/access-tokens.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  stockOf as harnessStockOf,
  runJob,
  type TestCustomer,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();
const MINUTE = 60_000;

/** A store with one $100 product (10 in stock) and a customer holding 1,000 points. */
async function setup(options: Parameters<typeof createTestStore>[1] = {}) {
  const s = await createTestStore(t.current.db, options);
  const p = await createTestProduct(t.current.db, s.store, {
    variants: [
      { stock: 10, prices: { USD: 10000 } },
      { stock: 10, prices: { USD: 500 } },
    ],
  });
  const alice = await createTestCustomer(t.current, s.store);
  await t.current.request('/admin/v1/points/adjustments', {
    token: s.sk,
    body: { email: alice.email, points: 1000, reason: 'Gift' },
  });
  const [v, w] = p.variantIds as [string, string];
  return { s, v, w, alice };
}

const as = (s: TestStore, c?: TestCustomer) => ({ key: s.pk, ...(c ? { token: c.token } : {}) });

async function cartOf(s: TestStore, c?: TestCustomer) {
  return (await t.current.request('/v1/carts', { ...as(s, c), body: {} })).body.id as string;
}

const addLine = (
  s: TestStore,
  cartId: string,
  variantId: string,
  quantity: number,
  c?: TestCustomer,
) => t.current.request(`/v1/carts/${cartId}/lines`, { ...as(s, c), body: { variantId, quantity } });

const checkout = (s: TestStore, cartId: string, c?: TestCustomer) =>
  t.current.request(`/v1/carts/${cartId}/checkout`, { ...as(s, c), body: {} });

const balanceOf = async (s: TestStore, c: TestCustomer) =>
  (await t.current.request('/v1/points', as(s, c))).body.balance as number;

const entriesOf = (orderId: string) =>
  t.current.db.select().from(pointsEntries).where(eq(pointsEntries.orderId, orderId));

const sweep = (aheadMs: number) => runJob(t.current, expireOrdersJob, aheadMs) as Promise<number>;
const stockOf = (variantId: string) => harnessStockOf(t.current.db, variantId);

describe('checking out again', () => {
  it('reuses the pending order while the cart is unchanged, renewing its hold', async () => {
    const { s, v, alice } = await setup();
    const cartId = await cartOf(s, alice);
    await addLine(s, cartId, v, 2, alice);
    const first = await checkout(s, cartId, alice);
    expect(first.status).toBe(201);
    expect(await stockOf(v)).toBe(8);
    t.current.advanceClock(10 * MINUTE);
    // Back from the payment page: the cart is as it was.
    const back = await t.current.request(`/v1/carts/${cartId}`, as(s, alice));
    expect(back.status).toBe(200);
    expect(back.body.lines.map((l: any) => [l.variantId, l.quantity])).toEqual([[v, 2]]);
    const again = await checkout(s, cartId, alice);
    expect(again.status).toBe(200);
    expect(again.body.orderId).toBe(first.body.orderId);
    expect(again.body.checkoutUrl).toBe(first.body.checkoutUrl);
    const renewedBy =
      Date.parse(again.body.order.expiresAt) - Date.parse(first.body.order.expiresAt);
    expect(renewedBy).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(renewedBy).toBeLessThan(11 * MINUTE);
    expect(await stockOf(v)).toBe(8); // taken once
    expect(await t.current.db.select().from(orders)).toHaveLength(1);
  });

  it('replaces it when the cart changed: the old one is cancelled, its stock and points back once', async () => {
    const { s, v, w, alice } = await setup();
    const cartId = await cartOf(s, alice);
    await addLine(s, cartId, v, 2, alice);
    await t.current.request(`/v1/carts/${cartId}/points`, {
      ...as(s, alice),
      method: 'PUT',
      body: { points: 100 },
    });
    const a = await checkout(s, cartId, alice);
    expect(await balanceOf(s, alice)).toBe(900);
    expect(await stockOf(v)).toBe(8);

    // More of one line, a new line: a new order for what the cart holds now.
    await addLine(s, cartId, v, 1, alice);
    await addLine(s, cartId, w, 1, alice);
    const b = await checkout(s, cartId, alice);
    expect(b.status).toBe(201);
    expect(b.body.orderId).not.toBe(a.body.orderId);
    expect(b.body.order).toMatchObject({ itemCount: 4, pointsRedeemed: 100 });
    expect(await stockOf(v)).toBe(7);
    expect(await stockOf(w)).toBe(9);
    expect(await balanceOf(s, alice)).toBe(900);
    const old = await t.current.request(`/v1/orders/${a.body.orderId}`, as(s, alice));
    expect(old.body.status).toBe('cancelled');
    const aEntries = await entriesOf(a.body.orderId);
    expect(aEntries.map((e) => [e.kind, e.points, e.reason]).sort()).toEqual(
      [
        ['redeem', -100, 'Redeemed at checkout'],
        ['reverse', 100, 'Order replaced'],
      ].sort(),
    );

    // A changed price, or another redemption, also makes a new order; nothing else does.
    await t.current.db
      .update(variantPrices)
      .set({ amountMinor: 9000 })
      .where(eq(variantPrices.variantId, v));
    const c = await checkout(s, cartId, alice);
    expect(c.status).toBe(201);
    expect(c.body.order.subtotal.amount).toBe('275.00');
    await t.current.request(`/v1/carts/${cartId}/points`, {
      ...as(s, alice),
      method: 'PUT',
      body: { points: 0 },
    });
    const d = await checkout(s, cartId, alice);
    expect(d.status).toBe(201);
    expect(await balanceOf(s, alice)).toBe(1000);
    expect((await checkout(s, cartId, alice)).body.orderId).toBe(d.body.orderId);
    // Every replaced order gave its stock back: only the last one holds any.
    expect(await stockOf(v)).toBe(7);
    expect(await stockOf(w)).toBe(9);
    const open = await t.current.db
      .select()
      .from(orders)
      .where(and(eq(orders.cartId, cartId), eq(orders.status, 'pending')));
    expect(open.map((o) => o.id)).toEqual([d.body.orderId]);
  });

  it('back from the payment page, the cart can change within the stock and points its order holds', async () => {
    const { s, v, alice } = await setup();
    await t.current.db.update(variants).set({ stock: 3 }).where(eq(variants.id, v));
    const cartId = await cartOf(s, alice);
    await addLine(s, cartId, v, 3, alice);
    const points = (n: number) =>
      t.current.request(`/v1/carts/${cartId}/points`, {
        ...as(s, alice),
        method: 'PUT',
        body: { points: n },
      });
    await points(800);
    await checkout(s, cartId, alice);
    expect(await stockOf(v)).toBe(0);
    expect(await balanceOf(s, alice)).toBe(200);
    // The order holds the last 3 units and 800 points: they still count for this cart.
    const back = await t.current.request(`/v1/carts/${cartId}`, as(s, alice));
    expect(back.body.lines[0].available).toBe(3);
    const lineId = back.body.lines[0].id;
    const less = await t.current.request(`/v1/carts/${cartId}/lines/${lineId}`, {
      ...as(s, alice),
      method: 'PATCH',
      body: { quantity: 2 },
    });
    expect(less.status).toBe(200);
    expect((await addLine(s, cartId, v, 1, alice)).status).toBe(200);
    const tooMany = await addLine(s, cartId, v, 1, alice);
    expect(tooMany.body.error).toMatchObject({ code: 'out_of_stock', details: { available: 3 } });
    expect((await points(900)).status).toBe(200);
    const over = await points(1001);
    expect(over.body.error).toMatchObject({
      code: 'insufficient_points',
      details: { balance: 1000 },
    });
    const again = await checkout(s, cartId, alice);
    expect(again.status).toBe(201);
    expect(again.body.order.pointsRedeemed).toBe(900);
    expect(await stockOf(v)).toBe(0);
    expect(await balanceOf(s, alice)).toBe(100);
  });

  it('a paid order pays for what it holds, even if the cart changed after checkout', async () => {
    const { s, v, w } = await setup();
    const cartId = await cartOf(s);
    await addLine(s, cartId, v, 1);
    const order = await checkout(s, cartId);
    await addLine(s, cartId, w, 3); // in another tab, after checkout
    const paid = await t.current.request(`/admin/v1/orders/${order.body.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(paid.body).toMatchObject({
      status: 'paid',
      itemCount: 1,
      total: { amount: '100.00' },
      payment: { provider: 'manual', reference: null },
    });
    expect(await stockOf(w)).toBe(10);
    const [cart] = await t.current.db.select().from(carts).where(eq(carts.id, cartId));
    expect(cart!.status).toBe('ordered');
    // The shopper's next visit: the cart says it was ordered; a new cart starts empty.
    const read = await t.current.request(`/v1/carts/${cartId}`, as(s));
    expect(read.body.error.code).toBe('cart_not_active');
  });

  it('a guest cart merged at sign-in gives back what its pending order held', async () => {
    const { s, v, alice } = await setup();
    const mine = await cartOf(s, alice);
    await addLine(s, mine, v, 1, alice);
    const guest = await cartOf(s);
    await addLine(s, guest, v, 9);
    const held = await checkout(s, guest);
    expect(await stockOf(v)).toBe(1);
    // The shopper signs in: the guest lines join the customer's cart (capped by stock).
    const merged = await t.current.request('/v1/carts/merge', {
      ...as(s, alice),
      body: { cartId: guest },
    });
    expect(merged.body.id).toBe(mine);
    const stale = await t.current.request(`/v1/orders/${held.body.orderId}`, as(s));
    expect(stale.body.status).toBe('cancelled');
    expect(await stockOf(v)).toBe(10);
    const bought = await checkout(s, mine, alice);
    expect(bought.status).toBe(201);
    expect(bought.body.order.itemCount).toBe(merged.body.itemCount);
  });
});

describe('order holds', () => {
  it('expire after the hold: payment refused at once, stock and points back once by the sweep', async () => {
    const { s, v, alice } = await setup();
    const cartId = await cartOf(s, alice);
    await addLine(s, cartId, v, 3, alice);
    await t.current.request(`/v1/carts/${cartId}/points`, {
      ...as(s, alice),
      method: 'PUT',
      body: { points: 250 },
    });
    const { orderId } = (await checkout(s, cartId, alice)).body;
    const other = await cartOf(s);
    await addLine(s, other, v, 1);
    t.current.advanceClock(20 * MINUTE);
    alice.token = (
      await signAccessToken(s.store, alice.id, 'http://localhost', t.current.now())
    ).token;
    const fresh = (await checkout(s, other)).body.orderId as string; // held 20 minutes longer
    expect(await stockOf(v)).toBe(6);
    expect(await balanceOf(s, alice)).toBe(750);

    t.current.advanceClock(11 * MINUTE);
    alice.token = (
      await signAccessToken(s.store, alice.id, 'http://localhost', t.current.now())
    ).token;
    // Before the sweep: the order reads as expired and cannot be paid.
    const read = await t.current.request(`/v1/orders/${orderId}`, as(s, alice));
    expect(read.body.status).toBe('expired');
    const pay = await t.current.request(`/admin/v1/orders/${orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(pay.status).toBe(409);
    expect(pay.body.error).toMatchObject({ code: 'order_expired', details: { status: 'expired' } });

    expect(await sweep(0)).toBe(1);
    expect(await stockOf(v)).toBe(9);
    expect(await balanceOf(s, alice)).toBe(1000);
    const [row] = await t.current.db.select().from(orders).where(eq(orders.id, orderId));
    expect(row!.status).toBe('expired');
    const reversals = (await entriesOf(orderId)).filter((e) => e.kind === 'reverse');
    expect(reversals.map((e) => [e.points, e.reason])).toEqual([[250, 'Order expired']]);
    // Again: nothing left to do. The order still within its hold is untouched.
    expect(await sweep(0)).toBe(0);
    expect(await stockOf(v)).toBe(9);
    expect((await t.current.request(`/v1/orders/${fresh}`, as(s))).body.status).toBe('pending');
    expect(
      (
        await t.current.request(`/admin/v1/orders/${orderId}/cancel`, {
          token: s.sk,
          method: 'POST',
        })
      ).body.error.code,
    ).toBe('order_not_cancellable');

    // The cart is still the shopper's: checking out again makes a new order.
    const again = await checkout(s, cartId, alice);
    expect(again.status).toBe(201);
    expect(await stockOf(v)).toBe(6);
    expect(await balanceOf(s, alice)).toBe(750);
  });

  it('an expired order not yet swept is released by the next checkout of its cart, once', async () => {
    const { s, v } = await setup();
    const cartId = await cartOf(s);
    await addLine(s, cartId, v, 2);
    const first = (await checkout(s, cartId)).body.orderId;
    t.current.advanceClock(31 * MINUTE);
    const second = await checkout(s, cartId);
    expect(second.status).toBe(201);
    expect(second.body.orderId).not.toBe(first);
    expect((await t.current.request(`/v1/orders/${first}`, as(s))).body.status).toBe('expired');
    expect(await stockOf(v)).toBe(8);
    expect(await sweep(0)).toBe(0);
    expect(await stockOf(v)).toBe(8);
  });

  it("lasts the store's orderHoldMinutes (default 30), set by the admin", async () => {
    const { s, v } = await setup();
    const patch = (settings: unknown) =>
      t.current.request('/admin/v1/store', { method: 'PATCH', token: s.sk, body: { settings } });
    expect(
      (await t.current.request('/admin/v1/store', { token: s.sk })).body.settings,
    ).toMatchObject({ orderHoldMinutes: 30 });
    for (const bad of [0, 1.5, 10_081, '5']) {
      const res = await patch({ orderHoldMinutes: bad });
      expect(res.status).toBe(400);
    }
    expect((await patch({ orderHoldMinutes: 5 })).body.settings.orderHoldMinutes).toBe(5);
    const cartId = await cartOf(s);
    await addLine(s, cartId, v, 1);
    const { order } = (await checkout(s, cartId)).body;
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(5 * MINUTE);
    expect(await sweep(4 * MINUTE)).toBe(0);
    expect(await sweep(5 * MINUTE)).toBe(1);
    expect(await stockOf(v)).toBe(10);
  });

  it('is swept by a job the server runs', () => {
    expect(jobs).toContain(expireOrdersJob);
    expect(expireOrdersJob.everyMs).toBeLessThanOrEqual(5 * MINUTE);
  });
});
