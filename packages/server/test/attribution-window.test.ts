import { describe, expect, it } from 'vitest';
import { createTestProduct, createTestStore, type TestStore, useTestApp } from './harness.js';

const t = useTestApp();
const DAY = 86_400_000;

async function shop() {
  const s = await createTestStore(t.current.db);
  const p = await createTestProduct(t.current.db, s.store, {
    variants: [
      { stock: 10, prices: { USD: 1000 } },
      { stock: 10, prices: { USD: 1000 } },
    ],
  });
  return { ...s, variantIds: p.variantIds };
}

/** Adds a line with `ref` to a new cart, the link followed at `refAt` (if given); answers its ref. */
async function lineRef(s: TestStore, variantId: string, refAt?: string) {
  const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
  const res = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    body: { variantId, quantity: 1, ref: 'ana.lind', ...(refAt ? { refAt } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.lines[0].ref as string | null;
}

const ago = (days: number) => new Date(t.current.now().getTime() - days * DAY).toISOString();

describe('the attribution window', () => {
  it('is 30 days unless the store says otherwise, public in /v1/store', async () => {
    const s = await shop();
    const store = await t.current.request('/v1/store', { key: s.pk });
    expect(store.body.attributionWindowDays).toBe(30);
    const patch = (settings: unknown) =>
      t.current.request('/admin/v1/store', { method: 'PATCH', token: s.sk, body: { settings } });
    for (const bad of [0, 366, 1.5, '30', null]) {
      expect((await patch({ attributionWindowDays: bad })).status, String(bad)).toBe(400);
    }
    const set = await patch({ attributionWindowDays: 60 });
    expect(set.status).toBe(200);
    expect(set.body.settings.attributionWindowDays).toBe(60);
    const after = await t.current.request('/v1/store', { key: s.pk });
    expect(after.body.attributionWindowDays).toBe(60);
  });

  it('keeps a followed link’s ref within the store’s window, and drops it after', async () => {
    const s = await shop();
    const [v] = s.variantIds as [string];
    expect(await lineRef(s, v, ago(29))).toBe('ana.lind');
    expect(await lineRef(s, v, ago(31))).toBeNull();
    // No refAt: a creator's own card or embed, always credited. A clock ahead counts as now.
    expect(await lineRef(s, v)).toBe('ana.lind');
    expect(await lineRef(s, v, new Date(t.current.now().getTime() + DAY).toISOString())).toBe(
      'ana.lind',
    );

    await t.current.request('/admin/v1/store', {
      method: 'PATCH',
      token: s.sk,
      body: { settings: { attributionWindowDays: 60 } },
    });
    expect(await lineRef(s, v, ago(31))).toBe('ana.lind');
    expect(await lineRef(s, v, ago(61))).toBeNull();
  });

  it('refuses a refAt that is not a timestamp', async () => {
    const s = await shop();
    const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    for (const refAt of ['yesterday', '2026-13-01T00:00:00Z', 1_700_000_000_000]) {
      const res = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
        key: s.pk,
        body: { variantId: s.variantIds[0], quantity: 1, ref: 'ana.lind', refAt },
      });
      expect(res.status, String(refAt)).toBe(400);
    }
  });
});
