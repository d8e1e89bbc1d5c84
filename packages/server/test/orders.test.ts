import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { carts, variants } from '../src/db/schema/index.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  stockOf as harnessStockOf,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();

const stockOf = (variantId: string) => harnessStockOf(t.current.db, variantId);

async function cartWith(
  s: TestStore,
  lines: { variantId: string; quantity?: number; ref?: string }[],
  options: { token?: string; currency?: string } = {},
) {
  const auth = options.token ? { token: options.token } : {};
  const cart = await t.current.request('/v1/carts', {
    key: s.pk,
    body: options.currency ? { currency: options.currency } : {},
    ...auth,
  });
  for (const line of lines) {
    const res = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      body: line,
      ...auth,
    });
    expect(res.status).toBe(200);
  }
  return cart.body.id as string;
}

function checkout(s: TestStore, cartId: string, options: { token?: string; body?: unknown } = {}) {
  return t.current.request(`/v1/carts/${cartId}/checkout`, {
    key: s.pk,
    body: options.body ?? {},
    ...(options.token ? { token: options.token } : {}),
  });
}

describe('checkout', () => {
  it('turns a cart into a pending order, takes stock and carries refs', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, {
      title: 'Mug',
      variants: [
        { title: 'Blue', stock: 5, prices: { USD: 1200, EUR: 1100 } },
        { title: 'Red', stock: 5, prices: { USD: 800, EUR: 700 } },
      ],
    });
    const [blue, red] = p.variantIds as [string, string];
    const cartId = await cartWith(s, [
      { variantId: blue, quantity: 2, ref: 'ana.lind' },
      { variantId: red, quantity: 1 },
    ]);
    const res = await checkout(s, cartId, { body: { email: 'guest@example.com' } });
    expect(res.status).toBe(201);
    expect(res.body.checkoutUrl).toBe(`http://localhost/checkout/${res.body.orderId}`);
    expect(res.body.order).toMatchObject({
      id: res.body.orderId,
      status: 'pending',
      currency: 'USD',
      customerId: null,
      email: 'guest@example.com',
      itemCount: 3,
      subtotal: { amount: '32.00', currency: 'USD' },
      discount: { amount: '0.00', currency: 'USD' },
      total: { amount: '32.00', currency: 'USD' },
      pointsRedeemed: 0,
      pointsEarned: 0,
      paidAt: null,
    });
    // Held for the default 30 minutes.
    expect(Date.parse(res.body.order.expiresAt) - Date.parse(res.body.order.createdAt)).toBe(
      30 * 60_000,
    );
    const blueLine = res.body.order.lines.find((l: any) => l.variantId === blue);
    expect(blueLine).toMatchObject({
      title: 'Mug',
      variantTitle: 'Blue',
      quantity: 2,
      unitPrice: { amount: '12.00', currency: 'USD' },
      lineTotal: { amount: '24.00', currency: 'USD' },
      ref: 'ana.lind',
    });
    expect(await stockOf(blue)).toBe(3);
    expect(await stockOf(red)).toBe(4);
    // The cart stays as it was until the order is paid.
    const [cart] = await t.current.db.select().from(carts).where(eq(carts.id, cartId));
    expect(cart!.status).toBe('active');
    const back = await t.current.request(`/v1/carts/${cartId}`, { key: s.pk });
    expect(back.status).toBe(200);
    expect(back.body.itemCount).toBe(3);
    // Paying converts it: reads, writes and another checkout say it was ordered.
    const paid = await t.current.request(`/admin/v1/orders/${res.body.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(paid.body.status).toBe('paid');
    const [ordered] = await t.current.db.select().from(carts).where(eq(carts.id, cartId));
    expect(ordered!.status).toBe('ordered');
    const read = await t.current.request(`/v1/carts/${cartId}`, { key: s.pk });
    expect(read.status).toBe(409);
    expect(read.body.error).toMatchObject({
      code: 'cart_not_active',
      details: { status: 'ordered' },
    });
    const again = await checkout(s, cartId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('cart_not_active');
    const write = await t.current.request(`/v1/carts/${cartId}/lines`, {
      key: s.pk,
      body: { variantId: blue },
    });
    expect(write.body.error.code).toBe('cart_not_active');
    // The guest reads the order by its id.
    const order = await t.current.request(`/v1/orders/${res.body.orderId}`, { key: s.pk });
    expect(order.status).toBe(200);
    expect(order.body.total.amount).toBe('32.00');
  });

  it('checks out an EUR cart in EUR', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 5, prices: { USD: 1250, EUR: 1199 } }],
    });
    const cartId = await cartWith(s, [{ variantId: p.variantIds[0]!, quantity: 3 }], {
      currency: 'EUR',
    });
    const res = await checkout(s, cartId);
    expect(res.body.order.total).toEqual({ amount: '35.97', currency: 'EUR' });
  });

  it('refuses an empty cart, a bad email, and rolls back when a line is short', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 5 }, { stock: 5 }],
    });
    const [a, b] = p.variantIds as [string, string];
    const empty = await cartWith(s, []);
    const res = await checkout(s, empty);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('empty_cart');
    const cartId = await cartWith(s, [
      { variantId: a, quantity: 2 },
      { variantId: b, quantity: 4 },
    ]);
    const badEmail = await checkout(s, cartId, { body: { email: 'not-an-email' } });
    expect(badEmail.status).toBe(400);
    const junk = await checkout(s, cartId, { body: '{oops' });
    expect(junk.body.error.code).toBe('invalid_json');
    // Someone else bought b meanwhile.
    await t.current.db.update(variants).set({ stock: 3 }).where(eq(variants.id, b));
    const short = await checkout(s, cartId);
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({
      code: 'out_of_stock',
      details: { variantId: b, available: 3 },
    });
    expect(await stockOf(a)).toBe(5); // rolled back
    const [cart] = await t.current.db.select().from(carts).where(eq(carts.id, cartId));
    expect(cart!.status).toBe('active');
  });

  it("hides other stores' carts and other customers' carts", async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const alice = await createTestCustomer(t.current, s.store);
    const bob = await createTestCustomer(t.current, s.store);
    const cartId = await cartWith(s, [{ variantId: p.variantIds[0]! }], { token: alice.token });
    expect((await checkout(other, cartId)).status).toBe(404);
    expect((await checkout(s, cartId, { token: bob.token })).status).toBe(404);
    expect((await checkout(s, cartId)).status).toBe(404);
    expect((await checkout(s, 'nope')).status).toBe(404);
    const mine = await checkout(s, cartId, { token: alice.token });
    expect(mine.status).toBe(201);
    expect(mine.body.order).toMatchObject({ customerId: alice.id, email: alice.email });
  });
});

describe('orders', () => {
  it("lists a customer's orders in pages and hides them from others", async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 50 }] });
    const alice = await createTestCustomer(t.current, s.store);
    const bob = await createTestCustomer(t.current, s.store);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const cartId = await cartWith(s, [{ variantId: p.variantIds[0]! }], { token: alice.token });
      ids.push((await checkout(s, cartId, { token: alice.token })).body.orderId);
      t.current.advanceClock(1000);
    }
    const page1 = await t.current.request('/v1/orders?first=2', { key: s.pk, token: alice.token });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((o: any) => o.id)).toEqual([ids[2], ids[1]]);
    const page2 = await t.current.request(`/v1/orders?first=2&after=${page1.body.nextCursor}`, {
      key: s.pk,
      token: alice.token,
    });
    expect(page2.body.items.map((o: any) => o.id)).toEqual([ids[0]]);
    expect(page2.body.nextCursor).toBeNull();
    const bobs = await t.current.request('/v1/orders', { key: s.pk, token: bob.token });
    expect(bobs.body.items).toEqual([]);
    const peek = await t.current.request(`/v1/orders/${ids[0]}`, { key: s.pk, token: bob.token });
    expect(peek.status).toBe(404);
    const anon = await t.current.request(`/v1/orders/${ids[0]}`, { key: s.pk });
    expect(anon.status).toBe(404);
    const own = await t.current.request(`/v1/orders/${ids[0]}`, { key: s.pk, token: alice.token });
    expect(own.status).toBe(200);
    expect((await t.current.request('/v1/orders', { key: s.pk })).status).toBe(401);
    const badCursor = await t.current.request('/v1/orders?after=zzz', {
      key: s.pk,
      token: alice.token,
    });
    expect(badCursor.status).toBe(400);
    const badFirst = await t.current.request('/v1/orders?first=0', {
      key: s.pk,
      token: alice.token,
    });
    expect(badFirst.status).toBe(400);
    const other = await createTestStore(t.current.db);
    expect((await t.current.request(`/v1/orders/${ids[0]}`, { key: other.pk })).status).toBe(404);
  });

  it('marks paid once, idempotently; cancelled orders cannot be paid', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 5 }] });
    const a = (await checkout(s, await cartWith(s, [{ variantId: p.variantIds[0]! }]))).body;
    const paid = await t.current.request(`/admin/v1/orders/${a.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect(paid.body.paidAt).not.toBeNull();
    const again = await t.current.request(`/admin/v1/orders/${a.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(again.status).toBe(200);
    expect(again.body.paidAt).toBe(paid.body.paidAt);
    const b = (await checkout(s, await cartWith(s, [{ variantId: p.variantIds[0]! }]))).body;
    const cancel = await t.current.request(`/admin/v1/orders/${b.orderId}/cancel`, {
      token: s.sk,
      method: 'POST',
    });
    expect(cancel.body.status).toBe('cancelled');
    const payCancelled = await t.current.request(`/admin/v1/orders/${b.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(payCancelled.status).toBe(409);
    expect(payCancelled.body.error.code).toBe('order_not_pending');
    const refundPending = await t.current.request(`/admin/v1/orders/${b.orderId}/refund`, {
      token: s.sk,
      method: 'POST',
    });
    expect(refundPending.body.error.code).toBe('order_not_paid');
    const other = await createTestStore(t.current.db);
    for (const id of [a.orderId, randomUUID(), 'x']) {
      const res = await t.current.request(`/admin/v1/orders/${id}/mark-paid`, {
        token: other.sk,
        method: 'POST',
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('order_not_found');
    }
    const withPk = await t.current.request(`/admin/v1/orders/${a.orderId}/mark-paid`, {
      token: s.pk,
      method: 'POST',
    });
    expect(withPk.status).toBe(401);
  });

  it('restocks on cancel and refund', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 5 }] });
    const v = p.variantIds[0]!;
    const a = (await checkout(s, await cartWith(s, [{ variantId: v, quantity: 2 }]))).body;
    const b = (await checkout(s, await cartWith(s, [{ variantId: v, quantity: 3 }]))).body;
    expect(await stockOf(v)).toBe(0);
    await t.current.request(`/admin/v1/orders/${a.orderId}/cancel`, {
      token: s.sk,
      method: 'POST',
    });
    expect(await stockOf(v)).toBe(2);
    await t.current.request(`/admin/v1/orders/${b.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    const refund = await t.current.request(`/admin/v1/orders/${b.orderId}/refund`, {
      token: s.sk,
      method: 'POST',
    });
    expect(refund.body.status).toBe('refunded');
    expect(await stockOf(v)).toBe(5);
    // Repeats change nothing (no double restock).
    await t.current.request(`/admin/v1/orders/${b.orderId}/refund`, {
      token: s.sk,
      method: 'POST',
    });
    await t.current.request(`/admin/v1/orders/${a.orderId}/cancel`, {
      token: s.sk,
      method: 'POST',
    });
    expect(await stockOf(v)).toBe(5);
    const cancelRefunded = await t.current.request(`/admin/v1/orders/${b.orderId}/cancel`, {
      token: s.sk,
      method: 'POST',
    });
    expect(cancelRefunded.body.error.code).toBe('order_not_cancellable');
  });

  it('finds orders by attribution ref', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 20 }, { stock: 20 }],
    });
    const [a, b] = p.variantIds as [string, string];
    const jane = (
      await checkout(
        s,
        await cartWith(s, [
          { variantId: a, ref: 'jane' },
          { variantId: b, ref: 'max' },
        ]),
      )
    ).body.orderId;
    const max = (await checkout(s, await cartWith(s, [{ variantId: a, ref: 'max' }]))).body.orderId;
    await checkout(s, await cartWith(s, [{ variantId: a }]));
    const byJane = await t.current.request('/admin/v1/orders?ref=jane', { token: s.sk });
    expect(byJane.status).toBe(200);
    expect(byJane.body.items.map((o: any) => o.id)).toEqual([jane]);
    const byMax = await t.current.request('/admin/v1/orders?ref=max', { token: s.sk });
    expect(byMax.body.items.map((o: any) => o.id).sort()).toEqual([jane, max].sort());
    const all = await t.current.request('/admin/v1/orders', { token: s.sk });
    expect(all.body.items).toHaveLength(3);
    const bad = await t.current.request('/admin/v1/orders?ref=a%20b', { token: s.sk });
    expect(bad.status).toBe(400);
    const other = await createTestStore(t.current.db);
    const foreign = await t.current.request('/admin/v1/orders?ref=jane', { token: other.sk });
    expect(foreign.body.items).toEqual([]);
  });
});
