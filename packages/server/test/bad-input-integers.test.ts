import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pointsEntries, variants } from '../src/db/schema/index.js';
import { MAX_POINTS, MAX_STOCK } from '../src/limits.js';
import { badInputFixtures, expectValidationFailed } from './bad-input-fixtures.js';
import { createTestProduct, createTestStore, type TestApp, useTestApp } from './harness.js';

const t = useTestApp();
const { shopperWithCart } = badInputFixtures(t);

describe('integers past their column', () => {
  it('stock adjustments stay within 0..MAX_STOCK: refused (409), never overflowed', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const path = `/admin/v1/products/${p.id}/variants/${p.variantIds[0]}`;
    const patch = (body: unknown) =>
      t.current.request(path, { method: 'PATCH', token: s.sk, body });
    expect((await patch({ stock: MAX_STOCK })).status).toBe(200);
    for (const stockAdjustment of [1, MAX_STOCK]) {
      const res = await patch({ stockAdjustment });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'conflict',
        details: [{ path: 'stockAdjustment' }],
      });
    }
    for (const body of [
      { stockAdjustment: MAX_STOCK + 1 },
      { stockAdjustment: 2 ** 31 },
      { stock: 2 ** 31 },
    ]) {
      expectValidationFailed(await patch(body), JSON.stringify(body));
    }
    const [variant] = await t.current.db
      .select({ stock: variants.stock })
      .from(variants)
      .where(eq(variants.id, p.variantIds[0]!));
    expect(variant!.stock).toBe(MAX_STOCK);
    expect((await patch({ stockAdjustment: -MAX_STOCK })).body.variants[0].stock).toBe(0);
  });

  it('points, quantities and rule days past their range are validation errors', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const { shopper, as, cartId } = await shopperWithCart(s);
    const cases: [string, Parameters<TestApp['request']>[1]][] = [
      [
        '/admin/v1/points/adjustments',
        { token: s.sk, body: { email: shopper.email, points: 2 ** 31, reason: 'x' } },
      ],
      [
        '/admin/v1/points/adjustments',
        { token: s.sk, body: { email: shopper.email, points: MAX_POINTS + 1, reason: 'x' } },
      ],
      [`/v1/carts/${cartId}/points`, { ...as, method: 'PUT', body: { points: 2 ** 31 } }],
      [
        `/v1/carts/${cartId}/lines`,
        { ...as, body: { variantId: p.variantIds[0], quantity: 2 ** 31 } },
      ],
      [
        '/admin/v1/store',
        { token: s.sk, method: 'PATCH', body: { pointsRules: { expiryDays: 2 ** 53 - 1 } } },
      ],
      [
        '/admin/v1/store',
        { token: s.sk, method: 'PATCH', body: { pointsRules: { pendingDays: 1e7 } } },
      ],
    ];
    for (const [path, options] of cases) {
      expectValidationFailed(await t.current.request(path, options), path);
    }
  });

  it('a huge order earns MAX_POINTS when paid, not an integer overflow', async () => {
    const s = await createTestStore(t.current.db, {
      pointsRules: { rates: { USD: 1, EUR: 0.9 }, earnPerUnit: 1_000 },
    });
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, prices: { USD: 100_000_000_00 } }],
    });
    const { as, cartId } = await shopperWithCart(s);
    await t.current.request(`/v1/carts/${cartId}/lines`, {
      ...as,
      body: { variantId: p.variantIds[0], quantity: 10 },
    });
    const checkout = await t.current.request(`/v1/carts/${cartId}/checkout`, { ...as, body: {} });
    expect(checkout.status).toBe(201);
    // $1,000,000,000 at 1,000 points a dollar: 10^12 points, past an integer column.
    const paid = await t.current.request(`/admin/v1/orders/${checkout.body.orderId}/mark-paid`, {
      method: 'POST',
      token: s.sk,
    });
    expect(paid.status).toBe(200);
    expect(paid.body.pointsEarned).toBe(MAX_POINTS);
    const [entry] = await t.current.db
      .select({ points: pointsEntries.points })
      .from(pointsEntries)
      .where(eq(pointsEntries.kind, 'earn'));
    expect(entry!.points).toBe(MAX_POINTS);
  });
});
