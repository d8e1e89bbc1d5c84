import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { orders, stores } from '../db/schema/index.js';
import { lockCustomer } from './locks.js';
import { releaseOrder } from './order-release.js';

/**
 * Expires pending orders whose hold is over: each gets its stock and redeemed points back.
 * Safe with several instances sweeping at once, and with payments and checkouts racing it:
 * each order is released in its own transaction by releaseOrder's conditional update
 * (pending and past its hold), so exactly one of them changes it. The customer row is locked
 * first, as everywhere (customer → order → variants), rather than claiming orders with
 * `FOR UPDATE SKIP LOCKED`, which would take the order before the customer.
 *
 * Returns how many orders this call expired. A failing order does not stop the others; the
 * first failure is thrown at the end so the job's log shows it.
 */
export async function expireDueOrders(db: Db, now: Date, limit = 200): Promise<number> {
  const due = await db
    .select({ id: orders.id, storeId: orders.storeId, customerId: orders.customerId })
    .from(orders)
    .where(and(eq(orders.status, 'pending'), lte(orders.expiresAt, now)))
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
  if (due.length === 0) return 0;
  const storeIds = [...new Set(due.map((o) => o.storeId))];
  const storeRows = await db.select().from(stores).where(inArray(stores.id, storeIds));
  const storeOf = new Map(storeRows.map((s) => [s.id, s]));
  let expired = 0;
  let failure: unknown;
  for (const order of due) {
    const store = storeOf.get(order.storeId);
    if (!store) continue;
    try {
      const released = await db.transaction(async (tx) => {
        if (order.customerId) await lockCustomer(tx, store.id, order.customerId);
        return releaseOrder(tx, store, order.id, {
          to: 'expired',
          from: ['pending'],
          reason: 'Order expired',
          now,
        });
      });
      if (released) expired++;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return expired;
}
