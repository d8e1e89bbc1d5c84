import { and, asc, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import {
  orderLines,
  type orders,
  pointsEntries,
  refunds,
  returnLines,
  returnRequests,
  shipmentEvents,
  shipmentLines,
  shipments,
} from '../db/schema/index.js';
import type { OrderView, RefundView, ReturnRequestView, ShipmentView } from '../schemas/orders.js';
import { earnMultiplier } from './membership.js';
import { toMoney } from './money.js';
import { earningBaseMinor, pointsToEarn } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type OrderRow = typeof orders.$inferSelect;

/** A pending order past its hold is expired, whether or not the sweep has written it yet. */
export function effectiveStatus(order: OrderRow, now: Date): OrderRow['status'] {
  return order.status === 'pending' && order.expiresAt !== null && order.expiresAt <= now
    ? 'expired'
    : order.status;
}

/** The orders' shipments with their lines and events, oldest first, in 3 queries. */
async function shipmentsOf(conn: Conn, orderIds: string[]) {
  const rows = await conn
    .select()
    .from(shipments)
    .where(inArray(shipments.orderId, orderIds))
    .orderBy(asc(shipments.createdAt), asc(shipments.id));
  if (rows.length === 0) return new Map<string, ShipmentView[]>();
  const ids = rows.map((r) => r.id);
  const [lines, events] = await Promise.all([
    conn
      .select()
      .from(shipmentLines)
      .where(inArray(shipmentLines.shipmentId, ids))
      .orderBy(asc(shipmentLines.id)),
    conn
      .select()
      .from(shipmentEvents)
      .where(inArray(shipmentEvents.shipmentId, ids))
      .orderBy(asc(shipmentEvents.occurredAt), asc(shipmentEvents.createdAt)),
  ]);
  const byOrder = new Map<string, ShipmentView[]>();
  for (const r of rows) {
    const own = events.filter((e) => e.shipmentId === r.id);
    const view: ShipmentView = {
      id: r.id,
      carrier: r.carrier,
      trackingNumber: r.trackingNumber,
      trackingUrl: r.trackingUrl,
      lines: lines
        .filter((l) => l.shipmentId === r.id)
        .map((l) => ({ lineId: l.orderLineId, quantity: l.quantity })),
      status: own.at(-1)?.status ?? null,
      events: own.map((e) => ({
        id: e.id,
        time: e.occurredAt.toISOString(),
        status: e.status,
        description: e.description,
        location: e.location,
      })),
      createdAt: r.createdAt.toISOString(),
    };
    byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), view]);
  }
  return byOrder;
}

/** The orders' return requests with their lines, oldest first, in 2 queries. */
async function returnsOf(conn: Conn, orderIds: string[], currencyOf: Map<string, string>) {
  const rows = await conn
    .select()
    .from(returnRequests)
    .where(inArray(returnRequests.orderId, orderIds))
    .orderBy(asc(returnRequests.createdAt), asc(returnRequests.id));
  if (rows.length === 0) return new Map<string, ReturnRequestView[]>();
  const lines = await conn
    .select()
    .from(returnLines)
    .where(
      inArray(
        returnLines.returnId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(returnLines.id));
  const byOrder = new Map<string, ReturnRequestView[]>();
  for (const r of rows) {
    const view: ReturnRequestView = {
      id: r.id,
      status: r.status,
      reason: r.reason,
      comment: r.comment,
      lines: lines
        .filter((l) => l.returnId === r.id)
        .map((l) => ({ lineId: l.orderLineId, quantity: l.quantity })),
      refund: r.refundMinor === null ? null : toMoney(r.refundMinor, currencyOf.get(r.orderId)!),
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    };
    byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), view]);
  }
  return byOrder;
}

/** The orders' refunds, oldest first, in 1 query. */
async function refundsOf(conn: Conn, orderIds: string[]) {
  const rows = await conn
    .select()
    .from(refunds)
    .where(inArray(refunds.orderId, orderIds))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
  const byOrder = new Map<string, RefundView[]>();
  for (const r of rows) {
    const view: RefundView = {
      id: r.id,
      returnId: r.returnId,
      amount: toMoney(r.amountMinor, r.currency),
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      settledAt: r.settledAt?.toISOString() ?? null,
    };
    byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), view]);
  }
  return byOrder;
}

