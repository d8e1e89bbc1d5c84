import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cartLines, carts, orders, pointsEntries, variants } from '../src/db/schema/index.js';
import { expireOrdersJob } from '../src/jobs/expire-orders.js';
import {
  type ApiResponse,
  createTestCustomer,
  createTestProduct,
  createTestStore,
  stockOf as harnessStockOf,
  runJob,
  type TestCustomer,
  type TestStore,
  useTestApp,
} from './harness.js';

/**
 * These race for real on PostgreSQL (a connection pool, requests in parallel); PGlite runs
 * them one at a time, where they still must give the same answers.
 */
const t = useTestApp();

async function guestCart(s: TestStore, variantId: string, quantity = 1) {
  const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
  const res = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    body: { variantId, quantity },
  });
  expect(res.status).toBe(200);
  return cart.body.id as string;
}

describe('concurrent checkouts', () => {
  it('sells the last unit once: 10 parallel checkouts → 1 order', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 1 }] });
    const v = p.variantIds[0]!;
    const cartIds = await Promise.all(Array.from({ length: 10 }, () => guestCart(s, v)));
    const results = await Promise.all(
      cartIds.map((id) => t.current.request(`/v1/carts/${id}/checkout`, { key: s.pk, body: {} })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('out_of_stock');
    }
    const [variant] = await t.current.db.select().from(variants).where(eq(variants.id, v));
    expect(variant!.stock).toBe(0);
    expect(await t.current.db.select().from(orders)).toHaveLength(1);
  });

  it('never splits stock wrongly across multi-unit carts', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 7 }] });
    const v = p.variantIds[0]!;
    const cartIds = await Promise.all(Array.from({ length: 6 }, () => guestCart(s, v, 2)));
    const results = await Promise.all(
      cartIds.map((id) => t.current.request(`/v1/carts/${id}/checkout`, { key: s.pk, body: {} })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const [variant] = await t.current.db.select().from(variants).where(eq(variants.id, v));
    expect(variant!.stock).toBe(1);
  });

  it('double checkout of one cart makes one order', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 10 }] });
    const cartId = await guestCart(s, p.variantIds[0]!);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.current.request(`/v1/carts/${cartId}/checkout`, { key: s.pk, body: {} }),
      ),
    );
    // One makes the order; the others, serialised by the cart lock, find it unchanged and
    // reuse it.
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(4);
    expect(new Set(results.map((r) => r.body.orderId)).size).toBe(1);
    expect(await t.current.db.select().from(orders)).toHaveLength(1);
    const [variant] = await t.current.db
      .select()
      .from(variants)
      .where(eq(variants.id, p.variantIds[0]!));
    expect(variant!.stock).toBe(9);
  });

  it("one customer's balance pays for one of several parallel redemptions", async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 50 }] });
    // A customer has one active cart, so the racing carts are guest carts the customer
    // checks out while signed in (the orders are theirs), each carrying a redemption.
    const alice = await createTestCustomer(t.current, s.store);
    await t.current.request('/admin/v1/points/adjustments', {
      token: s.sk,
      body: { email: alice.email, points: 1000, reason: 'Gift' },
    });
    const cartIds = await Promise.all(
      Array.from({ length: 5 }, () => guestCart(s, p.variantIds[0]!)),
    );
    await t.current.db.update(carts).set({ pointsRedeemed: 800 }).where(inArray(carts.id, cartIds));
    const results = await Promise.all(
      cartIds.map((id) =>
        t.current.request(`/v1/carts/${id}/checkout`, { key: s.pk, token: alice.token, body: {} }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.body.error.code).toBe('insufficient_points');
    }
    const me = await t.current.request('/v1/points', { key: s.pk, token: alice.token });
    expect(me.body.balance).toBe(200);
    const redeems = await t.current.db
      .select()
      .from(pointsEntries)
      .where(eq(pointsEntries.kind, 'redeem'));
    expect(redeems).toHaveLength(1);
  });

  it('parallel mark-paid earns points once', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 5 }] });
    const alice = await createTestCustomer(t.current, s.store);
    const cart = await t.current.request('/v1/carts', { key: s.pk, token: alice.token, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token: alice.token,
      body: { variantId: p.variantIds[0] },
    });
    const order = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      token: alice.token,
      body: {},
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.current.request(`/admin/v1/orders/${order.body.orderId}/mark-paid`, {
          token: s.sk,
          method: 'POST',
        }),
      ),
    );
    expect(results.every((r) => r.status === 200 && r.body.status === 'paid')).toBe(true);
    const earns = await t.current.db
      .select()
      .from(pointsEntries)
      .where(eq(pointsEntries.kind, 'earn'));
    expect(earns).toHaveLength(1);
    expect(earns[0]!.points).toBe(25);
  });

  it('parallel deductions never take a balance below zero', async () => {
    const s = await createTestStore(t.current.db);
    const alice = await createTestCustomer(t.current, s.store);
    await t.current.request('/admin/v1/points/adjustments', {
      token: s.sk,
      body: { email: alice.email, points: 100, reason: 'Gift' },
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.current.request('/admin/v1/points/adjustments', {
          token: s.sk,
          body: { email: alice.email, points: -40, reason: 'Take' },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    const me = await t.current.request('/v1/points', { key: s.pk, token: alice.token });
    expect(me.body.balance).toBe(20);
  });
});

describe('Idempotency-Key on cart writes and checkout', () => {
  it('adds a line once for a key sent in parallel and again; another body is refused', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 10 }] });
    const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    const send = (quantity: number) =>
      t.current.request(`/v1/carts/${cart.body.id}/lines`, {
        key: s.pk,
        body: { variantId: p.variantIds[0], quantity },
        headers: { 'idempotency-key': 'add-1' },
      });
    const parallel = await Promise.all([send(2), send(2), send(2)]);
    for (const r of parallel) {
      expect([200, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.error.code).toBe('idempotency_in_progress');
    }
    const replay = await send(2);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.lines[0].quantity).toBe(2);
    const lines = await t.current.db.select().from(cartLines);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe(2);
    const reused = await send(3);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('checks out once for a repeated key and replays the order', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 10 }] });
    const cartId = await guestCart(s, p.variantIds[0]!, 3);
    const send = () =>
      t.current.request(`/v1/carts/${cartId}/checkout`, {
        key: s.pk,
        body: {},
        headers: { 'idempotency-key': 'checkout-1' },
      });
    const parallel = await Promise.all([send(), send(), send()]);
    const created = parallel.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.orderId)).size).toBe(1);
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.orderId).toBe(created[0]!.body.orderId);
    expect(await t.current.db.select().from(orders)).toHaveLength(1);
    const [variant] = await t.current.db
      .select()
      .from(variants)
      .where(eq(variants.id, p.variantIds[0]!));
    expect(variant!.stock).toBe(7);
    const reused = await t.current.request(`/v1/carts/${cartId}/checkout`, {
      key: s.pk,
      body: { email: 'a@example.com' },
      headers: { 'idempotency-key': 'checkout-1' },
    });
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });
});

