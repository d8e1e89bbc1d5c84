import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, exists, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { customers, orderLines, orders, pointsEntries, variants } from '../db/schema/index.js';
import { DEFAULT_ORDER_HOLD_MINUTES } from '../db/types.js';
import { ApiError } from '../errors.js';
import { afterNewest, toPage } from '../pagination.js';
import type { OrderView } from '../schemas/orders.js';
import { isUuid } from '../uuid.js';
import {
  type CartContext,
  findCart,
  lockCart,
  markCartOrdered,
  type PricedLine,
  pricedLines,
} from './carts.js';
import { checkedMinor, linesTotalMinor, toMoney } from './money.js';
import { releaseOrder } from './order-release.js';
import { earnForOrder, lockCustomer, redeemForOrder } from './points.js';
import { pointsToEarn, pricePoints } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type OrderRow = typeof orders.$inferSelect;

/** A pending order past its hold is expired, whether or not the sweep has written it yet. */
export function effectiveStatus(order: OrderRow, now: Date): OrderRow['status'] {
  return order.status === 'pending' && order.expiresAt !== null && order.expiresAt <= now
    ? 'expired'
    : order.status;
}

/** How long this store's unpaid orders hold their stock and points. */
export function orderHoldMs(store: Store): number {
  return (store.settings.orderHoldMinutes ?? DEFAULT_ORDER_HOLD_MINUTES) * 60_000;
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
      })),
      itemCount: own.reduce((s, l) => s + l.quantity, 0),
      subtotal: toMoney(o.subtotalMinor, o.currency),
      discount: toMoney(o.discountMinor, o.currency),
      total: toMoney(o.totalMinor, o.currency),
      pointsRedeemed: o.pointsRedeemed,
      pointsEarned: reversedEarn ? 0 : earned,
      pointsToEarn: status === 'pending' ? pointsToEarn(store.pointsRules, o) : 0,
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

/** The cart's open order (pending; paid only in the instant before the cart is converted). */
async function openOrderOf(conn: Conn, storeId: string, cartId: string) {
  const [order] = await conn
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.cartId, cartId),
        eq(orders.storeId, storeId),
        inArray(orders.status, ['pending', 'paid']),
      ),
    );
  return order;
}

/** What a checkout of the cart would order now, to compare with its pending order. */
interface Snapshot {
  customerId: string | null;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  pointsRedeemed: number;
  lines: PricedLine[];
}

const lineKey = (l: {
  variantId: string;
  quantity: number;
  unitPriceMinor: number;
  ref: string | null;
}) => `${l.variantId}:${l.quantity}:${l.unitPriceMinor}:${l.ref ?? ''}`;

