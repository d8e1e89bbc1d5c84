import { describe, expect, it } from 'vitest';
import { cartRoutes } from './carts-fixtures.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();
const { setup, newCart, add } = cartRoutes(t);

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
