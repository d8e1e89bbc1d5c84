import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { orderLines, orders, returnLines, returnRequests } from '../db/schema/index.js';
import { DEFAULT_RETURN_WINDOW_DAYS } from '../db/types.js';
import { ApiError } from '../errors.js';
import type { OrderView } from '../schemas/orders.js';
import { isUuid } from '../uuid.js';
import { lockCustomer } from './locks.js';
import { toMoney } from './money.js';
import { notifyOrderUpdate } from './notifications/triggers.js';
import { releaseOrder, restockVariants } from './order-release.js';
import { type OrderRow, orderView } from './order-views.js';
import { findOrderRow } from './orders.js';
import { reverseOrderEntries } from './points.js';
import { DAY_MS } from './points-entries.js';
import { recordRefund } from './refunds.js';
import { firstDeliveredAt, type LineQuantity } from './shipments.js';
import type { Store } from './stores.js';
import { enqueueOrderEvent } from './webhooks/outbox.js';

type ReturnReason = (typeof returnRequests.$inferSelect)['reason'];

export interface ReturnInput {
  lines: LineQuantity[];
  reason: ReturnReason;
  comment?: string | undefined;
}

/**
 * Each line's share of the order total, in minor units, summing to the total exactly: by
 * line total, the remainder going to the largest fractions (ties to the earlier line). The
 * total is less than the lines' sum when points or a discount paid part of it.
 */
export function lineShares(totalMinor: number, lines: { unitMinor: number; quantity: number }[]) {
  const weights = lines.map((l) => BigInt(l.unitMinor) * BigInt(l.quantity));
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return lines.map(() => 0);
  const total = BigInt(totalMinor);
  const shares = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i]! += 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/**
 * What returning `count` more units of a line refunds, after `before` were returned: the
 * line's share spread over its units so that returning every unit, in any number of returns,
 * refunds the share exactly (floor of the running total, never a rounding drift).
 */
export function unitsRefund(share: number, quantity: number, before: number, count: number) {
  const upTo = (n: number) => (BigInt(share) * BigInt(n)) / BigInt(quantity);
  return Number(upTo(before + count) - upTo(before));
}

/** How many units of each line returns already hold (`statuses`), by line id. */
async function returnedQuantities(
  tx: Tx,
  orderId: string,
  statuses: ('requested' | 'approved')[],
  exceptReturnId?: string,
) {
  const rows = await tx
    .select({
      lineId: returnLines.orderLineId,
      quantity: sql<number>`sum(${returnLines.quantity})`.mapWith(Number),
    })
    .from(returnLines)
    .innerJoin(returnRequests, eq(returnRequests.id, returnLines.returnId))
    .where(
      and(
        eq(returnRequests.orderId, orderId),
        inArray(returnRequests.status, statuses),
        exceptReturnId ? sql`${returnRequests.id} <> ${exceptReturnId}` : undefined,
      ),
    )
    .groupBy(returnLines.orderLineId);
  return new Map(rows.map((r) => [r.lineId, r.quantity]));
}

function orderLinesOf(tx: Tx, store: Store, orderId: string) {
  return tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.storeId, store.id)));
}

/** When the store's return window of this order closes (docs/server/orders.md). */
export async function returnWindowCloses(
  conn: Db | Tx,
  store: Store,
  order: OrderRow,
  now: Date,
): Promise<Date> {
  const settings = store.settings.returns;
  const days = settings?.windowDays ?? DEFAULT_RETURN_WINDOW_DAYS;
  const delivered =
    (settings?.from ?? 'delivered') === 'delivered'
      ? await firstDeliveredAt(conn, store, order.id)
      : null;
  const start = delivered ?? order.paidAt ?? now;
  return new Date(start.getTime() + days * DAY_MS);
}

async function checkWindow(tx: Tx, store: Store, order: OrderRow, now: Date) {
  const closesAt = await returnWindowCloses(tx, store, order, now);
  if (now >= closesAt) {
    throw new ApiError('return_window_closed', 'The return window of this order is over.', {
      closedAt: closesAt.toISOString(),
    });
  }
}

/**
 * What of each line a shopper may still ask to return: ordered minus what returns requested
 * or approved hold (a refused request frees its units).
 */
