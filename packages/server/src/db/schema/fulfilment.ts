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
import { orderLines, orders } from './orders.js';

/** What happened to a parcel, as the carrier reports it (the shopper is told of the bold ones). */
export const trackingStatuses = [
  'info_received',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'exception',
] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

/** A parcel of some of an order's lines, sent by a carrier under a tracking number. */
export const shipments = pgTable(
  'shipments',
  {
    id: id(),
    storeId: storeId(),
    orderId: ownedBy('order_id', () => orders.id),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    trackingUrl: text('tracking_url'),
    createdAt: createdAt(),
  },
  (t) => [index('shipments_order').on(t.orderId)],
);

/** Which quantity of which order line a shipment carries. */
export const shipmentLines = pgTable(
  'shipment_lines',
  {
    id: id(),
    storeId: storeId(),
    shipmentId: ownedBy('shipment_id', () => shipments.id),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    index('shipment_lines_shipment').on(t.shipmentId),
    check('shipment_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const shipmentEvents = pgTable(
  'shipment_events',
  {
    id: id(),
    storeId: storeId(),
    shipmentId: ownedBy('shipment_id', () => shipments.id),
    /** When it happened at the carrier (not when it was recorded). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: trackingStatuses }).notNull(),
    description: text('description'),
    location: text('location'),
    createdAt: createdAt(),
  },
  (t) => [index('shipment_events_shipment').on(t.shipmentId, t.occurredAt)],
);

/** requested → approved (refunded) | refused. */
export const returnStatuses = ['requested', 'approved', 'refused'] as const;
export const returnReasons = [
  'damaged',
  'wrong_item',
  'not_as_described',
  'no_longer_needed',
  'size_or_fit',
  'other',
] as const;

export const returnRequests = pgTable(
  'return_requests',
  {
    id: id(),
    storeId: storeId(),
    orderId: ownedBy('order_id', () => orders.id),
    status: text('status', { enum: returnStatuses }).notNull().default('requested'),
    reason: text('reason', { enum: returnReasons }).notNull(),
    /** The shopper's own words: text, never HTML. */
    comment: text('comment'),
    /** What approving refunded, in the order's currency; set once, by the approval. */
    refundMinor: minor('refund_minor'),
    /** The merchant's note when refusing (shown to the shopper). */
    note: text('note'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('return_requests_order').on(t.orderId)],
);

export const returnLines = pgTable(
  'return_lines',
  {
    id: id(),
    storeId: storeId(),
    returnId: ownedBy('return_id', () => returnRequests.id),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    index('return_lines_return').on(t.returnId),
    uniqueIndex('return_lines_once_per_request').on(t.returnId, t.orderLineId),
    check('return_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);
