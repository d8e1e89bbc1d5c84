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
import { createdAt, id, minor, ownedBy, storeId } from './columns.js';
import { returnRequests } from './fulfilment.js';
import { orders } from './orders.js';

/** pending → succeeded | failed (the provider refused it, or stayed unreachable too long). */
export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;

/**
 * Money given back through the provider that took it: written in the transaction that
 * decides it (an order refunded or cancelled after payment, a return approved), then sent
 * by the refunds worker (services/refunds.ts) with the row's id as the idempotency key.
 * An order with no provider to call ('manual') is recorded as refunded outside Kiosk.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    storeId: storeId(),
    orderId: ownedBy('order_id', () => orders.id),
    /** The approved return it refunds; null: what was left of the order when it was closed. */
    returnId: uuid('return_id').references(() => returnRequests.id, { onDelete: 'cascade' }),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** Who took the payment and its reference there, as the order had them. */
    provider: text('provider').notNull(),
    paymentReference: text('payment_reference'),
    status: text('status', { enum: refundStatuses }).notNull().default('pending'),
    /** The provider's id for the refund, once it took it. */
    reference: text('reference'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** A worker's lease: past it, another worker may claim the row again. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** A short code of the last failure (`network_http_503`, `amount_exceeds_payment`…). */
    lastError: text('last_error'),
    createdAt: createdAt(),
    /** When it succeeded or failed. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('refunds_order').on(t.orderId, t.createdAt),
    // Refunded once, however many approvals or refunds race: one per return, and one for
    // the rest of the order (the returns' refunds and it add up to the total at most).
    uniqueIndex('refunds_one_per_return').on(t.returnId),
    uniqueIndex('refunds_one_rest_per_order').on(t.orderId).where(sql`${t.returnId} is null`),
    index('refunds_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('refunds_amount_positive', sql`${t.amountMinor} > 0`),
  ],
);

export type RefundRow = typeof refunds.$inferSelect;