export function returnableQuantities(order: Pick<OrderView, 'lines' | 'returns'>) {
  const held = new Map<string, number>();
  for (const r of order.returns) {
    if (r.status === 'refused') continue;
    for (const l of r.lines) held.set(l.lineId, (held.get(l.lineId) ?? 0) + l.quantity);
  }
  return new Map(order.lines.map((l) => [l.id, l.quantity - (held.get(l.id) ?? 0)]));
}

/**
 * A shopper asks to return lines of a paid order: their own order, or a guest order by its
 * id (as GET /v1/orders/{id}). The order row is locked, so two requests at once never ask
 * for the same units: what is requested or approved already is not returnable again.
 */
export async function requestReturn(
  db: Db,
  store: Store,
  customerId: string | null,
  orderId: string,
  input: ReturnInput,
  now: Date,
): Promise<OrderView> {
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, store, orderId, true);
    if (order.customerId !== null && order.customerId !== customerId) {
      throw new ApiError('order_not_found', 'No such order.');
    }
    if (order.status !== 'paid') {
      throw new ApiError(
        'order_not_paid',
        `Only paid orders can be returned; this one is ${order.status}.`,
        {
          status: order.status,
        },
      );
    }
    await checkWindow(tx, store, order, now);
    // One after the other: a transaction is one connection.
    const lines = await orderLinesOf(tx, store, order.id);
    const held = await returnedQuantities(tx, order.id, ['requested', 'approved']);
    const seen = new Set<string>();
    for (const asked of input.lines) {
      const line = lines.find((l) => l.id === asked.lineId);
      if (!line) throw new ApiError('line_not_found', 'No such order line.');
      const available = line.quantity - (held.get(line.id) ?? 0);
      if (seen.has(line.id) || asked.quantity > available) {
        throw new ApiError('quantity_unavailable', 'More than is left to return of this line.', {
          lineId: line.id,
          available,
        });
      }
      seen.add(line.id);
    }
    const returnId = crypto.randomUUID();
    await tx.insert(returnRequests).values({
      id: returnId,
      storeId: store.id,
      orderId: order.id,
      reason: input.reason,
      comment: input.comment ?? null,
      createdAt: now,
    });
    await tx.insert(returnLines).values(
      input.lines.map((l) => ({
        id: crypto.randomUUID(),
        storeId: store.id,
        returnId,
        orderLineId: l.lineId,
        quantity: l.quantity,
      })),
    );
    return orderView(tx, store, order, now);
  });
}

async function findReturn(tx: Tx, store: Store, orderId: string, returnId: string) {
  const [row] = await tx
    .select()
    .from(returnRequests)
    .where(
      and(
        eq(returnRequests.id, returnId),
        eq(returnRequests.orderId, orderId),
        eq(returnRequests.storeId, store.id),
      ),
    );
  if (!row) throw new ApiError('return_not_found', 'No such return.');
  return row;
}

/** The same decision again answers the order; the other decision is a conflict. */
async function decided(
  tx: Tx,
  store: Store,
  order: OrderRow,
  returnId: string,
  wanted: 'approved' | 'refused',
  now: Date,
) {
  const row = await findReturn(tx, store, order.id, returnId);
  if (row.status === wanted) return orderView(tx, store, order, now);
  throw new ApiError('return_already_decided', `The return is ${row.status}.`, {
    status: row.status,
  });
}

/**
 * The merchant approves a return: its lines' share of the order total is refunded (exact in
 * minor units: see lineShares), the same share of the points the order earned and spent is
 * reversed (reverseOrderEntries), and their units go back in stock. The return that completes
 * the order refunds it as POST …/refund does (status refunded; nothing of its points is left
 * to reverse). One conditional update (requested → approved) under the order's row lock decides,
 * so two approvals at once refund once.
 */
