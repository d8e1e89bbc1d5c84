// Membership (issue 17): tiers' perks configured per store, member prices the server applies
// to product reads, carts and checkout, early access, the points multiplier and paid plans.
import { describe, expect, it } from 'vitest';
import { signAccessToken } from '../src/services/access-tokens.js';
import { percentOffMinor } from '../src/services/member-prices.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestCustomer,
  type TestStore,
  useTestApp,
} from './harness.js';
import { cartWith, customerWith, membershipStore } from './membership-fixtures.js';

const t = useTestApp();
const DAY = 86_400_000;

const product = (s: { pk: string }, ref: string, token?: string, currency = 'USD') =>
  t.current.request(`/v1/products/${ref}?currency=${currency}`, { key: s.pk, token });

describe('membership settings (admin)', () => {
  it('are read and replaced whole, tiers named as in the points rules, per store', async () => {
    const s = await membershipStore(t.current);
    const got = await t.current.request('/admin/v1/membership', { token: s.sk });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(s.membership);

    const unknownTier = await t.current.request('/admin/v1/membership', {
      token: s.sk,
      method: 'PUT',
      body: { ...s.membership, plans: [{ productId: s.plan.id, tier: 'Platinum' }] },
    });
    expect(unknownTier.status).toBe(400);
    expect(unknownTier.body.error.code).toBe('validation_failed');
    const badPercent = await t.current.request('/admin/v1/membership', {
      token: s.sk,
      method: 'PUT',
      body: { ...s.membership, tiers: [{ name: 'Gold', perks: { percentOff: 12.345 } }] },
    });
    expect(badPercent.status).toBe(400);
    // Nothing of a refused write is kept.
    expect((await t.current.request('/admin/v1/membership', { token: s.sk })).body).toEqual(
      s.membership,
    );

    const other = await createTestStore(t.current.db);
    const empty = await t.current.request('/admin/v1/membership', { token: other.sk });
    expect(empty.body).toEqual({ tiers: [], plans: [], earlyAccess: [] });
    expect((await t.current.request('/admin/v1/membership', { key: s.pk })).status).toBe(401);
  });
});

