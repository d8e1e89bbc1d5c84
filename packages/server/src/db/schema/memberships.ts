import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ownedBy, storeId } from './columns.js';
import { customers } from './customers.js';
import { orders } from './orders.js';
import { pointsEntries } from './points.js';

/**
 * Paid memberships (issue 17): each paid order of a plan product grants its tier for a year,
 * from the payment or from the end of the membership it renews. A refund revokes that grant.
 * One grant per order (the unique key), whatever the concurrency of payment notices.
 */
export const membershipGrants = pgTable(
  'membership_grants',
  {
    id: id(),
    storeId: storeId(),
    customerId: ownedBy('customer_id', () => customers.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    tier: text('tier').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('membership_grants_one_per_order').on(t.orderId),
    index('membership_grants_customer').on(t.storeId, t.customerId, t.endsAt),
    check('membership_grants_window', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Birthday gifts given: at most one per customer and year (the unique key). */
export const birthdayGifts = pgTable(
  'birthday_gifts',
  {
    id: id(),
    storeId: storeId(),
    customerId: ownedBy('customer_id', () => customers.id),
    year: integer('year').notNull(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => pointsEntries.id),
    createdAt: createdAt(),
  },
  (t) => [unique('birthday_gifts_once_a_year').on(t.storeId, t.customerId, t.year)],
);
