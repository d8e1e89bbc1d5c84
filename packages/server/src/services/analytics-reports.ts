import { and, between, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import { ANALYTICS_CHANNELS, type AnalyticsChannel, analyticsSettings } from '../analytics.js';
import type { Db } from '../db/index.js';
import { analyticsEvents, orderLines, orders } from '../db/schema/index.js';
import type { Money } from './money.js';
import { toMoney } from './money.js';
import type { ReportPeriod } from './report-period.js';
import type { Store } from './stores.js';

/*
 * Revenue has one owner: the orders tables. The reports read paid orders there (status
 * 'paid', by paid_at) instead of a `purchase` event copied at payment: a copy would need
 * undoing on every refund and cancellation, and two records of the same money drift. So a
 * refunded or cancelled order leaves the figures, and nothing about purchases is written in
 * the paying transaction.
 */

/** Counts of the storefront's events, by GA4 name. */
interface EventCounts {
  view_item_list: number;
  view_item: number;
  add_to_cart: number;
  begin_checkout: number;
}
const noEvents = (): EventCounts => ({
  view_item_list: 0,
  view_item: 0,
  add_to_cart: 0,
  begin_checkout: 0,
});

/** Paid lines' worth per currency, exact (bigint minor units). */
type Amounts = Map<string, bigint>;
const moneyOf = (amounts: Amounts): Money[] =>
  [...amounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => toMoney(minor, currency));

const count = sql<number>`count(*)::int`;
/** Σ unit price × quantity as text: a bigint sum is numeric, which drivers hand back as text anyway. */
const lineSum = sql<string>`sum(${orderLines.unitPriceMinor}::numeric * ${orderLines.quantity})::text`;
const paidOrders = sql<number>`count(distinct ${orders.id})::int`;
const paidDay = sql<string>`to_char(${orders.paidAt} at time zone 'UTC', 'YYYY-MM-DD')`;
/**
 * The channel of a paid line, from what the order keeps: a creator's ref, else a campaign's
 * message, else direct. (A share page's visit carries the sharer's ref, so it counts as creator.)
 */
const lineChannel = sql<AnalyticsChannel>`case when ${orderLines.ref} is not null then 'creator' when ${orderLines.campaign} is not null then 'campaign' else 'direct' end`;

function eventWhere(store: Store, period: ReportPeriod, currency?: string): SQL {
  return and(
    eq(analyticsEvents.storeId, store.id),
    between(analyticsEvents.day, period.from, period.to),
    currency ? eq(analyticsEvents.currency, currency) : undefined,
  )!;
}

function paidWhere(store: Store, period: ReportPeriod, currency?: string): SQL {
  return and(
    eq(orderLines.storeId, store.id),
    eq(orders.storeId, store.id),
    eq(orders.status, 'paid'),
    gte(orders.paidAt, period.start),
    lt(orders.paidAt, period.end),
    currency ? eq(orders.currency, currency) : undefined,
  )!;
}

/** Commission on an amount at `percent` (2 decimals at most), rounded half up, exactly. */
export function commissionMinor(revenue: bigint, percent: number): bigint {
  const hundredths = BigInt(Math.round(percent * 100));
  return (revenue * hundredths + 5_000n) / 10_000n;
}

export interface CreatorRow {
  ref: string;
  impressions: number;
  clicks: number;
  addToCarts: number;
  orders: number;
  revenue: Money[];
  commission: Money[];
}

/** Per creator ref: what shoppers did with their links and cards, and what it earned. */
export async function creatorsReport(
  db: Db,
  store: Store,
  period: ReportPeriod,
  filter: { currency?: string; ref?: string } = {},
) {
  const { commissionPercent } = analyticsSettings(store.settings);
  const events = await db
    .select({ ref: analyticsEvents.ref, name: analyticsEvents.name, n: count })
    .from(analyticsEvents)
    .where(
      and(
        eventWhere(store, period, filter.currency),
        filter.ref ? eq(analyticsEvents.ref, filter.ref) : isNotNull(analyticsEvents.ref),
      ),
    )
    .groupBy(analyticsEvents.ref, analyticsEvents.name);
  const paid = await db
    .select({ ref: orderLines.ref, currency: orders.currency, orders: paidOrders, sum: lineSum })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        paidWhere(store, period, filter.currency),
        filter.ref ? eq(orderLines.ref, filter.ref) : isNotNull(orderLines.ref),
      ),
    )
    .groupBy(orderLines.ref, orders.currency);

  const rows = new Map<string, { events: EventCounts; orders: number; revenue: Amounts }>();
  const rowOf = (ref: string) => {
    let row = rows.get(ref);
    if (!row) {
      row = { events: noEvents(), orders: 0, revenue: new Map() };
      rows.set(ref, row);
    }
    return row;
  };
  for (const e of events) rowOf(e.ref!).events[e.name as keyof EventCounts] += e.n;
  // An order has one currency: its count in one currency group is its count for the ref.
  for (const p of paid) {
    const row = rowOf(p.ref!);
    row.orders += p.orders;
    row.revenue.set(p.currency, BigInt(p.sum));
  }
  const items: CreatorRow[] = [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ref, row]) => ({
      ref,
      impressions: row.events.view_item_list,
      clicks: row.events.view_item,
      addToCarts: row.events.add_to_cart,
      orders: row.orders,
      revenue: moneyOf(row.revenue),
      commission: moneyOf(
        new Map(
          [...row.revenue].map(([cur, minor]) => [cur, commissionMinor(minor, commissionPercent)]),
        ),
      ),
    }));
  return { from: period.from, to: period.to, timeZone: 'UTC' as const, commissionPercent, items };
}

