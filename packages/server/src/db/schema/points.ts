import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ownedBy, storeId } from './columns.js';
import { customers } from './customers.js';
import { returnRequests } from './fulfilment.js';
import { orders } from './orders.js';

/**
 * The points ledger. Append-only: rows are inserted, never updated or deleted.
 * Balance = sum(points) of entries already available. Positive entries (earn, positive
 * adjust) are lots that expire; negative entries consume lots through points_allocations.
 */
export const pointsEntries = pgTable(
  'points_entries',
  {
    id: id(),
    storeId: storeId(),
    customerId: ownedBy('customer_id', () => customers.id),
    kind: text('kind', {
      enum: ['earn', 'redeem', 'adjust', 'expire', 'reverse', 'gift'],
    }).notNull(),
    /** Signed: positive credits, negative debits. */
    points: integer('points').notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    /**
     * The entry a 'reverse' entry undoes: all that is left of it (a cancel or refund of the
     * order, at most once), or a returned part of it (`returnId`, once per return).
     */
    reversesId: uuid('reverses_id'),
    /** The approved return whose share of the order a 'reverse' entry undoes. */
    returnId: uuid('return_id').references(() => returnRequests.id),
    reason: text('reason').notNull().default(''),
    /** Earned points count toward the balance from this moment (pending period). */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    /** For lots: when what is left of them expires. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('points_entries_customer').on(t.storeId, t.customerId, t.createdAt),
    // An order earns once and redeems once, whatever the concurrency.
    uniqueIndex('points_entries_one_earn_per_order')
      .on(t.orderId, t.kind)
      .where(sql`${t.kind} in ('earn', 'redeem') and ${t.orderId} is not null`),
    uniqueIndex('points_entries_one_reversal').on(t.reversesId).where(sql`${t.returnId} is null`),
    uniqueIndex('points_entries_one_reversal_per_return')
      .on(t.reversesId, t.returnId)
      .where(sql`${t.returnId} is not null`),
    check('points_entries_nonzero', sql`${t.points} <> 0`),
  ],
);

/** Which lot a debit (redeem, expire, negative adjust, reversal of an earn) consumed. */
export const pointsAllocations = pgTable(
  'points_allocations',
  {
    id: id(),
    storeId: storeId(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => pointsEntries.id),
    debitId: uuid('debit_id')
      .notNull()
      .references(() => pointsEntries.id),
    points: integer('points').notNull(),
  },
  (t) => [
    index('points_allocations_lot').on(t.lotId),
    check('points_allocations_positive', sql`${t.points} > 0`),
  ],
);

export const pointsEntryKinds = ['earn', 'redeem', 'adjust', 'expire', 'reverse', 'gift'] as const;
export type PointsEntryKind = (typeof pointsEntryKinds)[number];
