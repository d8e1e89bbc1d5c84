import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import { carts, customers, variants } from '../db/schema/index.js';
import { ApiError } from '../errors.js';

// Row locks. Every write takes them in one order — customer → cart → order → variants — so
// two transactions never wait on each other in a cycle.

/** Locks the customer row; every write that depends on the balance takes this lock first. */
export async function lockCustomer(tx: Tx, storeId: string, customerId: string): Promise<void> {
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.storeId, storeId)))
    .for('update');
  if (!row) throw new ApiError('customer_not_found', 'No such customer.');
}

/** Locks customer rows in id order, so two transactions that need the same two never deadlock. */
export async function lockCustomers(tx: Tx, storeId: string, ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  for (const id of unique) await lockCustomer(tx, storeId, id);
  return new Set(unique);
}

/** Locks a cart row whatever its status (payment: cart before order, as checkout does). */
export async function lockCart(tx: Tx, cartId: string): Promise<void> {
  await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for('update');
}

/** Locks variant rows in id order before a transaction both restocks and takes stock. */
export async function lockVariants(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  await tx
    .select({ id: variants.id })
    .from(variants)
    .where(inArray(variants.id, [...new Set(ids)]))
    .orderBy(asc(variants.id))
    .for('update');
}
