import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { products } from './catalog.js';
import { ownedBy, storeId } from './columns.js';

/**
 * How many paid orders held both products: item-to-item co-occurrence for "bought together",
 * "similar" and "for you" (services/recommendation-counts.ts keeps it, in the transaction that
 * marks an order paid). Both directions are stored, so a read is one index range per product.
 */
export const productPairs = pgTable(
  'product_pairs',
  {
    storeId: storeId(),
    productId: ownedBy('product_id', () => products.id),
    otherId: ownedBy('other_id', () => products.id),
    orders: integer('orders').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.productId, t.otherId] }),
    // A product's partners, most often bought with it first (ties by id): a read walks it and
    // stops at the first products in stock, whatever the number of partners.
    index('product_pairs_rank').on(t.storeId, t.productId, t.orders.desc(), t.otherId),
    index('product_pairs_other').on(t.otherId),
  ],
);

/**
 * How many paid orders in a currency held the product: the popularity a cold start and a
 * guest fall back to ("Popular in EUR"). Kept beside product_pairs.
 */
export const productSales = pgTable(
  'product_sales',
  {
    storeId: storeId(),
    currency: text('currency').notNull(),
    productId: ownedBy('product_id', () => products.id),
    orders: integer('orders').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.currency, t.productId] }),
    index('product_sales_rank').on(t.storeId, t.currency, t.orders.desc(), t.productId),
    index('product_sales_product').on(t.productId),
  ],
);