describe('order holds under concurrency', () => {
  const MINUTE = 60_000;
  /** The expiry job as another instance runs it, its clock `aheadMs` ahead of the app's. */
  const sweep = (aheadMs: number) => runJob(t.current, expireOrdersJob, aheadMs) as Promise<number>;

  /** Customers who each check out 2 units of `variantId`, redeeming 100 of their 1,000 points. */
  async function heldOrders(s: TestStore, variantId: string, n: number) {
    const made: { customer: TestCustomer; orderId: string }[] = [];
    for (let i = 0; i < n; i++) {
      const customer = await createTestCustomer(t.current, s.store);
      await t.current.request('/admin/v1/points/adjustments', {
        token: s.sk,
        body: { email: customer.email, points: 1000, reason: 'Gift' },
      });
      const auth = { key: s.pk, token: customer.token };
      const cart = await t.current.request('/v1/carts', { ...auth, body: {} });
      await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
        ...auth,
        body: { variantId, quantity: 2 },
      });
      await t.current.request(`/v1/carts/${cart.body.id}/points`, {
        ...auth,
        method: 'PUT',
        body: { points: 100 },
      });
      const res = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
        ...auth,
        body: {},
      });
      expect(res.status).toBe(201);
      made.push({ customer, orderId: res.body.orderId });
    }
    return made;
  }

  const stockOf = (variantId: string) => harnessStockOf(t.current.db, variantId);

  /** Every ledger entry of the customer, added up (the sweeps' clock is ahead of the API's). */
  const ledgerSum = async (customer: TestCustomer) =>
    (
      await t.current.db
        .select({ points: pointsEntries.points })
        .from(pointsEntries)
        .where(eq(pointsEntries.customerId, customer.id))
    ).reduce((sum, e) => sum + e.points, 0);

  it('two sweeps and payments at once: each order paid or expired, never both; stock and points back once', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 20 }] });
    const v = p.variantIds[0]!;
    const held = await heldOrders(s, v, 6);
    expect(await stockOf(v)).toBe(8);
    // The sweeps' clock is past every hold; the payments' is not, so each payment and the
    // sweeps really compete for the same orders.
    const [first, second, ...payments] = await Promise.all([
      sweep(31 * MINUTE),
      sweep(31 * MINUTE),
      ...held.map(({ orderId }) =>
        t.current.request(`/admin/v1/orders/${orderId}/mark-paid`, {
          token: s.sk,
          method: 'POST',
        }),
      ),
    ]);
    const rows = await t.current.db
      .select()
      .from(orders)
      .where(
        inArray(
          orders.id,
          held.map((h) => h.orderId),
        ),
      );
    const paid = rows.filter((o) => o.status === 'paid');
    const expired = rows.filter((o) => o.status === 'expired');
    expect(paid.length + expired.length).toBe(held.length);
    expect((first as number) + (second as number)).toBe(expired.length);
    for (const [i, { orderId, customer }] of held.entries()) {
      const res = payments[i] as ApiResponse;
      const row = rows.find((o) => o.id === orderId)!;
      // The payment's answer agrees with what happened to the order.
      if (row.status === 'paid') expect(res.status).toBe(200);
      else expect(res.body.error.code).toBe('order_expired');
      const entries = await t.current.db
        .select()
        .from(pointsEntries)
        .where(eq(pointsEntries.orderId, orderId));
      const kinds = entries.map((e) => e.kind).sort();
      expect(kinds).toEqual(row.status === 'paid' ? ['earn', 'redeem'] : ['redeem', 'reverse']);
      // $50 − $1 of points earns 49; an expiry gives the 100 back.
      expect(await ledgerSum(customer)).toBe(row.status === 'paid' ? 900 + 49 : 1000);
    }
    expect(await stockOf(v)).toBe(20 - 2 * paid.length);
    // Later sweeps find nothing more to give back.
    expect(await sweep(60 * MINUTE)).toBe(0);
    expect(await stockOf(v)).toBe(20 - 2 * paid.length);
  });

  it('three sweeps at once expire each order once', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 20 }] });
    const v = p.variantIds[0]!;
    const held = await heldOrders(s, v, 5);
    const counts = await Promise.all([sweep(31 * MINUTE), sweep(31 * MINUTE), sweep(31 * MINUTE)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(await stockOf(v)).toBe(20);
    const reversals = await t.current.db
      .select()
      .from(pointsEntries)
      .where(eq(pointsEntries.kind, 'reverse'));
    expect(reversals).toHaveLength(5);
    for (const { customer } of held) expect(await ledgerSum(customer)).toBe(1000);
  });

  it('a checkout replacing an expired order races two sweeps: released once, one new order', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 10 }] });
    const v = p.variantIds[0]!;
    const cartId = await guestCart(s, v, 4);
    const old = await t.current.request(`/v1/carts/${cartId}/checkout`, { key: s.pk, body: {} });
    expect(await stockOf(v)).toBe(6);
    t.current.advanceClock(31 * MINUTE);
    const [again] = await Promise.all([
      t.current.request(`/v1/carts/${cartId}/checkout`, { key: s.pk, body: {} }),
      sweep(0),
      sweep(0),
    ]);
    expect(again.status).toBe(201);
    const rows = await t.current.db.select().from(orders).where(eq(orders.cartId, cartId));
    expect(rows.find((o) => o.id === old.body.orderId)!.status).toBe('expired');
    expect(rows.filter((o) => o.status === 'pending').map((o) => o.id)).toEqual([
      again.body.orderId,
    ]);
    expect(await stockOf(v)).toBe(6);
  });
});
