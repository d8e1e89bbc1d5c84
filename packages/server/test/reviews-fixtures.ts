import { randomUUID } from 'node:crypto';
import { carts, orderLines, orders, reviews } from '../src/db/schema/index.js';
import type { Store } from '../src/services/stores.js';
import {
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestCustomer,
  type TestProduct,
  type TestStore,
} from './harness.js';

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

/**
 * A store with one product, and the shopper's review routes, over the app `t` holds for
 * the current test (the ref `useTestApp()` returns).
 */
export function reviewRoutes(t: { current: TestApp }) {
  async function setup(settings?: { reviewsAutoApprove: boolean }) {
    const s = await createTestStore(t.current.db, settings ? { settings } : {});
    const product = await createTestProduct(t.current.db, s.store);
    return { ...s, product };
  }

  function write(s: TestStore, product: string, body: unknown, customer?: TestCustomer) {
    return t.current.request(`/v1/products/${product}/reviews`, {
      key: s.pk,
      ...(customer ? { token: customer.token } : {}),
      method: 'POST',
      body,
    });
  }

  function list(s: TestStore, product: string, query = '', customer?: TestCustomer) {
    return t.current.request(`/v1/products/${product}/reviews${query}`, {
      key: s.pk,
      ...(customer ? { token: customer.token } : {}),
    });
  }

  async function countRows() {
    return (await t.current.db.select({ id: reviews.id }).from(reviews)).length;
  }

  return { setup, write, list, countRows };
}