/** Whether the pending order holds exactly what the cart would order now (prices included). */
async function holdsSnapshot(tx: Tx, order: OrderRow, next: Snapshot): Promise<boolean> {
  if (
    order.customerId !== next.customerId ||
    order.currency !== next.currency ||
    order.subtotalMinor !== next.subtotalMinor ||
    order.discountMinor !== next.discountMinor ||
    order.pointsRedeemed !== next.pointsRedeemed
  ) {
    return false;
  }
  const held = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const a = held.map(lineKey).sort();
  const b = next.lines.map((l) => lineKey({ ...l, unitPriceMinor: l.unitMinor })).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** Locks customer rows in id order, so two transactions that need the same two never deadlock. */
async function lockCustomers(tx: Tx, storeId: string, ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  for (const id of unique) await lockCustomer(tx, storeId, id);
  return new Set(unique);
}

/** Locks variant rows in id order before a transaction both restocks and takes stock. */
async function lockVariants(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  await tx
    .select({ id: variants.id })
    .from(variants)
    .where(inArray(variants.id, [...new Set(ids)]))
    .orderBy(asc(variants.id))
    .for('update');
}

/**
 * Checks a cart out into a pending order, in ONE transaction. The cart stays active (the
 * shopper may come back to it); it becomes 'ordered' only when the order is paid.
 *
 * - The cart's pending order is reused when it still holds exactly what the cart would order
 *   (its hold renewed), so a repeated checkout is harmless. If the cart changed, or the hold
 *   is over, that order is released (cancelled, or expired) — its stock and points back,
 *   once — and a new one is made.
 * - Stock is taken line by line with a conditional decrement (`stock >= q`), so two checkouts
 *   never sell the same last unit; points are re-checked and spent under the customer's row
 *   lock; the partial unique index orders_one_open_per_cart keeps one open order per cart.
 * - Lock order everywhere: customers, cart, order, variants (no deadlocks). Any failure rolls
 *   everything back.
 */
export async function checkout(
  ctx: CartContext,
  cartId: string,
  email: string | undefined,
): Promise<{ order: OrderView; created: boolean }> {
  const { store, now } = ctx;
  // The customer of the cart's open order is locked up front too: replacing that order
  // gives its points back. Read without a lock; re-checked once the cart is locked.
  const peek = isUuid(cartId) ? await openOrderOf(ctx.db, store.id, cartId) : undefined;
  return ctx.db.transaction(async (tx) => {
    const locked = await lockCustomers(tx, store.id, [ctx.customerId, peek?.customerId]);
    const cart = await findCart(tx, ctx, cartId, { lock: true });
    const lines = await pricedLines(tx, cart);
    if (lines.length === 0) throw new ApiError('empty_cart', 'The cart is empty.');
    const subtotal = linesTotalMinor(lines);
    const subtotalMinor = checkedMinor(subtotal, cart.currency);

    const customerId = cart.customerId ?? ctx.customerId;
    const points = cart.pointsRedeemed;
    const price = pricePoints(
      store.pointsRules,
      { subtotalMinor: subtotal, currency: cart.currency },
      points,
    );
    if (!price.withinLimit) {
      throw new ApiError(
        'points_limit_exceeded',
        `Points may pay at most ${store.pointsRules.maxRedeemPercent}% of the subtotal.`,
      );
    }
    // Within the limit, the discount is the points' whole worth (a number: the subtotal is checked).
    const discountMinor = Number(price.discountMinor);
    const expiresAt = new Date(now.getTime() + orderHoldMs(store));

    const open = await openOrderOf(tx, store.id, cart.id);
    if (open?.status === 'paid') {
      throw new ApiError('cart_not_active', 'This cart has already been checked out.');
    }
    if (open) {
      const live = effectiveStatus(open, now) === 'pending';
      const unchanged =
        live &&
        (await holdsSnapshot(tx, open, {
          customerId,
          currency: cart.currency,
          subtotalMinor,
          discountMinor,
          pointsRedeemed: points,
          lines,
        }));
      if (unchanged) {
        const [kept] = await tx
          .update(orders)
          .set({ expiresAt, ...(email ? { email } : {}) })
          .where(and(eq(orders.id, open.id), eq(orders.status, 'pending')))
          .returning();
        if (kept) return { order: await orderView(tx, store, kept, now), created: false };
      }
      // Rare: the open order changed hands between the peek and the cart lock.
      if (open.customerId && !locked.has(open.customerId)) {
        await lockCustomer(tx, store.id, open.customerId);
      }
      const held = await tx
        .select({ variantId: orderLines.variantId })
        .from(orderLines)
        .where(eq(orderLines.orderId, open.id));
      await lockVariants(
        tx,
        [...held, ...lines].map((l) => l.variantId),
      );
      await releaseOrder(tx, store, open.id, {
        to: live ? 'cancelled' : 'expired',
        from: ['pending'],
        reason: live ? 'Order replaced' : 'Order expired',
        now,
      });
    }

    // Variant order is fixed so concurrent checkouts lock rows in the same order (no deadlock).
    for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      const taken = await tx
        .update(variants)
        .set({ stock: sql`${variants.stock} - ${line.quantity}` })
        .where(
          and(
            eq(variants.id, line.variantId),
            eq(variants.storeId, store.id),
            sql`${variants.stock} >= ${line.quantity}`,
          ),
        )
        .returning({ stock: variants.stock });
      if (taken.length === 0) {
        const [current] = await tx
          .select({ stock: variants.stock })
          .from(variants)
          .where(eq(variants.id, line.variantId));
        throw new ApiError('out_of_stock', 'Not enough stock for a line of this cart.', {
          variantId: line.variantId,
          available: current?.stock ?? 0,
        });
      }
    }

    let receipt = email ?? null;
    if (customerId && !receipt) {
      const [customer] = await tx
        .select({ email: customers.email })
        .from(customers)
        .where(eq(customers.id, customerId));
      receipt = customer?.email ?? null;
    }

    const orderId = randomUUID();
    const [order] = await tx
      .insert(orders)
      .values({
        id: orderId,
        storeId: store.id,
        cartId: cart.id,
        customerId,
        email: receipt,
        status: 'pending',
        currency: cart.currency,
        subtotalMinor,
        discountMinor,
        totalMinor: subtotalMinor - discountMinor,
        pointsRedeemed: points,
        createdAt: now,
        expiresAt,
      })
      // The cart lock serialises checkouts of one cart; the index is the last word.
      .onConflictDoNothing({
        target: orders.cartId,
        where: sql.raw(`status in ('pending', 'paid')`),
      })
      .returning();
    if (!order) throw new ApiError('cart_not_active', 'This cart has an open order already.');
    await tx.insert(orderLines).values(
      lines.map((l) => ({
        id: randomUUID(),
        storeId: store.id,
        orderId,
        productId: l.productId,
        variantId: l.variantId,
        title: l.title,
        variantTitle: l.variantTitle,
        quantity: l.quantity,
        unitPriceMinor: l.unitMinor,
        ref: l.ref,
      })),
    );
    if (points > 0) {
      if (!customerId) throw new ApiError('unauthenticated', 'Sign in to redeem points.');
      await redeemForOrder(tx, store, customerId, orderId, points, now);
    }
    return { order: await orderView(tx, store, order, now), created: true };
  });
}

async function findOrderRow(conn: Conn, store: Store, orderId: string, lock = false) {
  const notFound = () => new ApiError('order_not_found', 'No such order.');
  if (!isUuid(orderId)) throw notFound();
  const query = conn
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.storeId, store.id)));
  const [order] = lock ? await query.for('update') : await query;
  if (!order) throw notFound();
  return order;
}

