import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.js';

/**
 * The products of one order that count: a huge order would add n² pairs, and a basket that
 * big says little about what goes together.
 */
export const MAX_COUNTED_PRODUCTS = 20;

/**
 * Counts a newly paid order into the recommendation tables (db/schema/recommendations.ts):
 * +1 sale for each of its products in its currency, +1 for each ordered pair of them. Called
 * once per order, in the transaction that marks it paid (services/orders.ts markPaid), so a
 * retried payment never counts twice and a rolled-back one never counts. Safe under
 * concurrency: each row is an atomic upsert (`orders = orders + 1`), and every transaction
 * takes the rows' locks in one order (sales, then pairs, each sorted by key), so two orders
 * with the same products wait for each other instead of deadlocking. Products deleted since
 * the order was placed are left out.
 */
export async function countPaidOrder(
  tx: Tx,
  order: { id: string; storeId: string; currency: string },
): Promise<void> {
  const bought = sql`select distinct l.product_id from order_lines l
    join products p on p.id = l.product_id and p.store_id = l.store_id
    where l.store_id = ${order.storeId} and l.order_id = ${order.id}
    order by l.product_id limit ${MAX_COUNTED_PRODUCTS}`;
  await tx.execute(sql`insert into product_sales (store_id, currency, product_id, orders)
    select ${order.storeId}::uuid, ${order.currency}::text, b.product_id, 1
    from (${bought}) b order by b.product_id
    on conflict (store_id, currency, product_id)
    do update set orders = product_sales.orders + 1`);
  await tx.execute(sql`insert into product_pairs (store_id, product_id, other_id, orders)
    select ${order.storeId}::uuid, a.product_id, b.product_id, 1
    from (${bought}) a join (${bought}) b on a.product_id <> b.product_id
    order by a.product_id, b.product_id
    on conflict (store_id, product_id, other_id)
    do update set orders = product_pairs.orders + 1`);
}
