import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products, variants } from './catalog.js';
import { createdAt, id, ownedBy, storeId } from './columns.js';
import { customers } from './customers.js';

export const carts = pgTable(
  'carts',
  {
    id: id(),
    storeId: storeId(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    currency: text('currency').notNull(),
    /** 'merged' carts were folded into a customer's cart; 'ordered' ones became an order. */
    status: text('status', { enum: ['active', 'merged', 'ordered'] })
      .notNull()
      .default('active'),
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A customer has at most one active cart per store.
    uniqueIndex('carts_one_active_per_customer')
      .on(t.storeId, t.customerId)
      .where(sql`${t.status} = 'active' and ${t.customerId} is not null`),
    check('carts_points_nonnegative', sql`${t.pointsRedeemed} >= 0`),
  ],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    id: id(),
    storeId: storeId(),
    cartId: ownedBy('cart_id', () => carts.id),
    productId: ownedBy('product_id', () => products.id),
    variantId: ownedBy('variant_id', () => variants.id),
    quantity: integer('quantity').notNull(),
    /** Attribution code of the creator whose link or card added this line. */
    ref: text('ref'),
    /** The message (campaign id or topic) whose link brought the shopper to this product. */
    campaign: text('campaign'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('cart_lines_cart_variant').on(t.cartId, t.variantId),
    index('cart_lines_cart').on(t.cartId),
    check('cart_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);