export async function approveReturn(
  db: Db,
  store: Store,
  orderId: string,
  returnId: string,
  now: Date,
): Promise<OrderView> {
  if (!isUuid(returnId)) throw new ApiError('return_not_found', 'No such return.');
  return db.transaction(async (tx) => {
    const current = await findOrderRow(tx, store, orderId);
    // Lock order: customer (the ledger), then the order.
    if (current.customerId) await lockCustomer(tx, store.id, current.customerId);
    const order = await findOrderRow(tx, store, orderId, true);
    const [approved] = await tx
      .update(returnRequests)
      .set({ status: 'approved', decidedAt: now })
      .where(
        and(
          eq(returnRequests.id, returnId),
          eq(returnRequests.orderId, order.id),
          eq(returnRequests.storeId, store.id),
          eq(returnRequests.status, 'requested'),
        ),
      )
      .returning();
    if (!approved) return decided(tx, store, order, returnId, 'approved', now);
    if (order.status !== 'paid') {
      throw new ApiError('order_not_paid', `The order is ${order.status}: nothing to refund.`, {
        status: order.status,
      });
    }
    const lines = await orderLinesOf(tx, store, order.id);
    const before = await returnedQuantities(tx, order.id, ['approved'], approved.id);
    const asked = await tx.select().from(returnLines).where(eq(returnLines.returnId, approved.id));
    const shares = lineShares(
      order.totalMinor,
      lines.map((l) => ({ unitMinor: l.unitPriceMinor, quantity: l.quantity })),
    );
    let refund = 0;
    for (const a of asked) {
      const i = lines.findIndex((l) => l.id === a.orderLineId);
      refund += unitsRefund(
        shares[i]!,
        lines[i]!.quantity,
        before.get(a.orderLineId) ?? 0,
        a.quantity,
      );
    }
    await tx
      .update(returnRequests)
      .set({ refundMinor: refund })
      .where(eq(returnRequests.id, approved.id));
    const [updated] = await tx
      .update(orders)
      .set({ returnedMinor: sql`${orders.returnedMinor} + ${refund}` })
      .where(eq(orders.id, order.id))
      .returning();
    // The points go back as the money does: this return's share of the order, by list value.
    // (By units when every line was free: a share of nothing is undefined.)
    const free = lines.every((l) => l.unitPriceMinor === 0);
    const value = (count: (line: (typeof lines)[number]) => number) =>
      lines.reduce((sum, l) => sum + (free ? 1 : l.unitPriceMinor) * count(l), 0);
    const returning = (l: (typeof lines)[number]) =>
      asked.filter((a) => a.orderLineId === l.id).reduce((n, a) => n + a.quantity, 0);
    await reverseOrderEntries(tx, store, order, 'Items returned', now, {
      returnId: approved.id,
      before: value((l) => before.get(l.id) ?? 0),
      after: value((l) => (before.get(l.id) ?? 0) + returning(l)),
      whole: value((l) => l.quantity),
    });
    await recordRefund(tx, order, refund, approved.id, now);
    await restockVariants(
      tx,
      store,
      asked.map((a) => ({
        variantId: lines.find((l) => l.id === a.orderLineId)!.variantId,
        quantity: a.quantity,
      })),
      now,
    );
    const everything = lines.every((l) => (before.get(l.id) ?? 0) + returning(l) === l.quantity);
    let final = updated!;
    if (everything) {
      final =
        (await releaseOrder(tx, store, order.id, {
          to: 'refunded',
          from: ['paid'],
          reason: 'Order returned',
          now,
        })) ?? final;
    }
    await notifyOrderUpdate(tx, store, order, 'return_approved', now, {
      cause: approved.id,
      amount: toMoney(refund, order.currency),
    });
    const view = await orderView(tx, store, final, now);
    if (everything) await enqueueOrderEvent(tx, store.id, 'order.refunded', view, now);
    return view;
  });
}

/** The merchant refuses a return (with an optional note the shopper sees); nothing is refunded. */
export async function refuseReturn(
  db: Db,
  store: Store,
  orderId: string,
  returnId: string,
  note: string | undefined,
  now: Date,
): Promise<OrderView> {
  if (!isUuid(returnId)) throw new ApiError('return_not_found', 'No such return.');
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, store, orderId, true);
    const [refused] = await tx
      .update(returnRequests)
      .set({ status: 'refused', decidedAt: now, note: note ?? null })
      .where(
        and(
          eq(returnRequests.id, returnId),
          eq(returnRequests.orderId, order.id),
          eq(returnRequests.storeId, store.id),
          eq(returnRequests.status, 'requested'),
        ),
      )
      .returning();
    if (!refused) return decided(tx, store, order, returnId, 'refused', now);
    await notifyOrderUpdate(tx, store, order, 'return_refused', now, { cause: refused.id });
    return orderView(tx, store, order, now);
  });
}
