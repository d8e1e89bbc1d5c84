import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { minor, storeId } from './columns.js';

/**
 * One row per storefront event and item (a list view of 12 cards is 12 rows): the busiest
 * table, so its rows are small — no id (nothing points at a row), no user, session, address
 * or URL (docs/server/analytics.md: what is not collected), no item list id or position.
 * Paid orders are not copied here: the reports read them from the orders tables.
 */
export const analyticsEvents = pgTable(
  'analytics_events',
  {
    storeId: storeId(),
    /** One of CLIENT_EVENT_NAMES (src/analytics.ts). */
    name: text('name').notNull(),
    productId: uuid('product_id').notNull(),
    ref: text('ref'),
    /** One of ANALYTICS_CHANNELS; null when the page did not say (reported as direct). */
    channel: text('channel'),
    /** The UTC day of occurred_at: the reports group and range by it. */
    day: date('day', { mode: 'string' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The item's price × quantity as the page showed it, in minor units of `currency`. */
    valueMinor: minor('value_minor').notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [
    // The funnel: a store's days, counted by event and channel.
    index('analytics_events_store_day').on(t.storeId, t.day, t.name),
    // The creators report: a store's refs over days (only rows with a ref).
    index('analytics_events_store_ref_day')
      .on(t.storeId, t.ref, t.day)
      .where(sql`${t.ref} is not null`),
  ],
);
