import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { analyticsEvents } from '../src/db/schema/index.js';
import {
  type AnalyticsShop,
  analyticsShop,
  event,
  report,
  sendEvents,
} from './analytics-fixtures.js';
import { createTestApp, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

const rowsOf = (s: AnalyticsShop) =>
  t.current.db.select().from(analyticsEvents).where(eq(analyticsEvents.storeId, s.store.id));

describe('POST /v1/events', () => {
  it('stores one row per event and known item, counted into the creators report', async () => {
    const s = await analyticsShop(t.current);
    const res = await sendEvents(t.current, s, [
      // By id and by handle; an item the store does not have is dropped, not refused.
      event('view_item_list', [s.mug.id, 'tee', 'no-such-product'], { ref: 'ana.lind' }),
      event('view_item', ['mug'], { ref: 'ana.lind', channel: 'creator' }),
      event('add_to_cart', ['mug'], { ref: 'ana.lind' }),
      event('view_item_list', ['mug'], { ref: 'bo' }),
      event('begin_checkout', ['mug', 'tee']),
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ accepted: 7 });

    const rows = await rowsOf(s);
    expect(rows).toHaveLength(7);
    const click = rows.find((r) => r.name === 'view_item')!;
    expect(click).toMatchObject({
      productId: s.mug.id,
      ref: 'ana.lind',
      channel: 'creator',
      valueMinor: 1999,
      currency: 'USD',
      day: t.current.now().toISOString().slice(0, 10),
    });

    const creators = await report(t.current, s, 'creators');
    expect(creators.status).toBe(200);
    expect(creators.body.items).toEqual([
      {
        ref: 'ana.lind',
        impressions: 2,
        clicks: 1,
        addToCarts: 1,
        orders: 0,
        revenue: [],
        commission: [],
      },
      {
        ref: 'bo',
        impressions: 1,
        clicks: 0,
        addToCarts: 0,
        orders: 0,
        revenue: [],
        commission: [],
      },
    ]);
  });

  it('takes a sendBeacon body: text/plain JSON with the key in it, no headers', async () => {
    const s = await analyticsShop(t.current);
    const body = JSON.stringify({ key: s.pk, events: [event('view_item', ['mug'])] });
    const res = await t.current.request('/v1/events', {
      body,
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ accepted: 1 });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(await rowsOf(s)).toHaveLength(1);

    // The key's store still checks the origin, and junk text is our JSON error.
    const elsewhere = await t.current.request('/v1/events', {
      body,
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('origin_not_allowed');
    const junk = await t.current.request('/v1/events', {
      body: '{"key":',
      headers: { 'content-type': 'text/plain' },
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('invalid_json');
    const noKey = await t.current.request('/v1/events', {
      body: JSON.stringify({ events: [event('view_item', ['mug'])] }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(noKey.status).toBe(401);
    expect(noKey.body.error.code).toBe('invalid_key');
    const nul = await t.current.request('/v1/events', {
      body: JSON.stringify({ key: s.pk, events: [event('view_item', ['mu\u0000g'])] }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('validation_failed');
    expect(await rowsOf(s)).toHaveLength(1);
  });

  it('refuses junk in every field with 400, storing nothing', async () => {
    const s = await analyticsShop(t.current);
    const ok = event('view_item', ['mug']);
    const item = { item_id: 'mug', price: 19.99 };
    const withParams = (params: object) => ({ ...ok, params: { ...ok.params, ...params } });
    const junk: [string, unknown][] = [
      ['no events', []],
      ['51 events', Array.from({ length: 51 }, () => ok)],
      ['purchase from a client', [{ ...ok, name: 'purchase' }]],
      ['unknown name', [{ ...ok, name: 'page_view' }]],
      ['personal data beside the event', [{ ...ok, email: 'a@example.com' }]],
      ['personal data in params', [withParams({ user_id: 'u1' })]],
      ['personal data in an item', [withParams({ items: [{ ...item, email: 'a@b.c' }] })]],
      ['no currency', [{ ...ok, params: { items: [item] } }]],
      ['not a currency', [withParams({ currency: '12$' })]],
      ['lower-case currency', [withParams({ currency: 'usd' })]],
      ['negative value', [withParams({ value: -1 })]],
      ['value as text', [withParams({ value: '19.99' })]],
      ['no items', [withParams({ items: [] })]],
      ['101 items', [withParams({ items: Array.from({ length: 101 }, () => item) })]],
      ['empty item id', [withParams({ items: [{ item_id: '' }] })]],
      ['negative price', [withParams({ items: [{ ...item, price: -5 }] })]],
      ['zero quantity', [withParams({ items: [{ ...item, quantity: 0 }] })]],
      ['fractional quantity', [withParams({ items: [{ ...item, quantity: 1.5 }] })]],
      ['negative index', [withParams({ items: [{ ...item, index: -1 }] })]],
      ['long list id', [withParams({ item_list_id: 'x'.repeat(101) })]],
      ['bad ref', [{ ...ok, ref: 'ana lind' }]],
      ['unknown channel', [{ ...ok, channel: 'tiktok' }]],
      ['bad time', [{ ...ok, at: 'yesterday' }]],
      ['events not a list', { name: 'view_item' }],
    ];
    for (const [label, events] of junk) {
      const res = await sendEvents(t.current, s, events as unknown[]);
      expect(res.status, label).toBe(400);
      expect(res.body.error.code, label).toBe('validation_failed');
    }
    const euros = await sendEvents(t.current, s, [withParams({ currency: 'EUR' })]);
    expect(euros.status).toBe(400);
    expect(euros.body.error.code).toBe('unsupported_currency');
    const extra = await t.current.request('/v1/events', {
      key: s.pk,
      body: { events: [ok], session: 'abc' },
    });
    expect(extra.status).toBe(400);
    expect(await rowsOf(s)).toHaveLength(0);
  });

  it("drops another store's products and keeps the page's time only within a day", async () => {
    const s = await analyticsShop(t.current);
    const other = await analyticsShop(t.current);
    const res = await sendEvents(t.current, s, [event('view_item', [other.mug.id, 'tee'])]);
    // 'tee' is a handle of both stores: it names this store's tee; the other's id is dropped.
    expect(res.body).toEqual({ accepted: 1 });
    const now = t.current.now().getTime();
    const hourAgo = new Date(now - 3_600_000).toISOString();
    const weekAgo = new Date(now - 7 * 86_400_000).toISOString();
    const ahead = new Date(now + 3_600_000).toISOString();
    await sendEvents(t.current, s, [
      event('view_item', ['mug'], { at: hourAgo }),
      event('add_to_cart', ['mug'], { at: weekAgo }),
      event('begin_checkout', ['mug'], { at: ahead }),
    ]);
    const rows = await rowsOf(s);
    expect(
      rows.find((r) => r.name === 'view_item' && r.productId === s.mug.id)!.occurredAt,
    ).toEqual(new Date(hourAgo));
    for (const name of ['add_to_cart', 'begin_checkout']) {
      const at = rows.find((r) => r.name === name)!.occurredAt.getTime();
      expect(Math.abs(at - now), name).toBeLessThan(60_000);
    }
    expect(await rowsOf(other)).toHaveLength(0);
  });

  it('stores nothing when the store turns analytics off, and says so in /v1/store', async () => {
    const s = await analyticsShop(t.current);
    expect((await t.current.request('/v1/store', { key: s.pk })).body.analytics).toEqual({
      enabled: true,
    });
    const patch = (analytics: unknown) =>
      t.current.request('/admin/v1/store', {
        method: 'PATCH',
        token: s.sk,
        body: { settings: { analytics } },
      });
    for (const bad of [
      { enabled: 'no' },
      { commissionPercent: 101 },
      { commissionPercent: -1 },
      { commissionPercent: 1.234 },
      { tracking: false },
    ]) {
      expect((await patch(bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await patch({ commissionPercent: 12.5 })).status).toBe(200);
    const off = await patch({ enabled: false });
    expect(off.status).toBe(200);
    // Merged a level deep: turning collection off keeps the rate.
    expect(off.body.settings.analytics).toEqual({ commissionPercent: 12.5, enabled: false });
    expect((await t.current.request('/v1/store', { key: s.pk })).body.analytics).toEqual({
      enabled: false,
    });

    const res = await sendEvents(t.current, s, [event('view_item', ['mug'])]);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 0 });
    expect(await rowsOf(s)).toHaveLength(0);
  });

  it('is rate limited per client address and store', async () => {
    const app = await createTestApp({ rateLimits: { events: { limit: 2, windowMs: 60_000 } } });
    const s = await createTestStore(app.db);
    const send = (ip: string) =>
      app.request('/v1/events', {
        key: s.pk,
        ip,
        body: { events: [event('view_item', ['none'])] },
      });
    expect((await send('203.0.113.1')).status).toBe(202);
    expect((await send('203.0.113.1')).status).toBe(202);
    const third = await send('203.0.113.1');
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('rate_limited');
    expect(third.headers.get('retry-after')).toBeTruthy();
    expect((await send('203.0.113.2')).status).toBe(202);
  });
});
