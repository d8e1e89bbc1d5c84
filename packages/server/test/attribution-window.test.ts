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

// A message's link (?kiosk_campaign=) is credited like a creator's ref: cart line → order line,
// within the store's attribution window, shown in the admin's order views.
async function newCart(s: TestStore) {
  return (await t.current.request('/v1/carts', { key: s.pk, body: {} })).body.id as string;
}

function addLine(s: TestStore, cartId: string, body: Record<string, unknown>) {
  return t.current.request(`/v1/carts/${cartId}/lines`, { key: s.pk, body });
}

describe('campaign attribution', () => {
  it('carries the campaign from the cart line into the order and the admin views', async () => {
    const s = await shop();
    const [a, b] = s.variantIds as [string, string];
    const cartId = await newCart(s);
    const campaign = '3f0c6a9e-5c1b-4d7e-9a51-0d6f1c2b7e44';
    const added = await addLine(s, cartId, { variantId: a, quantity: 1, campaign });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.lines[0]).toMatchObject({ campaign, ref: null });
    // A second add of the same variant keeps the first message's credit.
    const more = await addLine(s, cartId, { variantId: a, quantity: 1, campaign: 'promotions' });
    expect(more.body.lines[0]).toMatchObject({ quantity: 2, campaign });
    await addLine(s, cartId, { variantId: b, quantity: 1, ref: 'ana.lind' });

    const order = await t.current.request(`/v1/carts/${cartId}/checkout`, {
      key: s.pk,
      body: { email: 'guest@example.com' },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const byVariant = (lines: { variantId: string }[], id: string) =>
      lines.find((l) => l.variantId === id);
    expect(byVariant(order.body.order.lines, a)).toMatchObject({ campaign, ref: null });
    expect(byVariant(order.body.order.lines, b)).toMatchObject({ campaign: null, ref: 'ana.lind' });

    const listed = await t.current.request('/admin/v1/orders', { token: s.sk });
    expect(byVariant(listed.body.items[0].lines, a)).toMatchObject({ campaign });
  });

  it('rebuilds a pending order when only the campaign of a line changed', async () => {
    const s = await shop();
    const [a] = s.variantIds as [string];
    const first = await newCart(s);
    await addLine(s, first, { variantId: a, quantity: 1 });
    const held = await t.current.request(`/v1/carts/${first}/checkout`, { key: s.pk, body: {} });
    // The same cart, its line removed and added again from a message's link.
    const line = held.body.order.lines[0];
    const cart = await t.current.request(`/v1/carts/${first}`, { key: s.pk });
    await t.current.request(`/v1/carts/${first}/lines/${cart.body.lines[0].id}`, {
      key: s.pk,
      method: 'PATCH',
      body: { quantity: 0 },
    });
    await addLine(s, first, { variantId: a, quantity: 1, campaign: 'price-drop' });
    const again = await t.current.request(`/v1/carts/${first}/checkout`, { key: s.pk, body: {} });
    expect(again.status).toBe(201);
    expect(again.body.order.lines[0]).toMatchObject({
      variantId: line.variantId,
      campaign: 'price-drop',
    });
  });

  it("keeps a followed message's campaign within the store's window only", async () => {
    const s = await shop();
    const [a] = s.variantIds as [string];
    const campaignOf = async (campaignAt?: string) => {
      const res = await addLine(s, await newCart(s), {
        variantId: a,
        quantity: 1,
        campaign: 'back-in-stock',
        ...(campaignAt ? { campaignAt } : {}),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.lines[0].campaign as string | null;
    };
    expect(await campaignOf(ago(29))).toBe('back-in-stock');
    expect(await campaignOf(ago(31))).toBeNull();
    expect(await campaignOf()).toBe('back-in-stock');
  });

  it('refuses a campaign that is not a code, and a campaignAt that is not a time', async () => {
    const s = await shop();
    const cartId = await newCart(s);
    for (const bad of [
      { campaign: '' },
      { campaign: 'has space' },
      { campaign: 'x'.repeat(65) },
      { campaign: 42 },
      { campaign: 'promotions', campaignAt: 'yesterday' },
    ]) {
      const res = await addLine(s, cartId, { variantId: s.variantIds[0], quantity: 1, ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });
});
