import { and, desc, eq, exists, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { orderLines, orders } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { afterNewest, toPage } from '../pagination.js';
import type { OrderView } from '../schemas/orders.js';
import { isUuid } from '../uuid.js';
import { markCartOrdered } from './carts.js';
import { lockCart, lockCustomer } from './locks.js';
import { grantPaidMembership, memberPerks, revokePaidMembership } from './membership.js';
import { notifyOrderUpdate } from './notifications/triggers.js';
import { releaseOrder } from './order-release.js';
import { effectiveStatus, type OrderRow, orderView, orderViews } from './order-views.js';
import { MANUAL_PROVIDER } from './payments/provider.js';
import { earnForOrder } from './points.js';
import { countPaidOrder } from './recommendation-counts.js';
import { recordRefund } from './refunds.js';
import type { Store } from './stores.js';
import { enqueueOrderEvent } from './webhooks/outbox.js';

type Conn = Db | Tx;

export async function findOrderRow(conn: Conn, store: Store, orderId: string, lock = false) {
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

/** An order of the store, for its admin. */
export async function getOrder(db: Db, store: Store, orderId: string, now: Date) {
  return orderView(db, store, await findOrderRow(db, store, orderId), now);
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
 * (the earn entry is unique per order), the order is counted for recommendations, and the shopper's order-updates subscriptions get a
 * message. Already paid: unchanged (idempotent).
 *
 * Lock order: cart, then order — as checkout, which locks the cart before replacing its order.
 */
export async function markPaid(
  db: Db,
  store: Store,
  orderId: string,
  now: Date,
  payment: PaymentRecord = { provider: MANUAL_PROVIDER, reference: null },
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
      await grantPaidMembership(tx, store, paid, await planLines(tx, store, paid.id), now);
      const { pointsMultiplier } = await memberPerks(tx, store, paid.customerId, now);
      await earnForOrder(tx, store, paid, now, now, pointsMultiplier);
      await countPaidOrder(tx, paid);
      await markCartOrdered(tx, paid.cartId, now);
      await notifyOrderUpdate(tx, store, paid, 'paid', now);
      const view = await orderView(tx, store, paid, now);
      await enqueueOrderEvent(tx, store.id, 'order.paid', view, now);
      return view;
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
 * lines go back into stock and this order's ledger entries are reversed. An order that was
 * paid gets back what approved returns have not refunded yet, through its provider (a
 * refund row, sent once this commits). Repeating the same transition is a no-op that
 * returns the order.
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
    if (closed) {
      // paidAt of the row the update returned: a payment that committed just before counts.
      if (closed.paidAt) {
        await recordRefund(tx, closed, closed.totalMinor - closed.returnedMinor, null, now);
      }
      await revokePaidMembership(tx, store.id, closed.id, now);
      await notifyOrderUpdate(tx, store, closed, to, now);
      const view = await orderView(tx, store, closed, now);
      // Cancellations are no webhook event (contract §7).
      if (to === 'refunded') await enqueueOrderEvent(tx, store.id, 'order.refunded', view, now);
      return view;
    }
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

/** An order's lines of plan products (none read when the store sells no plan). */
async function planLines(tx: Tx, store: Store, orderId: string) {
  const plans = store.settings.membership?.plans ?? [];
  if (plans.length === 0) return [];
  return tx
    .select({ productId: orderLines.productId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(
      and(
        eq(orderLines.orderId, orderId),
        eq(orderLines.storeId, store.id),
        inArray(
          orderLines.productId,
          plans.map((p) => p.productId),
        ),
      ),
    );
}
