import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, storeId } from './columns.js';

/** What a store can be told about by webhook (contract §7). */
export const WEBHOOK_EVENTS = ['order.created', 'order.paid', 'order.refunded'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * A store's webhook endpoint: where its events go, signed with `secret` (Standard Webhooks,
 * `whsec_…`). The secret is kept as it is, not hashed: every delivery is signed with it.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    storeId: storeId(),
    url: text('url').notNull(),
    events: text('events', { enum: WEBHOOK_EVENTS }).array().notNull(),
    secret: text('secret').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_endpoints_store').on(t.storeId, t.createdAt)],
);

/**
 * The webhook outbox: one row per endpoint and event, written in the transaction of the order
 * change it tells of and sent by the send-webhooks job. `message_id` (`msg_…`) is the
 * `webhook-id` header, the same on every attempt, so receivers can drop repeats. Deleting an
 * endpoint deletes what it had not been sent yet, and its history.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    storeId: storeId(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    eventType: text('event_type', { enum: WEBHOOK_EVENTS }).notNull(),
    /** The body sent: `{ type, timestamp, data }`. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** A worker's lease: past it, another worker may claim the row again. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** The HTTP status of the last attempt (null: no answer). */
    lastStatus: integer('last_status'),
    /** A short code of the last failure (`http_500`, `timeout`…), never a body. */
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('webhook_deliveries_message').on(t.endpointId, t.messageId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint').on(t.endpointId, t.createdAt),
    // The purge finds finished deliveries past the retention by age.
    index('webhook_deliveries_created').on(t.createdAt),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
