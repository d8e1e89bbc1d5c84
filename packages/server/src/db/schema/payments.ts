import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ownedBy, storeId } from './columns.js';
import { orders } from './orders.js';

/** started → paid | declined | cancelled | expired (a voucher closed once past its expiry). */
export const paymentAttemptStatuses = [
  'started',
  'paid',
  'declined',
  'cancelled',
  'expired',
] as const;

/**
 * A payment begun at a provider that does not answer at once: a redirect wallet (the shopper
 * leaves to approve) or a voucher paid later. The card charges within the request and keeps
 * no attempt. An order may have several (a cancelled wallet, then a voucher); the provider's
 * reference finds the attempt again from its return URL and its webhooks.
 */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: id(),
    storeId: storeId(),
    orderId: ownedBy('order_id', () => orders.id),
    method: text('method', { enum: ['wallet', 'voucher'] }).notNull(),
    provider: text('provider').notNull(),
    /** The provider's id for the payment. */
    reference: text('reference').notNull(),
    status: text('status', { enum: paymentAttemptStatuses }).notNull().default('started'),
    /** The provider's page for the shopper: the wallet's approval page, the voucher's page. */
    actionUrl: text('action_url').notNull(),
    /** A voucher's number (what the shopper pays with) and when it stops being payable. */
    voucherCode: text('voucher_code'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payment_attempts_reference').on(t.provider, t.reference),
    index('payment_attempts_order').on(t.orderId),
    // One open voucher per order: a form posted twice issues one (the second gets the first).
    uniqueIndex('payment_attempts_one_open_voucher')
      .on(t.orderId)
      .where(sql`${t.method} = 'voucher' and ${t.status} = 'started'`),
  ],
);

/**
 * Provider webhook events already handled, by the provider's event id: a delivery repeated
 * (a retry, a replay) is answered as done without being handled again.
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    storeId: storeId(),
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.provider, t.eventId] })],
);