describe('member prices', () => {
  it('rounds a percentage off half up per unit, exactly, whatever the digits', () => {
    expect(percentOffMinor(1005, 10)).toBe(904); // USD 10.05: 1.005 off → 1.01 → 9.04
    expect(percentOffMinor(1005, 10)).toBe(904); // JPY 1005: 100.5 → 101 off
    expect(percentOffMinor(1004, 10)).toBe(904); // 100.4 → 100 off
    expect(percentOffMinor(12_345, 12.5)).toBe(10_802); // KWD 12.345: 1.543125 → 1.543 off
    expect(percentOffMinor(Number.MAX_SAFE_INTEGER, 50)).toBe(4_503_599_627_370_495);
    expect(percentOffMinor(1, 50)).toBe(0);
  });

  it('show to the tier that has them, the lowest one "from" to others, never to a guest', async () => {
    const s = await membershipStore(t.current);
    const gold = await customerWith(t.current, s, 2000);
    const silver = await customerWith(t.current, s, 500);

    const guestTee = await product(s, 'tee');
    expect(guestTee.body.variants[0].memberPrice).toBeUndefined();
    expect(guestTee.body.variants[0].memberPriceFrom).toEqual({
      price: { amount: '20.00', currency: 'USD' },
      tier: 'Gold',
    });
    const goldTee = await product(s, 'tee', gold.token);
    expect(goldTee.body.variants[0].memberPrice).toEqual({ amount: '20.00', currency: 'USD' });
    expect(goldTee.body.variants[0].memberTier).toBe('Gold');
    expect(guestTee.body.variants[0].memberTier).toBeUndefined();
    expect(goldTee.body.variants[0].price).toEqual({ amount: '25.00', currency: 'USD' });
    expect((await product(s, 'tee', silver.token)).body.variants[0].memberPrice).toBeUndefined();
    // The fixed price is USD only; in EUR the tee has none. The mug is 10% off in any currency.
    expect(
      (await product(s, 'tee', gold.token, 'EUR')).body.variants[0].memberPrice,
    ).toBeUndefined();
    const goldMug = await product(s, 'mug', gold.token, 'EUR');
    expect(goldMug.body.variants[0].memberPrice).toEqual({ amount: '8.10', currency: 'EUR' });

    // Lists and batches too.
    const list = await t.current.request('/v1/products', { key: s.pk, token: gold.token });
    const mug = list.body.items.find((p: { handle: string }) => p.handle === 'mug');
    expect(mug.variants[0].memberPrice).toEqual({ amount: '9.04', currency: 'USD' });
    const batch = await t.current.request('/v1/products/batch?ids=tee,mug', { key: s.pk });
    expect(batch.body.items.map((p: any) => p.variants[0].memberPrice)).toEqual([
      undefined,
      undefined,
    ]);
    expect(batch.body.items[1].variants[0].memberPriceFrom.price.amount).toBe('9.04');

    // Another store's shopper of the same tier sees none of it.
    const other = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, other.store, {
      handle: 'tee',
      variants: [{ stock: 5, prices: { USD: 2500 } }],
    });
    const outsider = await createTestCustomer(t.current, other.store);
    const res = await product(other, 'tee', outsider.token);
    expect(res.body.variants[0].memberPrice).toBeUndefined();
    expect(res.body.variants[0].memberPriceFrom).toBeUndefined();
  });

  it('are exact in zero- and three-decimal currencies', async () => {
    const s = await createTestStore(t.current.db, {
      currencies: ['JPY', 'KWD'],
      pointsRules: { baseCurrency: 'JPY', rates: { JPY: 1, KWD: 0.002 } },
    });
    const p = await createTestProduct(t.current.db, s.store, {
      handle: 'cup',
      variants: [{ stock: 5, prices: { JPY: 1005, KWD: 12_345 } }],
    });
    const put = await t.current.request('/admin/v1/membership', {
      token: s.sk,
      method: 'PUT',
      body: {
        tiers: [{ name: 'Member', perks: { percentOff: 12.5 } }],
        plans: [],
        earlyAccess: [],
      },
    });
    expect(put.status).toBe(200);
    const member = await createTestCustomer(t.current, s.store);
    const jpy = await product(s, 'cup', member.token, 'JPY');
    expect(jpy.body.variants[0].memberPrice).toEqual({ amount: '879', currency: 'JPY' });
    const kwd = await product(s, 'cup', member.token, 'KWD');
    expect(kwd.body.variants[0].memberPrice).toEqual({ amount: '10.802', currency: 'KWD' });
    const cart = await t.current.request('/v1/carts', {
      key: s.pk,
      token: member.token,
      body: { currency: 'KWD' },
    });
    const line = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token: member.token,
      body: { variantId: p.variantIds[0], quantity: 3 },
    });
    expect(line.body.lines[0].unitPrice).toEqual({ amount: '10.802', currency: 'KWD' });
    expect(line.body.lines[0].member.saving).toEqual({ amount: '4.629', currency: 'KWD' });
    expect(line.body.subtotal).toEqual({ amount: '32.406', currency: 'KWD' });
  });

  it('reprice a cart when the tier changes, and checkout charges the price at that moment', async () => {
    const s = await membershipStore(t.current);
    const shopper = await customerWith(t.current, s, 0);
    const cart = await cartWith(t.current, s, shopper, s.tee.variantIds[0]!, 2);
    expect(cart.line.status).toBe(200);
    expect(cart.line.body.lines[0].unitPrice.amount).toBe('25.00');
    expect(cart.line.body.lines[0].member).toBeUndefined();

    // Promoted to Gold while the cart waits: the next read shows the member price.
    await t.current.request('/admin/v1/points/adjustments', {
      token: s.sk,
      body: { email: shopper.email, points: 2000, reason: 'Promotion' },
    });
    const read = await t.current.request(`/v1/carts/${cart.id}`, {
      key: s.pk,
      token: shopper.token,
    });
    expect(read.body.lines[0]).toMatchObject({
      unitPrice: { amount: '20.00', currency: 'USD' },
      lineTotal: { amount: '40.00', currency: 'USD' },
      member: {
        tier: 'Gold',
        regularPrice: { amount: '25.00', currency: 'USD' },
        saving: { amount: '10.00', currency: 'USD' },
      },
    });
    expect(read.body.subtotal.amount).toBe('40.00');

    const checkout = await t.current.request(`/v1/carts/${cart.id}/checkout`, {
      key: s.pk,
      token: shopper.token,
      body: {},
    });
    expect(checkout.status).toBe(201);
    expect(checkout.body.order.subtotal.amount).toBe('40.00');

    // A guest's cart of the same tee pays the regular price.
    const guest = await cartWith(t.current, s, null, s.tee.variantIds[0]!, 2);
    expect(guest.line.body.subtotal.amount).toBe('50.00');
  });

  it('a tier lost before checkout: the order is at the regular price', async () => {
    const s = await membershipStore(t.current);
    const shopper = await customerWith(t.current, s, 2000);
    const cart = await cartWith(t.current, s, shopper, s.tee.variantIds[0]!);
    expect(cart.line.body.subtotal.amount).toBe('20.00');
    // The store drops the tee's member price: checkout charges what holds at its moment.
    await t.current.request('/admin/v1/membership', {
      token: s.sk,
      method: 'PUT',
      body: { ...s.membership, tiers: [] },
    });
    const checkout = await t.current.request(`/v1/carts/${cart.id}/checkout`, {
      key: s.pk,
      token: shopper.token,
      body: {},
    });
    expect(checkout.status).toBe(201);
    expect(checkout.body.order.subtotal.amount).toBe('25.00');
  });
});

