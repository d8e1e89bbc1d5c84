import { describe, expect, it } from 'vitest';
import type { PointsRules } from '../src/db/types.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestCustomer,
  useTestApp,
} from './harness.js';

const t = useTestApp();

async function storeWith(rules: Partial<PointsRules> = {}) {
  const s = await createTestStore(t.current.db, {
    pointsRules: {
      rates: { USD: 1, EUR: 0.9 },
      earnPerUnit: 1,
      pointValueMinor: 1,
      pendingDays: 0,
      expiryDays: 365,
      maxRedeemPercent: 100,
      ...rules,
    },
  });
  const product = await createTestProduct(t.current.db, s.store, {
    variants: [{ stock: 100, prices: { USD: 4_999, EUR: 4_650 } }], // $49.99 / €46.50
  });
  return { ...s, variantId: product.variantIds[0]! };
}

type Shop = Awaited<ReturnType<typeof storeWith>>;

/** A cart of `quantity` units for the customer (or a guest), in `currency`. */
async function cartOf(s: Shop, c: TestCustomer | null, quantity: number, currency = 'USD') {
  const auth = { key: s.pk, ...(c ? { token: c.token } : {}) };
  const cart = await t.current.request('/v1/carts', { ...auth, body: { currency } });
  const res = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    ...auth,
    body: { variantId: s.variantId, quantity },
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('a cart’s pointsToEarn', () => {
  it('is what the ledger credits when its order is paid, after points redeemed', async () => {
    const s = await storeWith({ earnPerUnit: 2 });
    const alice = await createTestCustomer(t.current, s.store);
    const auth = { key: s.pk, token: alice.token };
    await t.current.request('/admin/v1/points/adjustments', {
      token: s.sk,
      body: { email: alice.email, points: 1_000, reason: 'Welcome' },
    });
    const cart = await cartOf(s, alice, 3); // $149.97 × 2 per dollar: 299
    expect(cart.pointsToEarn).toBe(299);

    // Points pay $10.00 of it: the total, and so the points to earn, go down.
    const redeemed = await t.current.request(`/v1/carts/${cart.id}/points`, {
      ...auth,
      method: 'PUT',
      body: { points: 1_000 },
    });
    expect(redeemed.body.total.amount).toBe('139.97');
    expect(redeemed.body.pointsToEarn).toBe(279);

    const checkout = await t.current.request(`/v1/carts/${cart.id}/checkout`, {
      ...auth,
      body: {},
    });
    expect(checkout.body.order).toMatchObject({ status: 'pending', pointsToEarn: 279 });
    // The hosted checkout page says so too, in the shopper's language.
    const page = await t.current.request(`/checkout/${checkout.body.orderId}?locale=de`);
    expect(page.body).toContain(
      '<p data-points-to-earn="279">Mit dieser Bestellung sammeln Sie 279 Punkte.</p>',
    );
    const paid = await t.current.request(`/admin/v1/orders/${checkout.body.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', pointsEarned: 279, pointsToEarn: 0 });
    const balance = await t.current.request('/v1/points', auth);
    expect(balance.body.balance).toBe(279);
  });

  it('converts other currencies to the base currency as earning does', async () => {
    const s = await storeWith();
    const bob = await createTestCustomer(t.current, s.store);
    const cart = await cartOf(s, bob, 1, 'EUR'); // €46.50 / 0.9 = $51.67 → 51
    expect(cart.total).toEqual({ amount: '46.50', currency: 'EUR' });
    expect(cart.pointsToEarn).toBe(51);
  });

  it('is 0 for a guest, and for a store that gives no points', async () => {
    const s = await storeWith();
    const guest = await cartOf(s, null, 2);
    expect(guest.total.amount).toBe('99.98');
    expect(guest.pointsToEarn).toBe(0);
    const checkout = await t.current.request(`/v1/carts/${guest.id}/checkout`, {
      key: s.pk,
      body: { email: 'guest@example.com' },
    });
    expect(checkout.body.order.pointsToEarn).toBe(0);
    const page = await t.current.request(`/checkout/${checkout.body.orderId}`);
    expect(page.body).not.toContain('data-points-to-earn');

    const none = await storeWith({ earnPerUnit: 0 });
    const carol = await createTestCustomer(t.current, none.store);
    expect((await cartOf(none, carol, 2)).pointsToEarn).toBe(0);
  });
});