/** Orders with their lines, the points each earned (net of reversal), shipments and returns. */
export async function orderViews(
  conn: Conn,
  store: Store,
  rows: OrderRow[],
  now: Date,
): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const [lines, earns, shipped, returned, refunded] = await Promise.all([
    conn
      .select()
      .from(orderLines)
      .where(inArray(orderLines.orderId, ids))
      .orderBy(asc(orderLines.orderId), asc(orderLines.id)),
    conn
      .select({
        orderId: pointsEntries.orderId,
        points: pointsEntries.points,
        kind: pointsEntries.kind,
        returnId: pointsEntries.returnId,
      })
      .from(pointsEntries)
      .where(
        and(inArray(pointsEntries.orderId, ids), inArray(pointsEntries.kind, ['earn', 'reverse'])),
      ),
    shipmentsOf(conn, ids),
    returnsOf(conn, ids, new Map(rows.map((o) => [o.id, o.currency]))),
    refundsOf(conn, ids),
  ]);
  // A pending order earns by its customer's tier at payment; said here as of now.
  const multipliers = new Map<string, number>();
  for (const o of rows) {
    if (o.customerId && !multipliers.has(o.customerId) && effectiveStatus(o, now) === 'pending')
      multipliers.set(o.customerId, await earnMultiplier(conn, store, o.customerId, now));
  }
  return rows.map((o) => {
    const own = lines.filter((l) => l.orderId === o.id);
    // Reverse entries with negative points undo the earn: returns part of it, a cancel or
    // refund (no return) all of it.
    const undoing = earns.filter((e) => e.orderId === o.id && e.kind === 'reverse' && e.points < 0);
    const earned = undoing.some((e) => e.returnId === null)
      ? 0
      : undoing.reduce(
          (n, e) => n + e.points,
          earns.find((e) => e.orderId === o.id && e.kind === 'earn')?.points ?? 0,
        );
    const status = effectiveStatus(o, now);
    return {
      id: o.id,
      status,
      currency: o.currency,
      customerId: o.customerId,
      email: o.email,
      lines: own.map((l) => ({
        id: l.id,
        productId: l.productId,
        variantId: l.variantId,
        title: l.title,
        variantTitle: l.variantTitle,
        quantity: l.quantity,
        unitPrice: toMoney(l.unitPriceMinor, o.currency),
        lineTotal: toMoney(l.unitPriceMinor * l.quantity, o.currency),
        ref: l.ref,
        campaign: l.campaign,
      })),
      itemCount: own.reduce((s, l) => s + l.quantity, 0),
      subtotal: toMoney(o.subtotalMinor, o.currency),
      discount: toMoney(o.discountMinor, o.currency),
      shippingAddress: o.shippingAddress,
      shipping: o.shippingRate
        ? {
            rateId: o.shippingRate.rateId,
            name: o.shippingRate.name,
            amount: toMoney(o.shippingMinor, o.currency),
            minDays: o.shippingRate.minDays,
            maxDays: o.shippingRate.maxDays,
          }
        : null,
      tax: toMoney(o.taxMinor, o.currency),
      taxIncluded: o.taxIncluded,
      duties: toMoney(o.dutiesMinor, o.currency),
      dutiesMode: o.dutiesMode,
      total: toMoney(o.totalMinor, o.currency),
      pointsRedeemed: o.pointsRedeemed,
      pointsEarned: earned,
      pointsToEarn:
        status === 'pending'
          ? pointsToEarn(
              store.pointsRules,
              { ...o, totalMinor: earningBaseMinor(o) },
              multipliers.get(o.customerId ?? '') ?? 1,
            )
          : 0,
      createdAt: o.createdAt.toISOString(),
      expiresAt: o.expiresAt?.toISOString() ?? null,
      paidAt: o.paidAt?.toISOString() ?? null,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
      payment: o.paymentProvider
        ? { provider: o.paymentProvider, reference: o.paymentReference }
        : null,
      shipments: shipped.get(o.id) ?? [],
      returns: returned.get(o.id) ?? [],
      refunded: toMoney(
        o.status === 'refunded' || (o.status === 'cancelled' && o.paidAt)
          ? o.totalMinor
          : o.returnedMinor,
        o.currency,
      ),
      refunds: refunded.get(o.id) ?? [],
    };
  });
}

export async function orderView(
  conn: Conn,
  store: Store,
  row: OrderRow,
  now: Date,
): Promise<OrderView> {
  return (await orderViews(conn, store, [row], now))[0]!;
}