describe('points multiplier', () => {
  it('multiplies what a paid order earns in the ledger', async () => {
    const s = await membershipStore(t.current);
    const gold = await customerWith(t.current, s, 2000);
    const cart = await cartWith(t.current, s, gold, s.mug.variantIds[0]!, 10); // 10 × $9.04
    // The cart says what the ledger will credit: the multiplier included.
    expect(cart.line.body.pointsToEarn).toBe(180);
    const checkout = await t.current.request(`/v1/carts/${cart.id}/checkout`, {
      key: s.pk,
      token: gold.token,
      body: {},
    });
    expect(checkout.body.order.subtotal.amount).toBe('90.40');
    expect(checkout.body.order.pointsToEarn).toBe(180);
    await t.current.request(`/admin/v1/orders/${checkout.body.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    const history = await t.current.request('/v1/points/history', {
      key: s.pk,
      token: gold.token,
    });
    const earn = history.body.items.find((e: { kind: string }) => e.kind === 'earn');
    expect(earn.points).toBe(180); // floor(90.40 × 1) = 90, × 2
  });
});

describe('early access', () => {
  it('is refused to other tiers and guests before the date, open to all after', async () => {
    const s = await membershipStore(t.current);
    const gold = await customerWith(t.current, s, 2000);
    const silver = await customerWith(t.current, s, 500);
    const variantId = s.early.variantIds[0]!;

    const shown = await product(s, 'early');
    expect(shown.status).toBe(200);
    expect(shown.body.earlyAccess).toEqual({ until: s.until, tiers: ['Gold'], canBuy: false });
    const forGold = await product(s, 'early', gold.token);
    expect(forGold.body.earlyAccess).toEqual({ until: s.until, tiers: ['Gold'], canBuy: true });
    expect((await product(s, 'early', silver.token)).body.earlyAccess.canBuy).toBe(false);

    const guest = await cartWith(t.current, s, null, variantId);
    expect(guest.line.status).toBe(403);
    expect(guest.line.body.error.code).toBe('early_access');
    expect(guest.line.body.error.details).toMatchObject({ until: s.until, tiers: ['Gold'] });
    const refused = await cartWith(t.current, s, silver, variantId);
    expect(refused.line.body.error.code).toBe('early_access');
    expect((await cartWith(t.current, s, gold, variantId)).line.status).toBe(200);

    // The window narrowed to Silver while Gold's cart waited: checkout refuses it too.
    const goldCart = await cartWith(t.current, s, gold, variantId);
    await t.current.request('/admin/v1/membership', {
      token: s.sk,
      method: 'PUT',
      body: {
        ...s.membership,
        earlyAccess: [{ productId: s.early.id, until: s.until, tiers: ['Silver'] }],
      },
    });
    const checkout = await t.current.request(`/v1/carts/${goldCart.id}/checkout`, {
      key: s.pk,
      token: gold.token,
      body: {},
    });
    expect(checkout.status).toBe(403);
    expect(checkout.body.error.code).toBe('early_access');

    t.current.advanceClock(8 * DAY);
    const late = await createTestCustomer(t.current, s.store); // signed in after the clock moved
    expect((await cartWith(t.current, s, late, variantId)).line.status).toBe(200);
    expect((await product(s, 'early')).body.earlyAccess).toBeUndefined();
  });
});

describe('paid plans', () => {
  async function buyPlan(s: Awaited<ReturnType<typeof membershipStore>>, c: TestCustomer) {
    // Access tokens live 15 minutes: the shopper signs in again after the clock moved.
    const { token } = await signAccessToken(s.store, c.id, 'http://localhost', t.current.now());
    c.token = token;
    const cart = await t.current.request('/v1/carts', { key: s.pk, token, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token,
      body: { variantId: s.plan.variantIds[0], quantity: 1 },
    });
    const checkout = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      token,
      body: {},
    });
    expect(checkout.status).toBe(201);
    const paid = await t.current.request(`/admin/v1/orders/${checkout.body.orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(paid.status).toBe(200);
    return checkout.body.orderId as string;
  }

  const membership = async (s: TestStore, c: TestCustomer) => {
    c.token = (await signAccessToken(s.store, c.id, 'http://localhost', t.current.now())).token;
    return t.current.request('/v1/membership', { key: s.pk, token: c.token });
  };

  it('grant the tier for a year, renew from its end, lapse after, and a refund revokes', async () => {
    const s = await membershipStore(t.current);
    const shopper = await createTestCustomer(t.current, s.store);
    expect((await membership(s, shopper)).body).toMatchObject({
      tier: 'Member',
      source: 'points',
      plan: null,
    });
    const paidAt = t.current.now().getTime();
    const first = await buyPlan(s, shopper);
    const gold = await membership(s, shopper);
    expect(gold.body).toMatchObject({
      tier: 'Gold',
      source: 'plan',
      perks: { pointsMultiplier: 2 },
    });
    const until = new Date(gold.body.plan.activeUntil).getTime();
    expect(until - paidAt).toBeGreaterThanOrEqual(365 * DAY);
    expect(until - paidAt).toBeLessThan(366 * DAY);
    // A Gold member pays Gold prices at once.
    expect((await product(s, 'tee', shopper.token)).body.variants[0].memberPrice.amount).toBe(
      '20.00',
    );

    // Renewed a month later: a year more from the end of the current one.
    t.current.advanceClock(30 * DAY);
    const renewed = await buyPlan(s, shopper);
    const after = await membership(s, shopper);
    expect(new Date(after.body.plan.activeUntil).getTime()).toBe(until + 365 * DAY);

    // Refunding the renewal takes its year back.
    const refund = await t.current.request(`/admin/v1/orders/${renewed}/refund`, {
      token: s.sk,
      method: 'POST',
    });
    expect(refund.status).toBe(200);
    expect(new Date((await membership(s, shopper)).body.plan.activeUntil).getTime()).toBe(until);

    // Past the year: lapsed (the points earned since keep their own tier).
    t.current.advanceClock(340 * DAY);
    const lapsed = await membership(s, shopper);
    expect(lapsed.body.plan).toBeNull();
    expect(lapsed.body.source).toBe('points');

    // Refunding the first order, too: no plan left whatever the clock.
    await t.current.request(`/admin/v1/orders/${first}/refund`, { token: s.sk, method: 'POST' });
    expect((await membership(s, shopper)).body.plan).toBeNull();
  });

  it('a second payment notice grants nothing more; a plan no longer sold still runs', async () => {
    const s = await membershipStore(t.current);
    const shopper = await createTestCustomer(t.current, s.store);
    const orderId = await buyPlan(s, shopper);
    const once = (await membership(s, shopper)).body.plan.activeUntil;
    const again = await t.current.request(`/admin/v1/orders/${orderId}/mark-paid`, {
      token: s.sk,
      method: 'POST',
    });
    expect(again.status).toBe(200);
    expect((await membership(s, shopper)).body.plan.activeUntil).toBe(once);
    // The store stops selling the plan: a membership paid for still runs its year.
    await t.current.request('/admin/v1/membership', {
      token: s.sk,
      method: 'PUT',
      body: { ...s.membership, plans: [] },
    });
    expect((await membership(s, shopper)).body).toMatchObject({ tier: 'Gold', source: 'plan' });
  });

  it('racing payment notices grant once; the next plan order chains a second year', async () => {
    const s = await membershipStore(t.current);
    const shopper = await createTestCustomer(t.current, s.store);
    const checkoutPlan = async () => {
      const cart = await t.current.request('/v1/carts', {
        key: s.pk,
        token: shopper.token,
        body: {},
      });
      await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
        key: s.pk,
        token: shopper.token,
        body: { variantId: s.plan.variantIds[0], quantity: 1 },
      });
      const res = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
        key: s.pk,
        token: shopper.token,
        body: {},
      });
      expect(res.status).toBe(201);
      return res.body.orderId as string;
    };
    const first = await checkoutPlan();
    const pay = (id: string) =>
      t.current.request(`/admin/v1/orders/${id}/mark-paid`, { token: s.sk, method: 'POST' });
    const paidAt = t.current.now().getTime();
    const results = await Promise.all([pay(first), pay(first), pay(first)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const second = await checkoutPlan();
    await Promise.all([pay(second), pay(second)]);
    const until = new Date((await membership(s, shopper)).body.plan.activeUntil).getTime();
    expect(until - paidAt).toBeGreaterThanOrEqual(2 * 365 * DAY);
    expect(until - paidAt).toBeLessThan(2 * 365 * DAY + DAY);
  });
});
