import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { carts } from './carts.js';
import { createdAt, id, minor, storeId } from './columns.js';
import { customers } from './customers.js';

export const orders = pgTable(
  'orders',
  {
    id: id(),
    storeId: storeId(),
    /** One order per cart: a second checkout of the same cart cannot create another. */
    cartId: uuid('cart_id')
      .notNull()
      .unique()
      .references(() => carts.id),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** Where the receipt goes: the guest's email given at checkout, or the customer's. */
    email: text('email'),
    status: text('status', { enum: ['pending', 'paid', 'cancelled', 'refunded'] })
      .notNull()
      .default('pending'),
    currency: text('currency').notNull(),
    subtotalMinor: minor('subtotal_minor').notNull(),
    discountMinor: minor('discount_minor').notNull().default(0),
    totalMinor: minor('total_minor').notNull(),
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
    createdAt: createdAt(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('orders_customer').on(t.storeId, t.customerId),
    check('orders_total_nonnegative', sql`${t.totalMinor} >= 0`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    storeId: storeId(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    title: text('title').notNull(),
    variantTitle: text('variant_title').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: minor('unit_price_minor').notNull(),
    ref: text('ref'),
  },
  (t) => [index('order_lines_order').on(t.orderId), index('order_lines_ref').on(t.storeId, t.ref)],
);