/** An order as the storefront sees it: a customer's only by them, a guest order by its id. */
export async function getOrderFor(
  db: Db,
  store: Store,
  customerId: string | null,
  orderId: string,
  now: Date,
): Promise<OrderView> {
  const order = await findOrderRow(db, store, orderId);
  if (order.customerId !== null && order.customerId !== customerId) {
    throw new ApiError('order_not_found', 'No such order.');
  }
  return orderView(db, store, order, now);
}

/** For the hosted checkout page: any store, by the unguessable order id. */
export async function findOrderById(db: Db, orderId: string) {
  if (!isUuid(orderId)) return undefined;
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return order;
}

export async function listOrders(
  db: Db,
  store: Store,
  filter: { customerId?: string; ref?: string },
  first: number,
  after: string | undefined,
  now: Date,
) {
  const conditions = [eq(orders.storeId, store.id)];
  if (filter.customerId) conditions.push(eq(orders.customerId, filter.customerId));
  if (filter.ref) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(orderLines)
          .where(
            and(
              eq(orderLines.orderId, orders.id),
              eq(orderLines.storeId, store.id),
              eq(orderLines.ref, filter.ref),
            ),
          ),
      ),
    );
  }
  if (after) conditions.push(afterNewest(after, orders.createdAt, orders.id));
  const rows = await db
    .select()
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(first + 1);
  const page = toPage(rows, first, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await orderViews(db, store, page.items, now), nextCursor: page.nextCursor };
}

/** Who took the money: a provider's id and its reference for the charge. */
export interface PaymentRecord {
  provider: string;
  reference: string | null;
}

/**
 * pending → paid with a conditional update that also requires the hold not to be over, so
 * concurrent calls (webhook retries) pay once, and an order the expiry sweep may release is
 * never paid: of a payment and an expiry, exactly one wins. In the same transaction the cart
 * becomes 'ordered' (the shopper's next visit starts a new cart) and the points are earned
 * (the earn entry is unique per order). Already paid: unchanged (idempotent).
 *
 * Lock order: cart, then order — as checkout, which locks the cart before replacing its order.
 */
export async function markPaid(
  db: Db,
  store: Store,
  orderId: string,
  now: Date,
  payment: PaymentRecord = { provider: 'manual', reference: null },
): Promise<OrderView> {
  return db.transaction(async (tx) => {
    const current = await findOrderRow(tx, store, orderId);
    // The lock order of checkout and the expiry sweep: customer, then cart, then the order.
    // Earning locks the customer; taking it only then (after the order) deadlocked with a
    // sweep that holds the customer and waits for the order.
    if (current.customerId) await lockCustomer(tx, store.id, current.customerId);
    await lockCart(tx, current.cartId);
    const [paid] = await tx
      .update(orders)
      .set({
        status: 'paid',
        paidAt: now,
        paymentProvider: payment.provider,
        paymentReference: payment.reference,
      })
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.storeId, store.id),
          eq(orders.status, 'pending'),
          or(isNull(orders.expiresAt), gt(orders.expiresAt, now)),
        ),
      )
      .returning();
    if (paid) {
      await earnForOrder(tx, store, paid, now, now);
      await markCartOrdered(tx, paid.cartId, now);
      return orderView(tx, store, paid, now);
    }
    const order = await findOrderRow(tx, store, orderId);
    const status = effectiveStatus(order, now);
    if (status === 'paid') return orderView(tx, store, order, now);
    if (status === 'expired') {
      throw new ApiError('order_expired', 'The order expired before it was paid.', { status });
    }
    throw new ApiError('order_not_pending', `The order is ${status}.`, { status });
  });
}

/**
 * Cancel (pending or paid) or refund (paid): one conditional status change, then the
 * lines go back into stock and this order's ledger entries are reversed. Repeating the
 * same transition is a no-op that returns the order.
 */
export async function closeOrder(
  db: Db,
  store: Store,
  orderId: string,
  to: 'cancelled' | 'refunded',
  now: Date,
): Promise<OrderView> {
  const from: OrderRow['status'][] = to === 'cancelled' ? ['pending', 'paid'] : ['paid'];
  return db.transaction(async (tx) => {
    // Customer lock first, as in checkout, before the order's variants are restocked.
    const current = await findOrderRow(tx, store, orderId);
    if (current.customerId) await lockCustomer(tx, store.id, current.customerId);
    const closed = await releaseOrder(tx, store, orderId, {
      to,
      from,
      reason: to === 'cancelled' ? 'Order cancelled' : 'Order refunded',
      now,
    });
    if (closed) return orderView(tx, store, closed, now);
    const order = await findOrderRow(tx, store, orderId);
    if (order.status === to) return orderView(tx, store, order, now);
    throw to === 'cancelled'
      ? new ApiError(
          'order_not_cancellable',
          `The order is ${order.status}: it cannot be cancelled.`,
          {
            status: order.status,
          },
        )
      : new ApiError(
          'order_not_paid',
          `Only paid orders can be refunded; this one is ${order.status}.`,
          { status: order.status },
        );
  });
}
