import { expect } from 'vitest';
import { utcDay } from '../src/services/analytics-events.js';
import {
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestProduct,
  type TestStore,
} from './harness.js';

/** A store selling in USD (2 decimals), JPY (0) and KWD (3), with two products. */
export async function analyticsShop(t: TestApp) {
  const s = await createTestStore(t.db, {
    currencies: ['USD', 'JPY', 'KWD'],
    pointsRules: { rates: { USD: 1, JPY: 150, KWD: 0.3 } },
  });
  const prices = { USD: 1999, JPY: 2500, KWD: 12_345 };
  const mug = await createTestProduct(t.db, s.store, {
    handle: 'mug',
    variants: [{ stock: 1000, prices }],
  });
  const tee = await createTestProduct(t.db, s.store, {
    handle: 'tee',
    variants: [{ stock: 1000, prices }],
  });
  return { ...s, mug, tee };
}

export type AnalyticsShop = Awaited<ReturnType<typeof analyticsShop>>;

/** A GA4 event as the widgets send it, for `items` (ids or handles). */
export function event(
  name: string,
  items: string[],
  extra: { ref?: string; channel?: string; currency?: string; at?: string } = {},
) {
  const { currency = 'USD', ...rest } = extra;
  return {
    name,
    params: { currency, value: 19.99, items: items.map((item_id) => ({ item_id, price: 19.99 })) },
    ...rest,
  };
}

export function sendEvents(t: TestApp, s: TestStore, events: unknown[]) {
  return t.request('/v1/events', { key: s.pk, body: { events } });
}

/** Checks out `lines` in `currency` as a guest; the order's id (pending). */
export async function order(
  t: TestApp,
  s: TestStore,
  lines: { product: TestProduct; quantity: number; ref?: string }[],
  currency = 'USD',
): Promise<string> {
  const cart = await t.request('/v1/carts', { key: s.pk, body: { currency } });
  expect(cart.status).toBe(201);
  for (const line of lines) {
    const res = await t.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      body: {
        variantId: line.product.variantIds[0],
        quantity: line.quantity,
        ...(line.ref ? { ref: line.ref } : {}),
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const res = await t.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    body: { email: 'guest@example.com' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.orderId as string;
}

export function markPaid(t: TestApp, s: TestStore, orderId: string) {
  return t.request(`/admin/v1/orders/${orderId}/mark-paid`, { token: s.sk, method: 'POST' });
}

/** Today (UTC) by the app's clock. */
export const today = (t: TestApp) => utcDay(t.now());

export function report(t: TestApp, s: TestStore, kind: 'creators' | 'funnel', query = '') {
  const day = today(t);
  return t.request(`/admin/v1/reports/${kind}?from=${day}&to=${day}${query}`, { token: s.sk });
}
