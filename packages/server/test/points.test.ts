import { describe, expect, it } from 'vitest';
import type { PointsRules } from '../src/db/types.js';
import { signAccessToken } from '../src/services/access-tokens.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestCustomer,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();
const DAY = 86_400_000;

/** Moves the clock; the customer signs in again (access tokens live 15 minutes). */
async function advance(ms: number, s: TestStore, c: TestCustomer) {
  t.current.advanceClock(ms);
  c.token = (await signAccessToken(s.store, c.id, 'http://localhost', t.current.now())).token;
}

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
    variants: [{ stock: 100, prices: { USD: 10_000, EUR: 9_000 } }], // $100 / €90
  });
  return { ...s, variantId: product.variantIds[0]! };
}

function points(s: TestStore, c: TestCustomer) {
  return t.current.request('/v1/points', { key: s.pk, token: c.token });
}

function adjust(s: TestStore, email: string, pts: unknown, reason: unknown = 'Manual') {
  return t.current.request('/admin/v1/points/adjustments', {
    token: s.sk,
    body: { email, points: pts, reason },
  });
}

/** Places an order (optionally redeeming points) and returns its id. */
async function order(
  s: TestStore & { variantId: string },
  c: TestCustomer,
  options: { quantity?: number; redeem?: number; currency?: string } = {},
) {
  const cart = await t.current.request('/v1/carts', {
    key: s.pk,
    token: c.token,
    body: options.currency ? { currency: options.currency } : {},
  });
  await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    token: c.token,
    body: { variantId: s.variantId, quantity: options.quantity ?? 1 },
  });
  if (options.redeem) {
    const put = await t.current.request(`/v1/carts/${cart.body.id}/points`, {
      key: s.pk,
      token: c.token,
      method: 'PUT',
      body: { points: options.redeem },
    });
    expect(put.status).toBe(200);
  }
  const res = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    token: c.token,
    body: {},
  });
  expect(res.status).toBe(201);
  return res.body.orderId as string;
}

const admin = (s: TestStore, orderId: string, action: string) =>
  t.current.request(`/admin/v1/orders/${orderId}/${action}`, { token: s.sk, method: 'POST' });

