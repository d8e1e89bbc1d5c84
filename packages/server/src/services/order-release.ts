import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import { orderLines, orders, returnLines, returnRequests, variants } from '../db/schema/index.js';
import { lockCustomer } from './locks.js';
import { notifyBackInStock } from './notifications/triggers.js';
import { reverseOrderEntries } from './points.js';
import type { Store } from './stores.js';

type OrderRow = typeof orders.$inferSelect;
type OrderStatus = OrderRow['status'];

export interface Release {
  to: 'cancelled' | 'refunded' | 'expired';
  /** The statuses it may leave; anything else (paid meanwhile, released already) is a no-op. */
  from: OrderStatus[];
  /** Why, as the points history shows it ('Order expired', 'Order replaced', …). */
  reason: string;
  now: Date;
}

/** Puts quantities of variants back in stock; a variant that was sold out tells its subscribers. */
export async function restockVariants(
  tx: Tx,
  store: Store,
  lines: { variantId: string; quantity: number }[],
  now: Date,
) {
  // Variant id order: the lock order of every stock write.
  const sorted = [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId));
  for (const l of sorted) {
    if (l.quantity <= 0) continue;
    const [after] = await tx
      .update(variants)
      .set({ stock: sql`${variants.stock} + ${l.quantity}` })
      .where(eq(variants.id, l.variantId))
      .returning({ stock: variants.stock, productId: variants.productId });
    if (after && after.stock === l.quantity) {
      await notifyBackInStock(tx, store, after.productId, l.variantId, now);
    }
  }
}

/** Puts the order's lines back in stock, less what approved returns already put back. */
async function restock(tx: Tx, store: Store, orderId: string, now: Date) {
  // One after the other: a transaction is one connection.
  const lines = await tx
    .select({ id: orderLines.id, variantId: orderLines.variantId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
  const returned = await tx
    .select({ lineId: returnLines.orderLineId, quantity: returnLines.quantity })
    .from(returnLines)
    .innerJoin(returnRequests, eq(returnRequests.id, returnLines.returnId))
    .where(and(eq(returnRequests.orderId, orderId), eq(returnRequests.status, 'approved')));
  const back = (lineId: string) =>
    returned.filter((r) => r.lineId === lineId).reduce((n, r) => n + r.quantity, 0);
  await restockVariants(
    tx,
    store,
    lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity - back(l.id) })),
    now,
  );
}

/**
 * Takes an order out of `from` without it being fulfilled (cancel, refund, hold expiry, a
 * checkout that replaces it) and gives back what it held: its lines' stock and its points
 * entries (each reversed once). The one conditional status update decides who does this, so
 * when two sweeps, a payment and an admin race for one order, exactly one of them changes it
 * and the stock and points come back exactly once. An expiry also needs the hold to be over,
 * so an order whose hold a checkout just renewed stays pending.
 *
 * Returns the released order, or undefined when the order was not in `from` (nothing done).
 * The caller holds the order customer's row lock (lock order: customer → cart → order →
 * variants).
 */
export async function releaseOrder(
  tx: Tx,
  store: Store,
  orderId: string,
  release: Release,
): Promise<OrderRow | undefined> {
  const conditions = [
    eq(orders.id, orderId),
    eq(orders.storeId, store.id),
    inArray(orders.status, release.from),
  ];
  if (release.to === 'expired') conditions.push(lte(orders.expiresAt, release.now));
  const [released] = await tx
    .update(orders)
    .set({ status: release.to, cancelledAt: release.now })
    .where(and(...conditions))
    .returning();
  if (!released) return undefined;
  await restock(tx, store, released.id, release.now);
  await reverseOrderEntries(tx, store, released, release.reason, release.now);
  return released;
}

/**
 * Cancels the cart's pending order, if any, giving back its stock and points. The caller
 * holds `lockedCustomerId`'s lock and the cart's; an order of another customer (a guest cart
 * checked out while signed in to another account) has that customer locked here.
 */
export async function releasePendingOrderOf(
  tx: Tx,
  store: Store,
  cartId: string,
  lockedCustomerId: string | null,
  now: Date,
): Promise<void> {
  const [pending] = await tx
    .select({ id: orders.id, customerId: orders.customerId })
    .from(orders)
    .where(
      and(eq(orders.cartId, cartId), eq(orders.storeId, store.id), eq(orders.status, 'pending')),
    );
  if (!pending) return;
  if (pending.customerId && pending.customerId !== lockedCustomerId) {
    await lockCustomer(tx, store.id, pending.customerId);
  }
  await releaseOrder(tx, store, pending.id, {
    to: 'cancelled',
    from: ['pending'],
    reason: 'Order replaced',
    now,
  });
}
