import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { variantPrices, variants } from '../src/db/schema/index.js';
import { cartRoutes } from './carts-fixtures.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();
const { setup, newCart, add } = cartRoutes(t);

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