describe('points balance and history', () => {
  it('starts empty and needs a signed-in customer', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    const res = await points(s, alice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      balance: 0,
      pending: 0,
      lifetime: 0,
      tier: { name: 'Member', nextTier: { name: 'Silver', pointsNeeded: 500 } },
      expiring: null,
    });
    expect((await t.current.request('/v1/points', { key: s.pk })).status).toBe(401);
    expect((await t.current.request('/v1/points/history', { key: s.pk })).status).toBe(401);
  });

  it('earns on payment: floor(total in base currency × earnPerUnit), once', async () => {
    const s = await storeWith({ earnPerUnit: 1.5 });
    const alice = await createTestCustomer(t.current, s.store);
    const usd = await order(s, alice, { quantity: 1 }); // $100 → 150
    expect((await points(s, alice)).body.balance).toBe(0); // pending payment
    const paid = await admin(s, usd, 'mark-paid');
    expect(paid.body.pointsEarned).toBe(150);
    await admin(s, usd, 'mark-paid');
    // Paying converted the cart: the next order is made from a new cart.
    const eur = await order(s, alice, { quantity: 1, currency: 'EUR' }); // €90 = $100 → 150
    await admin(s, eur, 'mark-paid');
    const res = await points(s, alice);
    expect(res.body).toMatchObject({ balance: 300, lifetime: 300, pending: 0 });
    const history = await t.current.request('/v1/points/history', {
      key: s.pk,
      token: alice.token,
    });
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      kind: 'earn',
      points: 150,
      reason: 'Order paid',
    });
    expect(history.body.items.map((e: any) => e.orderId).sort()).toEqual([usd, eur].sort());
  });

  it('keeps earned points pending for pendingDays', async () => {
    const s = await storeWith({ pendingDays: 14, expiryDays: 30 });
    const alice = await createTestCustomer(t.current, s.store);
    const id = await order(s, alice);
    await admin(s, id, 'mark-paid');
    let res = await points(s, alice);
    expect(res.body).toMatchObject({ balance: 0, pending: 100, lifetime: 0 });
    const [entry] = (
      await t.current.request('/v1/points/history', { key: s.pk, token: alice.token })
    ).body.items;
    expect(Date.parse(entry.availableAt) - Date.parse(entry.createdAt)).toBe(14 * DAY);
    expect(Date.parse(entry.expiresAt) - Date.parse(entry.availableAt)).toBe(30 * DAY);
    await advance(14 * DAY + 1000, s, alice);
    res = await points(s, alice);
    expect(res.body).toMatchObject({ balance: 100, pending: 0, lifetime: 100 });
    expect(res.body.expiring).toEqual({ points: 100, at: entry.expiresAt });
  });

  it('expires lots lazily and through the admin run, oldest expiry consumed first', async () => {
    const s = await storeWith({ expiryDays: 10 });
    const alice = await createTestCustomer(t.current, s.store);
    await adjust(s, alice.email, 100, 'First');
    await advance(5 * DAY, s, alice);
    await adjust(s, alice.email, 100, 'Second');
    // Spend 150: FIFO takes all of the first lot and 50 of the second.
    await order(s, alice, { redeem: 150 });
    expect((await points(s, alice)).body.balance).toBe(50);
    await advance(5 * DAY + 1000, s, alice); // first lot expired, but it was spent
    expect((await points(s, alice)).body.balance).toBe(50);
    await advance(5 * DAY, s, alice); // second lot expired: its 50 left go
    let res = await points(s, alice);
    expect(res.body.balance).toBe(0); // computed before any expiry entry exists
    expect(res.body.lifetime).toBe(200); // not reduced by spending or expiry
    const run = await t.current.request('/admin/v1/points/expire', { token: s.sk, body: {} });
    expect(run.body).toEqual({ expired: 1 });
    const again = await t.current.request('/admin/v1/points/expire', { token: s.sk, body: {} });
    expect(again.body).toEqual({ expired: 0 });
    res = await points(s, alice);
    expect(res.body.balance).toBe(0);
    const history = await t.current.request('/v1/points/history', {
      key: s.pk,
      token: alice.token,
    });
    expect(history.body.items.map((e: any) => [e.kind, e.points])).toEqual([
      ['expire', -50],
      ['redeem', -150],
      ['adjust', 100],
      ['adjust', 100],
    ]);
  });

  it('applies expiry before a redemption', async () => {
    const s = await storeWith({ expiryDays: 1 });
    const alice = await createTestCustomer(t.current, s.store);
    await adjust(s, alice.email, 100);
    await advance(2 * DAY, s, alice);
    await adjust(s, alice.email, 30);
    const cart = await t.current.request('/v1/carts', { key: s.pk, token: alice.token, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token: alice.token,
      body: { variantId: s.variantId },
    });
    const put = await t.current.request(`/v1/carts/${cart.body.id}/points`, {
      key: s.pk,
      token: alice.token,
      method: 'PUT',
      body: { points: 31 },
    });
    expect(put.status).toBe(422);
    expect(put.body.error.code).toBe('insufficient_points');
  });

  it('pages the history', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    for (let i = 1; i <= 5; i++) {
      await adjust(s, alice.email, i, `Grant ${i}`);
      t.current.advanceClock(1000);
    }
    const first = await t.current.request('/v1/points/history?first=2', {
      key: s.pk,
      token: alice.token,
    });
    expect(first.body.items.map((e: any) => e.points)).toEqual([5, 4]);
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await t.current.request(`/v1/points/history?first=2&after=${cursor}`, {
        key: s.pk,
        token: alice.token,
      });
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen.map((e) => e.points)).toEqual([5, 4, 3, 2, 1]);
    const bad = await t.current.request('/v1/points/history?first=500', {
      key: s.pk,
      token: alice.token,
    });
    expect(bad.status).toBe(400);
  });

  it('follows tiers by lifetime points', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    await adjust(s, alice.email, 600);
    let res = await points(s, alice);
    expect(res.body.tier).toEqual({
      name: 'Silver',
      nextTier: { name: 'Gold', pointsNeeded: 1400 },
    });
    await adjust(s, alice.email, -600);
    res = await points(s, alice);
    expect(res.body).toMatchObject({ balance: 0, lifetime: 600, tier: { name: 'Silver' } });
    await adjust(s, alice.email, 1400);
    res = await points(s, alice);
    expect(res.body.tier).toEqual({ name: 'Gold', nextTier: null });
  });
});

