import { describe, expect, it } from 'vitest';
import { commissionMinor } from '../src/services/analytics-reports.js';
import {
  analyticsShop,
  event,
  markPaid,
  order,
  report,
  sendEvents,
  today,
} from './analytics-fixtures.js';
import { useTestApp } from './harness.js';

const t = useTestApp();
const DAY = 86_400_000;

describe('the creators report', () => {
  it('counts a paid order once, exactly, per currency (USD 2, JPY 0, KWD 3 decimals)', async () => {
    const s = await analyticsShop(t.current);
    const usd = await order(t.current, s, [
      { product: s.mug, quantity: 3, ref: 'ana.lind' },
      { product: s.tee, quantity: 1 },
    ]);
    const jpy = await order(
      t.current,
      s,
      [{ product: s.mug, quantity: 3, ref: 'ana.lind' }],
      'JPY',
    );
    const kwd = await order(
      t.current,
      s,
      [{ product: s.tee, quantity: 3, ref: 'ana.lind' }],
      'KWD',
    );
    // Not paid: never counted.
    await order(t.current, s, [{ product: s.mug, quantity: 1, ref: 'ana.lind' }]);
    for (const id of [usd, jpy, kwd]) expect((await markPaid(t.current, s, id)).status).toBe(200);
    // Paying again changes nothing (idempotent): still one purchase.
    expect((await markPaid(t.current, s, usd)).status).toBe(200);

    const res = await report(t.current, s, 'creators');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      from: today(t.current),
      timeZone: 'UTC',
      commissionPercent: 10,
    });
    expect(res.body.items).toEqual([
      {
        ref: 'ana.lind',
        impressions: 0,
        clicks: 0,
        addToCarts: 0,
        orders: 3,
        // The ref's lines only (the tee without a ref is not the creator's), never summed
        // across currencies.
        revenue: [
          { amount: '7500', currency: 'JPY' },
          { amount: '37.035', currency: 'KWD' },
          { amount: '59.97', currency: 'USD' },
        ],
        // 10 %: 750 JPY; 3.7035 → 3.704 KWD (half up); 5.997 → 6.00 USD.
        commission: [
          { amount: '750', currency: 'JPY' },
          { amount: '3.704', currency: 'KWD' },
          { amount: '6.00', currency: 'USD' },
        ],
      },
    ]);

    const usdOnly = await report(t.current, s, 'creators', '&currency=USD');
    expect(usdOnly.body.items[0]).toMatchObject({
      orders: 1,
      revenue: [{ amount: '59.97', currency: 'USD' }],
    });
  });

  it('leaves out an order that expired unpaid, and one refunded or cancelled after payment', async () => {
    const s = await analyticsShop(t.current);
    const expiring = await order(t.current, s, [{ product: s.mug, quantity: 1, ref: 'bo' }]);
    const refunded = await order(t.current, s, [{ product: s.mug, quantity: 1, ref: 'bo' }]);
    expect((await markPaid(t.current, s, refunded)).status).toBe(200);
    expect(
      (
        await t.current.request(`/admin/v1/orders/${refunded}/refund`, {
          token: s.sk,
          method: 'POST',
        })
      ).status,
    ).toBe(200);
    t.current.advanceClock(31 * 60_000); // past the default 30-minute hold
    const late = await markPaid(t.current, s, expiring);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('order_expired');
    const res = await report(t.current, s, 'creators');
    expect(res.body.items).toEqual([]);
  });

  it("rounds commission half up at the store's rate", async () => {
    expect(commissionMinor(100n, 12.5)).toBe(13n); // 12.5 → 13
    expect(commissionMinor(100n, 12.49)).toBe(12n); // 12.49 → 12
    expect(commissionMinor(1n, 50)).toBe(1n); // 0.5 → 1
    expect(commissionMinor(3n, 10)).toBe(0n); // 0.3 → 0
    expect(commissionMinor(9_007_199_254_740_991n, 100)).toBe(9_007_199_254_740_991n);

    const s = await analyticsShop(t.current);
    await t.current.request('/admin/v1/store', {
      method: 'PATCH',
      token: s.sk,
      body: { settings: { analytics: { commissionPercent: 12.5 } } },
    });
    // 12 × 19.99 = 239.88 USD; 12.5 % = 29.985 → 29.99.
    const id = await order(t.current, s, [{ product: s.mug, quantity: 12, ref: 'cy' }]);
    await markPaid(t.current, s, id);
    const res = await report(t.current, s, 'creators');
    expect(res.body.commissionPercent).toBe(12.5);
    expect(res.body.items[0].commission).toEqual([{ amount: '29.99', currency: 'USD' }]);
  });

  it('shows each store only its own figures', async () => {
    const a = await analyticsShop(t.current);
    const b = await analyticsShop(t.current);
    await sendEvents(t.current, a, [event('view_item_list', ['mug'], { ref: 'ana.lind' })]);
    // B's key naming A's product by id: dropped; by handle: B's own mug.
    await sendEvents(t.current, b, [event('view_item', [a.mug.id], { ref: 'ana.lind' })]);
    await markPaid(
      t.current,
      a,
      await order(t.current, a, [{ product: a.mug, quantity: 1, ref: 'ana.lind' }]),
    );

    const ofA = await report(t.current, a, 'creators');
    expect(ofA.body.items).toMatchObject([
      { ref: 'ana.lind', impressions: 1, clicks: 0, orders: 1 },
    ]);
    for (const kind of ['creators', 'funnel'] as const) {
      const ofB = await report(t.current, b, kind);
      expect(ofB.status).toBe(200);
      expect(ofB.body.items, kind).toEqual([]);
    }
  });
});

