import { expect } from 'vitest';
import type { Membership } from '../src/db/types.js';
import { findStoreByPublishableKey } from '../src/services/stores.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestCustomer,
  type TestStore,
} from './harness.js';

/**
 * A store with the default tiers (Member 0, Silver 500, Gold 2000 lifetime points): Gold pays
 * $20.00 for the tee (regular $25.00) and 10% off the mug; Silver has no member price but
 * earns double on nothing (multiplier 1). A plan product sells Gold for a year; `early` is a
 * product Gold may buy before `until`.
 */
export async function membershipStore(t: TestApp, overrides: Partial<Membership> = {}) {
  const s = await createTestStore(t.db, { currencies: ['USD', 'EUR'] });
  const tee = await createTestProduct(t.db, s.store, {
    handle: 'tee',
    variants: [{ stock: 50, prices: { USD: 2500, EUR: 2300 } }],
  });
  const mug = await createTestProduct(t.db, s.store, {
    handle: 'mug',
    variants: [{ stock: 50, prices: { USD: 1005, EUR: 900 } }],
  });
  const plan = await createTestProduct(t.db, s.store, {
    handle: 'gold-plan',
    variants: [{ stock: 1000, prices: { USD: 4900, EUR: 4500 } }],
  });
  const early = await createTestProduct(t.db, s.store, {
    handle: 'early',
    variants: [{ stock: 50, prices: { USD: 9900, EUR: 9000 } }],
  });
  const until = new Date(t.now().getTime() + 7 * 86_400_000).toISOString();
  const membership: Membership = {
    tiers: [
      {
        name: 'Silver',
        perks: { pointsMultiplier: 1.5, freeShippingOver: { USD: 10_000 } },
      },
      {
        name: 'Gold',
        perks: {
          memberPrices: [{ variantId: tee.variantIds[0]!, currency: 'USD', amountMinor: 2000 }],
          percentOff: 10,
          percentOffProducts: [mug.id],
          pointsMultiplier: 2,
          freeShippingOver: { USD: 0 },
          birthdayPoints: 300,
        },
      },
    ],
    plans: [{ productId: plan.id, tier: 'Gold' }],
    earlyAccess: [{ productId: early.id, until, tiers: ['Gold'] }],
    ...overrides,
  };
  const put = await t.request('/admin/v1/membership', {
    token: s.sk,
    method: 'PUT',
    body: membership,
  });
  expect(put.status).toBe(200);
  // The store as it is now, with its membership (for calls into services).
  const store = (await findStoreByPublishableKey(t.db, s.pk))!;
  return { ...s, store, tee, mug, plan, early, until, membership };
}

export type MembershipStore = Awaited<ReturnType<typeof membershipStore>>;

/** A customer with `lifetime` points granted by the admin (Gold from 2000). */
export async function customerWith(
  t: TestApp,
  s: TestStore,
  lifetime: number,
): Promise<TestCustomer> {
  const c = await createTestCustomer(t, s.store);
  if (lifetime > 0) {
    const res = await t.request('/admin/v1/points/adjustments', {
      token: s.sk,
      body: { email: c.email, points: lifetime, reason: 'Welcome' },
    });
    expect(res.status).toBe(201);
  }
  return c;
}

/** A cart of `variantId` × quantity for the customer (or a guest); returns its id. */
export async function cartWith(
  t: TestApp,
  s: TestStore,
  c: TestCustomer | null,
  variantId: string,
  quantity = 1,
) {
  const cart = await t.request('/v1/carts', { key: s.pk, token: c?.token, body: {} });
  expect([200, 201]).toContain(cart.status);
  const line = await t.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    token: c?.token,
    body: { variantId, quantity },
  });
  return { id: cart.body.id as string, line };
}
