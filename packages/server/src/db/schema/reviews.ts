import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { products } from './catalog.js';
import { createdAt, id, ownedBy, storeId } from './columns.js';
import { customers } from './customers.js';

export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    storeId: storeId(),
    productId: ownedBy('product_id', () => products.id),
    customerId: ownedBy('customer_id', () => customers.id),
    rating: integer('rating').notNull(),
    title: text('title').notNull(),
    /** Stored verbatim; always returned and rendered as text, never HTML. */
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    /** The author bought this product from this store (a paid order). */
    verified: boolean('verified').notNull().default(false),
    /** The author received something for writing it (disclosed with a badge). */
    incentivized: boolean('incentivized').notNull().default(false),
    helpfulCount: integer('helpful_count').notNull().default(0),
    replyBody: text('reply_body'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reviews_one_per_customer').on(t.productId, t.customerId),
    index('reviews_product').on(t.storeId, t.productId, t.status, t.createdAt),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);

export const reviewVotes = pgTable(
  'review_votes',
  {
    storeId: storeId(),
    reviewId: ownedBy('review_id', () => reviews.id),
    customerId: ownedBy('customer_id', () => customers.id),
    helpful: boolean('helpful').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.customerId] })],
);
