import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import {
  orderLines,
  shipmentEvents,
  shipmentLines,
  shipments,
  type TrackingStatus,
} from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import type { OrderView } from '../schemas/orders.js';
import { isUuid } from '../uuid.js';
import { notifyOrderUpdate } from './notifications/triggers.js';
import { orderView } from './order-views.js';
import { findOrderRow } from './orders.js';
import type { Store } from './stores.js';

/** A line and how many of it: what a shipment carries or a return sends back. */
export interface LineQuantity {
  lineId: string;
  quantity: number;
}

export interface ShipmentInput {
  carrier: string;
  trackingNumber: string;
  trackingUrl?: string | undefined;
  /** Absent: everything of the order not shipped yet. */
  lines?: LineQuantity[] | undefined;
}

export interface TrackingEventInput {
  time: string;
  status: TrackingStatus;
  description?: string | undefined;
  location?: string | undefined;
}

/** The tracking statuses that tell the shopper; the others only show on the order page. */
const toldStatuses = { out_for_delivery: 'out_for_delivery', delivered: 'delivered' } as const;

/**
 * What of each line is left to ship: ordered minus what earlier shipments carry. Asked
 * lines beyond it, or not of this order, are refused whole (nothing is written).
 */
function checkQuantities(
  lines: { id: string; quantity: number }[],
  taken: Map<string, number>,
  asked: LineQuantity[] | undefined,
): LineQuantity[] {
  const left = new Map(lines.map((l) => [l.id, l.quantity - (taken.get(l.id) ?? 0)]));
  const wanted =
    asked ?? [...left].filter(([, q]) => q > 0).map(([lineId, quantity]) => ({ lineId, quantity }));
  const seen = new Set<string>();
  for (const line of wanted) {
    const available = left.get(line.lineId);
    if (available === undefined) throw new ApiError('line_not_found', 'No such order line.');
    if (seen.has(line.lineId) || line.quantity > available || line.quantity <= 0) {
      throw new ApiError('quantity_unavailable', 'More than is left of this line.', {
        lineId: line.lineId,
        available,
      });
    }
    seen.add(line.lineId);
  }
  if (wanted.length === 0) {
    throw new ApiError('quantity_unavailable', 'Everything of this order is shipped already.');
  }
  return wanted;
}

/**
 * A shipment of a paid order's lines (all that is left when no lines are given). The order
 * row is locked, so two shipments written at once never carry the same units; the shopper's
 * order-updates subscriptions are told in the same transaction.
 */
export async function createShipment(
  db: Db,
  store: Store,
  orderId: string,
  input: ShipmentInput,
  now: Date,
): Promise<OrderView> {
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, store, orderId, true);
    if (order.status !== 'paid') {
      throw new ApiError('order_not_paid', `Only paid orders ship; this one is ${order.status}.`, {
        status: order.status,
      });
    }
    // One after the other: a transaction is one connection.
    const lines = await tx
      .select({ id: orderLines.id, quantity: orderLines.quantity })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, order.id), eq(orderLines.storeId, store.id)));
    const shipped = await tx
      .select({
        lineId: shipmentLines.orderLineId,
        quantity: sql<number>`sum(${shipmentLines.quantity})`.mapWith(Number),
      })
      .from(shipmentLines)
      .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
      .where(and(eq(shipments.orderId, order.id), eq(shipments.storeId, store.id)))
      .groupBy(shipmentLines.orderLineId);
    const wanted = checkQuantities(
      lines,
      new Map(shipped.map((s) => [s.lineId, s.quantity])),
      input.lines,
    );
    const shipmentId = crypto.randomUUID();
    await tx.insert(shipments).values({
      id: shipmentId,
      storeId: store.id,
      orderId: order.id,
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      trackingUrl: input.trackingUrl ?? null,
      createdAt: now,
    });
    await tx.insert(shipmentLines).values(
      wanted.map((l) => ({
        id: crypto.randomUUID(),
        storeId: store.id,
        shipmentId,
        orderLineId: l.lineId,
        quantity: l.quantity,
      })),
    );
    await notifyOrderUpdate(tx, store, order, 'shipped', now, {
      cause: shipmentId,
      carrier: input.carrier,
    });
    return orderView(tx, store, order, now);
  });
}

/**
 * A carrier's tracking event on a shipment of the order. Out for delivery and delivered
 * tell the shopper (once per shipment and status); the others only show on the order.
 */
export async function addTrackingEvent(
  db: Db,
  store: Store,
  orderId: string,
  shipmentId: string,
  input: TrackingEventInput,
  now: Date,
): Promise<OrderView> {
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, store, orderId);
    const notFound = () => new ApiError('shipment_not_found', 'No such shipment.');
    if (!isUuid(shipmentId)) throw notFound();
    const [shipment] = await tx
      .select({ id: shipments.id })
      .from(shipments)
      .where(
        and(
          eq(shipments.id, shipmentId),
          eq(shipments.orderId, order.id),
          eq(shipments.storeId, store.id),
        ),
      );
    if (!shipment) throw notFound();
    await tx.insert(shipmentEvents).values({
      id: crypto.randomUUID(),
      storeId: store.id,
      shipmentId,
      occurredAt: new Date(input.time),
      status: input.status,
      description: input.description ?? null,
      location: input.location ?? null,
      createdAt: now,
    });
    const told = toldStatuses[input.status as keyof typeof toldStatuses];
    if (told) await notifyOrderUpdate(tx, store, order, told, now, { cause: shipmentId });
    return orderView(tx, store, order, now);
  });
}

/** When the order's first parcel was delivered (the start of a return window), if it was. */
export async function firstDeliveredAt(
  conn: Pick<Db, 'select'>,
  store: Store,
  orderId: string,
): Promise<Date | null> {
  const [row] = await conn
    .select({ at: sql<Date | string | null>`min(${shipmentEvents.occurredAt})` })
    .from(shipmentEvents)
    .innerJoin(shipments, eq(shipments.id, shipmentEvents.shipmentId))
    .where(
      and(
        eq(shipments.orderId, orderId),
        eq(shipments.storeId, store.id),
        eq(shipmentEvents.status, 'delivered'),
      ),
    );
  return row?.at ? new Date(row.at) : null;
}
