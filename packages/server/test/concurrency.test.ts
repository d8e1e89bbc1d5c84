import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cartLines, carts, orders, pointsEntries, variants } from '../src/db/schema/index.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
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
