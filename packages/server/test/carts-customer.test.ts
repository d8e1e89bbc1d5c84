import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { carts } from '../src/db/schema/index.js';
import { cartRoutes } from './carts-fixtures.js';
import { createTestCustomer, useTestApp } from './harness.js';

const t = useTestApp();
const { setup, newCart, add } = cartRoutes(t);

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
    await add(s, guest.id, {
      variantId: medium,
      quantity: 2,
      ref: 'creator',
      campaign: 'back-in-stock',
    });
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
    expect(byMedium).toMatchObject({ quantity: 2, ref: 'creator', campaign: 'back-in-stock' });
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