describe('admin adjustments', () => {
  it('grants, deducts within the balance, and validates input', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    const grant = await adjust(s, alice.email.toUpperCase(), 50, 'Welcome gift');
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ kind: 'adjust', points: 50, reason: 'Welcome gift' });
    const over = await adjust(s, alice.email, -51);
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('insufficient_points');
    const ok = await adjust(s, alice.email, -50);
    expect(ok.status).toBe(201);
    expect((await points(s, alice)).body.balance).toBe(0);
    for (const [pts, reason] of [
      [0, 'x'],
      [1.5, 'x'],
      ['5', 'x'],
      [5, ''],
      [5, 'x'.repeat(201)],
    ]) {
      const res = await adjust(s, alice.email, pts, reason);
      expect(res.status, JSON.stringify([pts, reason])).toBe(400);
    }
    const unknown = await adjust(s, 'nobody@example.com', 5);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('customer_not_found');
    const other = await createTestStore(t.current.db);
    const foreign = await t.current.request('/admin/v1/points/adjustments', {
      token: other.sk,
      body: { email: alice.email, points: 5, reason: 'x' },
    });
    expect(foreign.status).toBe(404);
  });
});

describe('reversal on cancel and refund', () => {
  it('gives redeemed points back when a pending order is cancelled', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    await adjust(s, alice.email, 500);
    const id = await order(s, alice, { redeem: 300 });
    expect((await points(s, alice)).body.balance).toBe(200);
    const cancel = await admin(s, id, 'cancel');
    expect(cancel.body.status).toBe('cancelled');
    expect((await points(s, alice)).body.balance).toBe(500);
    await admin(s, id, 'cancel');
    expect((await points(s, alice)).body.balance).toBe(500);
  });

  it('takes earned points back on refund and gives the redemption back', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    await adjust(s, alice.email, 1000);
    const id = await order(s, alice, { redeem: 1000 }); // $100 − $10 = $90 → 90 points
    await admin(s, id, 'mark-paid');
    let res = await points(s, alice);
    expect(res.body).toMatchObject({ balance: 90, lifetime: 1090 });
    const refund = await admin(s, id, 'refund');
    expect(refund.body).toMatchObject({ status: 'refunded', pointsEarned: 0 });
    res = await points(s, alice);
    expect(res.body).toMatchObject({ balance: 1000, lifetime: 1000 });
    const history = await t.current.request('/v1/points/history', {
      key: s.pk,
      token: alice.token,
    });
    const reversals = history.body.items.filter((e: any) => e.kind === 'reverse');
    expect(reversals.map((e: any) => e.points).sort((a: number, b: number) => a - b)).toEqual([
      -90, 1000,
    ]);
  });

  it('reversing an earn already spent may leave a negative balance, paid off later', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    const first = await order(s, alice); // earns 100
    await admin(s, first, 'mark-paid');
    await order(s, alice, { redeem: 100 }); // spends them
    expect((await points(s, alice)).body.balance).toBe(0);
    await admin(s, first, 'refund');
    expect((await points(s, alice)).body.balance).toBe(-100);
    // A negative balance cannot be spent from or deducted further.
    expect((await adjust(s, alice.email, -1)).body.error.code).toBe('insufficient_points');
    await adjust(s, alice.email, 150);
    expect((await points(s, alice)).body.balance).toBe(50);
  });

  it('cancelling a paid order still in its pending period undoes the pending points', async () => {
    const s = await storeWith({ pendingDays: 30 });
    const alice = await createTestCustomer(t.current, s.store);
    const id = await order(s, alice);
    await admin(s, id, 'mark-paid');
    expect((await points(s, alice)).body).toMatchObject({ balance: 0, pending: 100 });
    await admin(s, id, 'cancel');
    expect((await points(s, alice)).body).toMatchObject({ balance: 0, pending: 0 });
    await advance(31 * DAY, s, alice);
    expect((await points(s, alice)).body).toMatchObject({ balance: 0, pending: 0, lifetime: 0 });
  });
});

describe('redemption at checkout', () => {
  it('refuses a checkout when the balance no longer covers the points', async () => {
    const s = await storeWith();
    const alice = await createTestCustomer(t.current, s.store);
    await adjust(s, alice.email, 100);
    const cart = await t.current.request('/v1/carts', { key: s.pk, token: alice.token, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token: alice.token,
      body: { variantId: s.variantId },
    });
    await t.current.request(`/v1/carts/${cart.body.id}/points`, {
      key: s.pk,
      token: alice.token,
      method: 'PUT',
      body: { points: 100 },
    });
    await adjust(s, alice.email, -50);
    const res = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      token: alice.token,
      body: {},
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('insufficient_points');
    expect((await points(s, alice)).body.balance).toBe(50);
  });
});
