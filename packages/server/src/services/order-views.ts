import { and, asc, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { orderLines, type orders, pointsEntries } from '../db/schema/index.js';
import type { OrderView } from '../schemas/orders.js';
import { earnMultiplier } from './membership.js';
import { toMoney } from './money.js';
import { pointsToEarn } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type OrderRow = typeof orders.$inferSelect;

/** A pending order past its hold is expired, whether or not the sweep has written it yet. */
export function effectiveStatus(order: OrderRow, now: Date): OrderRow['status'] {
  return order.status === 'pending' && order.expiresAt !== null && order.expiresAt <= now
    ? 'expired'
    : order.status;
}

/** Orders with their lines and the points each earned (net of reversal), in 3 queries. */
export async function orderViews(
  conn: Conn,
  store: Store,
  rows: OrderRow[],
  now: Date,
): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const [lines, earns] = await Promise.all([
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
      })
      .from(pointsEntries)
      .where(
        and(inArray(pointsEntries.orderId, ids), inArray(pointsEntries.kind, ['earn', 'reverse'])),
      ),
  ]);
  // A pending order earns by its customer's tier at payment; said here as of now.
  const multipliers = new Map<string, number>();
  for (const o of rows) {
    if (o.customerId && !multipliers.has(o.customerId) && effectiveStatus(o, now) === 'pending')
      multipliers.set(o.customerId, await earnMultiplier(conn, store, o.customerId, now));
  }
  return rows.map((o) => {
    const own = lines.filter((l) => l.orderId === o.id);
    const earned = earns.find((e) => e.orderId === o.id && e.kind === 'earn')?.points ?? 0;
    // A reverse entry with negative points undoes the earn (one reversal per entry).
    const reversedEarn = earns.some(
      (e) => e.orderId === o.id && e.kind === 'reverse' && e.points < 0,
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
      total: toMoney(o.totalMinor, o.currency),
      pointsRedeemed: o.pointsRedeemed,
      pointsEarned: reversedEarn ? 0 : earned,
      pointsToEarn:
        status === 'pending'
          ? pointsToEarn(store.pointsRules, o, multipliers.get(o.customerId ?? '') ?? 1)
          : 0,
      createdAt: o.createdAt.toISOString(),
      expiresAt: o.expiresAt?.toISOString() ?? null,
      paidAt: o.paidAt?.toISOString() ?? null,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
      payment: o.paymentProvider
        ? { provider: o.paymentProvider, reference: o.paymentReference }
        : null,
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
