import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import { orderLines, orders, variants } from '../db/schema/index.js';
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

/** Puts the lines back in stock; a variant that was sold out tells its subscribers. */
async function restock(tx: Tx, store: Store, orderId: string, now: Date) {
  const lines = await tx
    .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.variantId));
  for (const l of lines) {
    const [after] = await tx
      .update(variants)
      .set({ stock: sql`${variants.stock} + ${l.quantity}` })
      .where(eq(variants.id, l.variantId))
      .returning({ stock: variants.stock, productId: variants.productId });
    if (after && l.quantity > 0 && after.stock === l.quantity) {
      await notifyBackInStock(tx, store, after.productId, l.variantId, now);
    }
  }
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