describe('the funnel report', () => {
  it('counts by UTC day and channel, purchases and revenue from paid orders', async () => {
    const s = await analyticsShop(t.current);
    const day = today(t.current);
    await sendEvents(t.current, s, [
      event('view_item_list', ['mug', 'tee'], { channel: 'share' }),
      event('view_item', ['mug'], { channel: 'share' }),
      event('view_item_list', ['mug'], { ref: 'ana.lind', channel: 'creator' }),
      event('add_to_cart', ['mug'], { ref: 'ana.lind', channel: 'creator' }),
      event('begin_checkout', ['mug'], { ref: 'ana.lind', channel: 'creator' }),
      event('view_item', ['tee']), // no channel: direct
    ]);
    await markPaid(
      t.current,
      s,
      await order(t.current, s, [{ product: s.mug, quantity: 2, ref: 'ana.lind' }]),
    );
    await markPaid(
      t.current,
      s,
      await order(t.current, s, [{ product: s.tee, quantity: 1 }], 'JPY'),
    );

    const res = await report(t.current, s, 'funnel');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const zero = {
      impressions: 0,
      views: 0,
      addToCarts: 0,
      beginCheckouts: 0,
      purchases: 0,
      revenue: [],
    };
    expect(res.body.items).toEqual([
      {
        ...zero,
        day,
        channel: 'direct',
        views: 1,
        purchases: 1,
        revenue: [{ amount: '2500', currency: 'JPY' }],
      },
      {
        ...zero,
        day,
        channel: 'creator',
        impressions: 1,
        addToCarts: 1,
        beginCheckouts: 1,
        purchases: 1,
        revenue: [{ amount: '39.98', currency: 'USD' }],
      },
      { ...zero, day, channel: 'share', impressions: 2, views: 1 },
    ]);
  });

  it('puts a payment on its UTC day and keeps other days out of the period', async () => {
    const s = await analyticsShop(t.current);
    const id = await order(t.current, s, [{ product: s.mug, quantity: 1 }]);
    await markPaid(t.current, s, id);
    const paidDay = today(t.current);
    const tomorrow = new Date(Date.parse(`${paidDay}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    const then = await t.current.request(
      `/admin/v1/reports/funnel?from=${tomorrow}&to=${tomorrow}`,
      { token: s.sk },
    );
    expect(then.body.items).toEqual([]);
    const both = await t.current.request(
      `/admin/v1/reports/funnel?from=${paidDay}&to=${tomorrow}`,
      {
        token: s.sk,
      },
    );
    expect(both.body.items).toMatchObject([{ day: paidDay, channel: 'direct', purchases: 1 }]);
  });
});

describe('report periods', () => {
  it('refuse bad dates with a stable code', async () => {
    const s = await analyticsShop(t.current);
    const get = (query: string) =>
      t.current.request(`/admin/v1/reports/funnel${query}`, { token: s.sk });
    for (const [query, code] of [
      ['?from=2026-03-02&to=2026-03-01', 'invalid_date_range'],
      ['?from=2026-02-30&to=2026-03-01', 'invalid_date_range'],
      ['?from=2025-01-01&to=2026-01-02', 'invalid_date_range'], // 367 days
      ['?from=yesterday&to=2026-03-01', 'validation_failed'],
      ['?from=2026-03-01', 'validation_failed'],
      ['', 'validation_failed'],
    ] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe(code);
    }
    expect((await get('?from=2025-01-01&to=2026-01-01')).status).toBe(200); // 366 days
    const creators = await t.current.request(
      '/admin/v1/reports/creators?from=2026-03-01&to=2026-03-01&currency=dollars',
      { token: s.sk },
    );
    expect(creators.status).toBe(400);
    const anonymous = await t.current.request(
      '/admin/v1/reports/creators?from=2026-03-01&to=2026-03-01',
      { key: s.pk },
    );
    expect(anonymous.status).toBe(401);
  });
});
