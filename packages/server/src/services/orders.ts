import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { customers, orderLines, orders, pointsEntries, variants } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { decodeCursor, toPage } from '../pagination.js';
import { isUuid } from '../uuid.js';
import {
  type CartContext,
  findCart,
  markCartOrdered,
  pricedLines,
  redeemLimitMinor,
} from './carts.js';
import { checkedMinor, linesTotalMinor, type Money, toMoney } from './money.js';
import {
  earnForOrder,
  lockCustomer,
  pointsValueMinor,
  redeemForOrder,
  reverseOrderEntries,
} from './points.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type OrderRow = typeof orders.$inferSelect;

export interface OrderLineView {
  id: string;
  productId: string;
  variantId: string;
  title: string;
  variantTitle: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  ref: string | null;
}

export interface OrderView {
  id: string;
  status: OrderRow['status'];
  currency: string;
  customerId: string | null;
  email: string | null;
  lines: OrderLineView[];
  itemCount: number;
  subtotal: Money;
  discount: Money;
  total: Money;
  pointsRedeemed: number;
  pointsEarned: number;
  createdAt: string;
  paidAt: string | null;
  cancelledAt: string | null;
}

/** Orders with their lines and the points each earned (net of reversal), in 3 queries. */
export async function orderViews(conn: Conn, rows: OrderRow[]): Promise<OrderView[]> {
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
    return {
      id: o.id,
      status: o.status,
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
      createdAt: o.createdAt.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
    };
  });
}

export async function orderView(conn: Conn, row: OrderRow): Promise<OrderView> {
  return (await orderViews(conn, [row]))[0]!;
}

/**
 * Turns a cart into a pending order in ONE transaction: the cart row is locked; stock is
 * taken line by line with a conditional decrement (`stock >= q`), so two checkouts can
 * never sell the same last unit; points are re-checked and spent under the customer's row
 * lock; the unique orders.cart_id makes a second order for the cart impossible. Any
 * failure rolls everything back.
 */
export async function checkout(
  ctx: CartContext,
  cartId: string,
  email: string | undefined,
): Promise<OrderView> {
  const { store, now } = ctx;
  return ctx.db.transaction(async (tx) => {
    // Lock order everywhere: customer, then cart, then variants (no deadlocks).
    if (ctx.customerId) await lockCustomer(tx, store.id, ctx.customerId);
    const cart = await findCart(tx, ctx, cartId, { lock: true, write: true });
    const lines = await pricedLines(tx, cart);
    if (lines.length === 0) throw new ApiError('empty_cart', 'The cart is empty.');
    const subtotal = linesTotalMinor(lines);
    const subtotalMinor = checkedMinor(subtotal, cart.currency);

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

    const customerId = cart.customerId ?? ctx.customerId;
    const points = cart.pointsRedeemed;
    let discountMinor = 0;
    if (points > 0) {
      discountMinor = pointsValueMinor(store.pointsRules, points, cart.currency) ?? 0;
      if (BigInt(discountMinor) > redeemLimitMinor(store, subtotal)) {
        throw new ApiError(
          'points_limit_exceeded',
          `Points may pay at most ${store.pointsRules.maxRedeemPercent}% of the subtotal.`,
        );
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
      })
      .onConflictDoNothing({ target: orders.cartId })
      .returning();
    if (!order) throw new ApiError('cart_not_active', 'This cart has already been checked out.');
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
    await markCartOrdered(tx, cart.id, now);
    return orderView(tx, order);
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
): Promise<OrderView> {
  const order = await findOrderRow(db, store, orderId);
  if (order.customerId !== null && order.customerId !== customerId) {
    throw new ApiError('order_not_found', 'No such order.');
  }
  return orderView(db, order);
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
  if (after) {
    const [at, id] = decodeCursor(after, ['timestamptz', 'uuid']);
    conditions.push(sql`(${orders.createdAt}, ${orders.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(first + 1);
  const page = toPage(rows, first, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await orderViews(db, page.items), nextCursor: page.nextCursor };
}

/**
 * pending → paid with a conditional update, so concurrent calls (webhook retries) pay
 * once; the earn entry is unique per order too. Already paid: unchanged (idempotent).
 */
export async function markPaid(
  db: Db,
  store: Store,
  orderId: string,
  now: Date,
): Promise<OrderView> {
  return db.transaction(async (tx) => {
    if (!isUuid(orderId)) throw new ApiError('order_not_found', 'No such order.');
    const [paid] = await tx
      .update(orders)
      .set({ status: 'paid', paidAt: now })
      .where(
        and(eq(orders.id, orderId), eq(orders.storeId, store.id), eq(orders.status, 'pending')),
      )
      .returning();
    if (paid) {
      await earnForOrder(tx, store, paid, now, now);
      return orderView(tx, paid);
    }
    const order = await findOrderRow(tx, store, orderId);
    if (order.status === 'paid') return orderView(tx, order);
    throw new ApiError('order_not_pending', `The order is ${order.status}.`, {
      status: order.status,
    });
  });
}

async function restock(tx: Tx, orderId: string) {
  const lines = await tx
    .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.variantId));
  for (const l of lines) {
    await tx
      .update(variants)
      .set({ stock: sql`${variants.stock} + ${l.quantity}` })
      .where(eq(variants.id, l.variantId));
  }
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
    const [closed] = await tx
      .update(orders)
      .set({ status: to, cancelledAt: now })
      .where(
        and(eq(orders.id, orderId), eq(orders.storeId, store.id), inArray(orders.status, from)),
      )
      .returning();
    if (!closed) {
      const order = await findOrderRow(tx, store, orderId);
      if (order.status === to) return orderView(tx, order);
      throw to === 'cancelled'
        ? new ApiError('order_not_cancellable', `A ${order.status} order cannot be cancelled.`, {
            status: order.status,
          })
        : new ApiError(
            'order_not_paid',
            `Only paid orders can be refunded; this one is ${order.status}.`,
            {
              status: order.status,
            },
          );
    }
    await restock(tx, closed.id);
    await reverseOrderEntries(
      tx,
      store,
      closed,
      to === 'cancelled' ? 'Order cancelled' : 'Order refunded',
      now,
    );
    return orderView(tx, closed);
  });
}