/** By UTC day and channel: the storefront's funnel, then the paid orders it led to. */
export async function funnelReport(db: Db, store: Store, period: ReportPeriod) {
  const channel = sql<AnalyticsChannel>`coalesce(${analyticsEvents.channel}, 'direct')`;
  const events = await db
    .select({ day: analyticsEvents.day, channel, name: analyticsEvents.name, n: count })
    .from(analyticsEvents)
    .where(eventWhere(store, period))
    .groupBy(analyticsEvents.day, channel, analyticsEvents.name);
  const paid = await db
    .select({
      day: paidDay,
      channel: lineChannel,
      currency: orders.currency,
      orders: paidOrders,
      sum: lineSum,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(paidWhere(store, period))
    .groupBy(paidDay, lineChannel, orders.currency);

  const rows = new Map<
    string,
    {
      day: string;
      channel: AnalyticsChannel;
      events: EventCounts;
      purchases: number;
      revenue: Amounts;
    }
  >();
  const rowOf = (day: string, channel: AnalyticsChannel) => {
    const key = `${day} ${channel}`;
    let row = rows.get(key);
    if (!row) {
      row = { day, channel, events: noEvents(), purchases: 0, revenue: new Map() };
      rows.set(key, row);
    }
    return row;
  };
  for (const e of events) rowOf(e.day, e.channel).events[e.name as keyof EventCounts] += e.n;
  for (const p of paid) {
    const row = rowOf(p.day, p.channel);
    row.purchases += p.orders;
    row.revenue.set(p.currency, BigInt(p.sum));
  }
  const order = (c: AnalyticsChannel) => ANALYTICS_CHANNELS.indexOf(c);
  const items = [...rows.values()]
    .sort((a, b) => a.day.localeCompare(b.day) || order(a.channel) - order(b.channel))
    .map((row) => ({
      day: row.day,
      channel: row.channel,
      impressions: row.events.view_item_list,
      views: row.events.view_item,
      addToCarts: row.events.add_to_cart,
      beginCheckouts: row.events.begin_checkout,
      purchases: row.purchases,
      revenue: moneyOf(row.revenue),
    }));
  return { from: period.from, to: period.to, timeZone: 'UTC' as const, items };
}

/** One creator's own row (their signed link's page): zeros when nothing happened yet. */
export async function creatorOwnReport(db: Db, store: Store, period: ReportPeriod, ref: string) {
  const { items, ...report } = await creatorsReport(db, store, period, { ref });
  const creator = items[0] ?? {
    ref,
    impressions: 0,
    clicks: 0,
    addToCarts: 0,
    orders: 0,
    revenue: [],
    commission: [],
  };
  return { ...report, creator };
}
