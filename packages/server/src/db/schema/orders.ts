import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { carts } from './carts.js';
import { createdAt, id, minor, ownedBy, storeId } from './columns.js';
import { customers } from './customers.js';
import type { ShippingAddress, ShippingChoice } from './shipping.js';

/** pending → paid | expired | cancelled; paid → refunded | cancelled. */
export const orderStatuses = ['pending', 'paid', 'expired', 'cancelled', 'refunded'] as const;

export const orders = pgTable(
  'orders',
  {
    id: id(),
    storeId: storeId(),
    /** At most one open (pending or paid) order per cart: see orders_one_open_per_cart. */
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** Where the receipt goes: the guest's email given at checkout, or the customer's. */
    email: text('email'),
    status: text('status', { enum: orderStatuses }).notNull().default('pending'),
    currency: text('currency').notNull(),
    subtotalMinor: minor('subtotal_minor').notNull(),
    discountMinor: minor('discount_minor').notNull().default(0),
    totalMinor: minor('total_minor').notNull(),
    pointsRedeemed: integer('points_redeemed').notNull().default(0),
    /** Where it ships, as validated for its country (null until given, or if the store does not ship). */
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>(),
    /** The rate the shopper picked, as it was then (name, estimate), for the order to show later. */
    shippingRate: jsonb('shipping_rate').$type<ShippingChoice>(),
    shippingMinor: minor('shipping_minor').notNull().default(0),
    /** The tax of the order; part of the prices when taxIncluded, else added to the total. */
    taxMinor: minor('tax_minor').notNull().default(0),
    taxIncluded: boolean('tax_included').notNull().default(false),
    /** Import duties: in the total when collected at checkout ('ddp'), only estimated when due on delivery ('dap'). */
    dutiesMinor: minor('duties_minor').notNull().default(0),
    dutiesMode: text('duties_mode', { enum: ['ddp', 'dap'] }),
    createdAt: createdAt(),
    /** A pending order holds its stock and points until then; past it, it cannot be paid. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** Which payment provider paid it ('test-card', 'manual', …) and its reference there. */
    paymentProvider: text('payment_provider'),
    paymentReference: text('payment_reference'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** What approved returns refunded so far (a full refund does not count here). */
    returnedMinor: minor('returned_minor').notNull().default(0),
  },
  (t) => [
    index('orders_customer').on(t.storeId, t.customerId),
    // A cart is re-checked out by replacing its pending order (cancelled first), and becomes
    // 'ordered' once paid: so two open orders for one cart are never right.
    uniqueIndex('orders_one_open_per_cart')
      .on(t.cartId)
      .where(sql`${t.status} in ('pending', 'paid')`),
    // The expiry sweep's scan.
    index('orders_pending_expiry').on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    check('orders_total_nonnegative', sql`${t.totalMinor} >= 0`),
    check('orders_returned_within_total', sql`${t.returnedMinor} <= ${t.totalMinor}`),
    // The landed total, one rule (services/shipping/landed.ts) that the database holds too.
    check(
      'orders_total_landed',
      sql`${t.totalMinor} = ${t.subtotalMinor} - ${t.discountMinor} + ${t.shippingMinor} + case when ${t.taxIncluded} then 0 else ${t.taxMinor} end + case when ${t.dutiesMode} = 'ddp' then ${t.dutiesMinor} else 0 end`,
    ),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    storeId: storeId(),
    orderId: ownedBy('order_id', () => orders.id),
    productId: uuid('product_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    title: text('title').notNull(),
    variantTitle: text('variant_title').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: minor('unit_price_minor').notNull(),
    /** Weight of one unit when ordered, for rates by weight. */
    grams: integer('grams').notNull().default(0),
    ref: text('ref'),
    /** The message that brought the shopper (cart_lines.campaign), for campaign reports. */
    campaign: text('campaign'),
  },
  (t) => [index('order_lines_order').on(t.orderId), index('order_lines_ref').on(t.storeId, t.ref)],
);
