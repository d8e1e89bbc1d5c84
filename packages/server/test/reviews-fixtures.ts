import { randomUUID } from 'node:crypto';
import { carts, orderLines, orders } from '../src/db/schema/index.js';
import type { Store } from '../src/services/stores.js';
import type { TestApp, TestProduct } from './harness.js';

/**
 * Inserts an order of one product for a customer straight into the tables (checkout is
 * built elsewhere); `status` decides whether it makes the customer a verified buyer.
 */
export async function insertOrder(
  t: TestApp,
  store: Store,
  customerId: string,
  product: TestProduct,
  status: 'pending' | 'paid' | 'cancelled' | 'refunded' = 'paid',
): Promise<string> {
  const cartId = randomUUID();
  const orderId = randomUUID();
  await t.db
    .insert(carts)
    .values({ id: cartId, storeId: store.id, customerId, currency: 'USD', status: 'ordered' });
  await t.db.insert(orders).values({
    id: orderId,
    storeId: store.id,
    cartId,
    customerId,
    status,
    currency: 'USD',
    subtotalMinor: 2500,
    totalMinor: 2500,
    paidAt: status === 'paid' ? t.now() : null,
  });
  await t.db.insert(orderLines).values({
    id: randomUUID(),
    storeId: store.id,
    orderId,
    productId: product.id,
    variantId: product.variantIds[0]!,
    title: 'Product',
    variantTitle: 'Default',
    quantity: 1,
    unitPriceMinor: 2500,
  });
  return orderId;
}

export const aReview = { rating: 4, title: 'Nice', body: 'Fits well.' };
