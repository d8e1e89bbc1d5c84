import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { carts, variantPrices, variants } from '../src/db/schema/index.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();

async function setup(stock = 10) {
  const s = await createTestStore(t.current.db);
  const product = await createTestProduct(t.current.db, s.store, {
    title: 'Tee',
    variants: [
      { title: 'S', stock, prices: { USD: 2500, EUR: 2300 }, compareAt: { USD: 3000 } },
      { title: 'M', stock: 2, prices: { USD: 1999, EUR: 1850 } },
    ],
  });
  return { ...s, product };
}

async function newCart(s: TestStore, options: { currency?: string; token?: string } = {}) {
  const res = await t.current.request('/v1/carts', {
    key: s.pk,
    body: options.currency ? { currency: options.currency } : {},
    ...(options.token ? { token: options.token } : {}),
  });
  expect(res.status).toBeLessThan(300);
  return res.body;
}

function add(s: TestStore, cartId: string, body: unknown, token?: string) {
  return t.current.request(`/v1/carts/${cartId}/lines`, {
    key: s.pk,
    body,
    ...(token ? { token } : {}),
  });
}

describe('guest carts', () => {
  it('creates an empty cart in the default currency, or a chosen one', async () => {
    const s = await setup();
    const res = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      currency: 'USD',
      customerId: null,
      lines: [],
      itemCount: 0,
      subtotal: { amount: '0.00', currency: 'USD' },
      total: { amount: '0.00', currency: 'USD' },
      pointsRedeemed: 0,
    });
    const eur = await t.current.request('/v1/carts', { key: s.pk, body: { currency: 'EUR' } });
    expect(eur.body.currency).toBe('EUR');
    const none = await t.current.request('/v1/carts', { key: s.pk, method: 'POST' });
    expect(none.status).toBe(201);
    // A currency the store doesn't sell falls back to its default, as product reads do.
    const other = await t.current.request('/v1/carts', { key: s.pk, body: { currency: 'GBP' } });
    expect(other.status).toBe(201);
    expect(other.body.currency).toBe('USD');
    const junk = await t.current.request('/v1/carts', { key: s.pk, body: { currency: 12 } });
    expect(junk.body.error.code).toBe('validation_failed');
  });

  it('adds lines, adds to an existing line and computes totals in USD', async () => {
    const s = await setup();
    const cart = await newCart(s);
    const [small, medium] = s.product.variantIds;
    let res = await add(s, cart.id, { variantId: small, quantity: 2, ref: 'jane_doe' });
    expect(res.status).toBe(200);
    res = await add(s, cart.id, { variantId: small, ref: 'someone-else' });
    res = await add(s, cart.id, { variantId: medium, quantity: 1 });
    expect(res.body.lines).toHaveLength(2);
    const line = res.body.lines.find((l: any) => l.variantId === small);
    expect(line).toMatchObject({
      productId: s.product.id,
      title: 'Tee',
      variantTitle: 'S',
      handle: s.product.handle,
      image: null,
      quantity: 3,
      unitPrice: { amount: '25.00', currency: 'USD' },
      lineTotal: { amount: '75.00', currency: 'USD' },
      compareAtPrice: { amount: '30.00', currency: 'USD' },
      available: 10,
      ref: 'jane_doe',
    });
    expect(res.body.itemCount).toBe(4);
    expect(res.body.subtotal).toEqual({ amount: '94.99', currency: 'USD' });
    expect(res.body.discount).toEqual({ amount: '0.00', currency: 'USD' });
    expect(res.body.total).toEqual({ amount: '94.99', currency: 'USD' });
    const got = await t.current.request(`/v1/carts/${cart.id}`, { key: s.pk });
    expect(got.status).toBe(200);
    expect(got.body.total).toEqual({ amount: '94.99', currency: 'USD' });
  });

  it('keeps a later ref when the first add had none', async () => {
    const s = await setup();
    const cart = await newCart(s);
    const v = s.product.variantIds[0]!;
    await add(s, cart.id, { variantId: v });
    const res = await add(s, cart.id, { variantId: v, ref: 'late' });
    expect(res.body.lines[0].ref).toBe('late');
  });

  it('prices an EUR cart in EUR', async () => {
    const s = await setup();
    const cart = await newCart(s, { currency: 'EUR' });
    const res = await add(s, cart.id, { variantId: s.product.variantIds[1], quantity: 2 });
    expect(res.body.lines[0].unitPrice).toEqual({ amount: '18.50', currency: 'EUR' });
    expect(res.body.subtotal).toEqual({ amount: '37.00', currency: 'EUR' });
    expect(res.body.lines[0].compareAtPrice).toBeNull();
  });

  it('refuses a variant without a price in the cart currency', async () => {
    const s = await setup();
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 5, prices: { USD: 100 } }],
    });
    const cart = await newCart(s, { currency: 'EUR' });
    const res = await add(s, cart.id, { variantId: p.variantIds[0] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('price_unavailable');
  });

  it('validates line input', async () => {
    const s = await setup();
    const cart = await newCart(s);
    const v = s.product.variantIds[0];
    for (const body of [
      { variantId: v, quantity: 0 },
      { variantId: v, quantity: -1 },
      { variantId: v, quantity: 1000 },
      { variantId: v, quantity: 1.5 },
      { variantId: v, quantity: '2' },
      { variantId: v, ref: 'has space' },
      { variantId: v, ref: 'x'.repeat(65) },
      { variantId: v, ref: '' },
      { quantity: 1 },
      { variantId: 42 },
    ]) {
      const res = await add(s, cart.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const junk = await add(s, cart.id, '{"variantId": ');
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('invalid_json');
    const got = await t.current.request(`/v1/carts/${cart.id}`, { key: s.pk });
    expect(got.body.lines).toEqual([]);
  });

  it('limits quantities by stock', async () => {
    const s = await setup(3);
    const cart = await newCart(s);
    const v = s.product.variantIds[0]!;
    const tooMany = await add(s, cart.id, { variantId: v, quantity: 4 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({
      code: 'out_of_stock',
      details: { variantId: v, available: 3 },
    });
    await add(s, cart.id, { variantId: v, quantity: 2 });
    const over = await add(s, cart.id, { variantId: v, quantity: 2 });
    expect(over.body.error.code).toBe('out_of_stock');
    const got = await t.current.request(`/v1/carts/${cart.id}`, { key: s.pk });
    expect(got.body.lines[0].quantity).toBe(2);
  });

  it('hides unknown, other stores and draft variants as variant_not_found', async () => {
    const s = await setup();
    const other = await createTestStore(t.current.db);
    const foreign = await createTestProduct(t.current.db, other.store);
    const draft = await createTestProduct(t.current.db, s.store, { status: 'draft' });
    const cart = await newCart(s);
    for (const variantId of [randomUUID(), foreign.variantIds[0], draft.variantIds[0], 'nope']) {
      const res = await add(s, cart.id, { variantId });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('variant_not_found');
    }
  });

  it('updates and removes lines', async () => {
    const s = await setup();
    const cart = await newCart(s);
    const added = await add(s, cart.id, { variantId: s.product.variantIds[0], quantity: 2 });
    const lineId = added.body.lines[0].id;
    const path = `/v1/carts/${cart.id}/lines/${lineId}`;
    const patched = await t.current.request(path, {
      key: s.pk,
      method: 'PATCH',
      body: { quantity: 5 },
    });
    expect(patched.body.lines[0].quantity).toBe(5);
    expect(patched.body.total.amount).toBe('125.00');
    const tooMany = await t.current.request(path, {
      key: s.pk,
      method: 'PATCH',
      body: { quantity: 11 },
    });
    expect(tooMany.body.error.code).toBe('out_of_stock');
    for (const quantity of [-1, 1000, 'x', null]) {
      const bad = await t.current.request(path, { key: s.pk, method: 'PATCH', body: { quantity } });
      expect(bad.status).toBe(400);
    }
    const zero = await t.current.request(path, {
      key: s.pk,
      method: 'PATCH',
      body: { quantity: 0 },
    });
    expect(zero.body.lines).toEqual([]);
    const again = await add(s, cart.id, { variantId: s.product.variantIds[0] });
    const del = await t.current.request(`/v1/carts/${cart.id}/lines/${again.body.lines[0].id}`, {
      key: s.pk,
      method: 'DELETE',
    });
    expect(del.status).toBe(200);
    expect(del.body.itemCount).toBe(0);
    const gone = await t.current.request(`/v1/carts/${cart.id}/lines/${again.body.lines[0].id}`, {
      key: s.pk,
      method: 'DELETE',
    });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('line_not_found');
    const junkId = await t.current.request(`/v1/carts/${cart.id}/lines/not-a-uuid`, {
      key: s.pk,
      method: 'DELETE',
    });
    expect(junkId.body.error.code).toBe('line_not_found');
  });

  it('cannot touch a line of another cart through this one', async () => {
    const s = await setup();
    const a = await newCart(s);
    const b = await newCart(s);
    const added = await add(s, a.id, { variantId: s.product.variantIds[0] });
    const res = await t.current.request(`/v1/carts/${b.id}/lines/${added.body.lines[0].id}`, {
      key: s.pk,
      method: 'DELETE',
    });
    expect(res.status).toBe(404);
    const still = await t.current.request(`/v1/carts/${a.id}`, { key: s.pk });
    expect(still.body.lines).toHaveLength(1);
  });

  it("hides other stores' carts, malformed ids and unknown ids", async () => {
    const s = await setup();
    const other = await createTestStore(t.current.db);
    const cart = await newCart(s);
    for (const [key, id] of [
      [other.pk, cart.id],
      [s.pk, 'abc'],
      [s.pk, randomUUID()],
    ] as const) {
      const res = await t.current.request(`/v1/carts/${id}`, { key });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('cart_not_found');
    }
    const write = await add(other, cart.id, { variantId: s.product.variantIds[0] });
    expect(write.body.error.code).toBe('cart_not_found');
  });
});

describe('customer carts', () => {
  it('belong to the customer: one active cart, invisible to others', async () => {
    const s = await setup();
    const alice = await createTestCustomer(t.current, s.store);
    const bob = await createTestCustomer(t.current, s.store);
    const first = await t.current.request('/v1/carts', { key: s.pk, token: alice.token, body: {} });
    expect(first.status).toBe(201);
    expect(first.body.customerId).toBe(alice.id);
    const second = await t.current.request('/v1/carts', {
      key: s.pk,
      token: alice.token,
      body: {},
    });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const asBob = await t.current.request(`/v1/carts/${first.body.id}`, {
      key: s.pk,
      token: bob.token,
    });
    expect(asBob.status).toBe(404);
    const asGuest = await t.current.request(`/v1/carts/${first.body.id}`, { key: s.pk });
    expect(asGuest.status).toBe(404);
    const bobAdd = await add(s, first.body.id, { variantId: s.product.variantIds[0] }, bob.token);
    expect(bobAdd.status).toBe(404);
    const mine = await t.current.request(`/v1/carts/${first.body.id}`, {
      key: s.pk,
      token: alice.token,
    });
    expect(mine.status).toBe(200);
  });

  it('refuses a bad token rather than treating it as a guest', async () => {
    const s = await setup();
    const res = await t.current.request('/v1/carts', { key: s.pk, token: 'junk', body: {} });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_token');
  });

  it('makes one cart for parallel creations by one customer', async () => {
    const s = await setup();
    const alice = await createTestCustomer(t.current, s.store);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.current.request('/v1/carts', { key: s.pk, token: alice.token, body: {} }),
      ),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const rows = await t.current.db.select().from(carts).where(eq(carts.customerId, alice.id));
    expect(rows).toHaveLength(1);
  });
});

describe('merging a guest cart after sign-in', () => {
  it('folds the guest lines into the customer cart, capped by stock', async () => {
    const s = await setup(5);
    const alice = await createTestCustomer(t.current, s.store);
    const [small, medium] = s.product.variantIds as [string, string];
    const mine = await newCart(s, { token: alice.token });
    await add(s, mine.id, { variantId: small, quantity: 3 }, alice.token);
    const guest = await newCart(s);
    await add(s, guest.id, { variantId: small, quantity: 4, ref: 'creator' });
    await add(s, guest.id, { variantId: medium, quantity: 2, ref: 'creator' });
    const res = await t.current.request('/v1/carts/merge', {
      key: s.pk,
      token: alice.token,
      body: { cartId: guest.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(mine.id);
    const bySmall = res.body.lines.find((l: any) => l.variantId === small);
    const byMedium = res.body.lines.find((l: any) => l.variantId === medium);
    expect(bySmall.quantity).toBe(5); // 3 + 4 capped by the stock of 5
    expect(bySmall.ref).toBe('creator');
    expect(byMedium).toMatchObject({ quantity: 2, ref: 'creator' });
    const [row] = await t.current.db.select().from(carts).where(eq(carts.id, guest.id));
    expect(row!.status).toBe('merged');
    const gone = await t.current.request(`/v1/carts/${guest.id}`, { key: s.pk });
    expect(gone.status).toBe(404);
    // A repeat (the SDK retrying) changes nothing.
    const again = await t.current.request('/v1/carts/merge', {
      key: s.pk,
      token: alice.token,
      body: { cartId: guest.id },
    });
    expect(again.body.lines.find((l: any) => l.variantId === medium).quantity).toBe(2);
  });

  it('adopts the guest cart when the customer has none, or creates one without a cart id', async () => {
    const s = await setup();
    const alice = await createTestCustomer(t.current, s.store);
    const guest = await newCart(s, { currency: 'EUR' });
    await add(s, guest.id, { variantId: s.product.variantIds[0] });
    const res = await t.current.request('/v1/carts/merge', {
      key: s.pk,
      token: alice.token,
      body: { cartId: guest.id },
    });
    expect(res.body).toMatchObject({ id: guest.id, customerId: alice.id, currency: 'EUR' });
    const bob = await createTestCustomer(t.current, s.store);
    const fresh = await t.current.request('/v1/carts/merge', {
      key: s.pk,
      token: bob.token,
      method: 'POST',
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ customerId: bob.id, lines: [] });
  });

  it("refuses another customer's cart, a guest and unknown carts", async () => {
    const s = await setup();
    const alice = await createTestCustomer(t.current, s.store);
    const bob = await createTestCustomer(t.current, s.store);
    const bobs = await newCart(s, { token: bob.token });
    const res = await t.current.request('/v1/carts/merge', {
      key: s.pk,
      token: alice.token,
      body: { cartId: bobs.id },
    });
    expect(res.status).toBe(404);
    const unknown = await t.current.request('/v1/carts/merge', {
      key: s.pk,
      token: alice.token,
      body: { cartId: 'x' },
    });
    expect(unknown.status).toBe(404);
    const guest = await t.current.request('/v1/carts/merge', { key: s.pk, body: {} });
    expect(guest.status).toBe(401);
  });
});

describe('redeeming points on a cart', () => {
  async function grant(s: TestStore, email: string, points: number) {
    const res = await t.current.request('/admin/v1/points/adjustments', {
      token: s.sk,
      body: { email, points, reason: 'Welcome' },
    });
    expect(res.status).toBe(201);
  }

  it('applies a discount in the cart currency, within balance and percent limits', async () => {
    const s = await createTestStore(t.current.db, {
      pointsRules: { rates: { USD: 1, EUR: 0.9 }, pointValueMinor: 1, maxRedeemPercent: 50 },
    });
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, prices: { USD: 2000, EUR: 1800 } }],
    });
    const alice = await createTestCustomer(t.current, s.store);
    await grant(s, alice.email, 1500);
    const cart = await newCart(s, { token: alice.token });
    await add(s, cart.id, { variantId: p.variantIds[0] }, alice.token);
    const put = (points: unknown, token?: string) =>
      t.current.request(`/v1/carts/${cart.id}/points`, {
        key: s.pk,
        method: 'PUT',
        body: { points },
        ...(token ? { token } : {}),
      });
    const ok = await put(1000, alice.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      pointsRedeemed: 1000,
      discount: { amount: '10.00', currency: 'USD' },
      total: { amount: '10.00', currency: 'USD' },
    });
    const overLimit = await put(1001, alice.token);
    expect(overLimit.status).toBe(422);
    expect(overLimit.body.error.code).toBe('points_limit_exceeded');
    expect(overLimit.body.error.details.maxPoints).toBe(1000);
    // Shrinking the cart lowers the redemption to what still fits.
    const lineId = ok.body.lines[0].id;
    await add(s, cart.id, { variantId: p.variantIds[0] }, alice.token);
    const shrunk = await t.current.request(`/v1/carts/${cart.id}/lines/${lineId}`, {
      key: s.pk,
      token: alice.token,
      method: 'PATCH',
      body: { quantity: 1 },
    });
    expect(shrunk.body.pointsRedeemed).toBe(1000);
    const big = await t.current.request(`/v1/carts/${cart.id}/lines/${lineId}`, {
      key: s.pk,
      token: alice.token,
      method: 'PATCH',
      body: { quantity: 3 },
    });
    const more = await put(1500, alice.token);
    expect(more.body.total.amount).toBe('45.00');
    const tooMuch = await put(1501, alice.token);
    expect(tooMuch.body.error.code).toBe('insufficient_points');
    expect(big.status).toBe(200);
    const back = await t.current.request(`/v1/carts/${cart.id}/lines/${lineId}`, {
      key: s.pk,
      token: alice.token,
      method: 'PATCH',
      body: { quantity: 1 },
    });
    expect(back.body.pointsRedeemed).toBe(1000);
    expect(back.body.discount.amount).toBe('10.00');
    const removed = await put(0, alice.token);
    expect(removed.body).toMatchObject({ pointsRedeemed: 0, discount: { amount: '0.00' } });
    for (const bad of [-1, 1.5, '10', null]) {
      expect((await put(bad, alice.token)).status).toBe(400);
    }
    expect((await put(10)).status).toBe(401); // guests must sign in first
  });

  it('converts points into EUR and rounds down', async () => {
    const s = await createTestStore(t.current.db, {
      pointsRules: { rates: { USD: 1, EUR: 0.9 }, pointValueMinor: 1, maxRedeemPercent: 100 },
    });
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, prices: { USD: 2000, EUR: 1800 } }],
    });
    const alice = await createTestCustomer(t.current, s.store);
    await grant(s, alice.email, 1001);
    const cart = await newCart(s, { token: alice.token, currency: 'EUR' });
    await add(s, cart.id, { variantId: p.variantIds[0] }, alice.token);
    const res = await t.current.request(`/v1/carts/${cart.id}/points`, {
      key: s.pk,
      token: alice.token,
      method: 'PUT',
      body: { points: 1001 },
    });
    // 1001 points × 1 cent = $10.01 → €9.009 → €9.00
    expect(res.body.discount).toEqual({ amount: '9.00', currency: 'EUR' });
    expect(res.body.total).toEqual({ amount: '9.00', currency: 'EUR' });
  });

  it('needs a signed-in owner: 401 for guests, 403 on a guest cart', async () => {
    const s = await setup();
    const alice = await createTestCustomer(t.current, s.store);
    const guestCart = await newCart(s);
    const anon = await t.current.request(`/v1/carts/${guestCart.id}/points`, {
      key: s.pk,
      method: 'PUT',
      body: { points: 1 },
    });
    expect(anon.status).toBe(401);
    const notMine = await t.current.request(`/v1/carts/${guestCart.id}/points`, {
      key: s.pk,
      token: alice.token,
      method: 'PUT',
      body: { points: 1 },
    });
    expect(notMine.status).toBe(403);
  });
});

describe('lines that can no longer be bought', () => {
  it('drops a line whose price was removed from the view', async () => {
    const s = await setup();
    const cart = await newCart(s);
    const [small, medium] = s.product.variantIds as [string, string];
    await add(s, cart.id, { variantId: small });
    await add(s, cart.id, { variantId: medium });
    await t.current.db.delete(variantPrices).where(eq(variantPrices.variantId, medium));
    await t.current.db.update(variants).set({ stock: 7 }).where(eq(variants.id, small));
    const res = await t.current.request(`/v1/carts/${cart.id}`, { key: s.pk });
    expect(res.body.lines).toHaveLength(1);
    expect(res.body.lines[0].available).toBe(7);
    expect(res.body.total.amount).toBe('25.00');
  });
});
