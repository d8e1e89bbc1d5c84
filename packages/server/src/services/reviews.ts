import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import {
  customers,
  orderLines,
  orders,
  products,
  reviews,
  reviewVotes,
} from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { cursorTimestamp, decodeCursor, invalidCursor, toPage } from '../pagination.js';
import type { OwnReviewView, ReviewStatus, ReviewSummary, ReviewView } from '../schemas/reviews.js';
import { isUuid } from '../uuid.js';
import type { Store } from './stores.js';

export type ReviewSort = 'recent' | 'helpful' | 'rating_desc' | 'rating_asc';
export const reviewSorts = ['recent', 'helpful', 'rating_desc', 'rating_asc'] as const;

/**
 * Public display name: first name and last initial ("Jane D."), so a review never shows a
 * customer's full name or email.
 */
export function displayName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/u).filter(Boolean);
  if (parts.length === 0) return 'Anonymous';
  const first = parts[0]!;
  if (parts.length === 1) return first;
  const initial = Array.from(parts.at(-1)!)[0]!;
  return `${first} ${initial.toLocaleUpperCase()}.`;
}

const cursorTs = cursorTimestamp(reviews.createdAt);

/** The columns every review read selects; `viewerVote` only when a viewer is known. */
function reviewColumns(withVote: boolean) {
  return {
    review: reviews,
    customerName: customers.name,
    cursorTs,
    viewerVote: withVote ? reviewVotes.helpful : sql<boolean | null>`null::boolean`,
  };
}

export type ReviewRow = typeof reviews.$inferSelect;

export function toReviewView(
  row: ReviewRow,
  customerName: string,
  viewerVote: boolean | null,
): ReviewView {
  return {
    id: row.id,
    productId: row.productId,
    rating: row.rating,
    title: row.title,
    body: row.body,
    author: { name: displayName(customerName) },
    verified: row.verified,
    incentivized: row.incentivized,
    helpfulCount: row.helpfulCount,
    reply:
      row.replyBody !== null && row.repliedAt !== null
        ? { body: row.replyBody, createdAt: row.repliedAt.toISOString() }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    viewerVote: viewerVote ?? null,
  };
}

export function toOwnReviewView(
  row: ReviewRow,
  customerName: string,
  viewerVote: boolean | null = null,
): OwnReviewView {
  return { ...toReviewView(row, customerName, viewerVote), status: row.status };
}

/**
 * An active product of this store, by id or handle. Anything else (draft, another store's,
 * unknown) is `product_not_found`, as if it did not exist.
 */
export async function resolveProduct(db: Db | Tx, storeId: string, idOrHandle: string) {
  const match = isUuid(idOrHandle)
    ? or(eq(products.id, idOrHandle), eq(products.handle, idOrHandle))
    : eq(products.handle, idOrHandle);
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.status, 'active'), match))
    // An id match wins over a handle that happens to look like another product's id.
    .orderBy(sql`(${products.id}::text = ${idOrHandle.toLowerCase()}) desc`)
    .limit(1);
  if (!product) throw new ApiError('product_not_found', 'No such product.');
  return product;
}

type Dir = 'asc' | 'desc';
interface SortKey {
  col: SQL | typeof reviews.rating | typeof reviews.helpfulCount | typeof reviews.id;
  dir: Dir;
  /** SQL type of the cursor value, so parameters compare as the column does. */
  cast: 'int' | 'timestamptz' | 'uuid';
}

const createdKey: SortKey = { col: sql`${reviews.createdAt}`, dir: 'desc', cast: 'timestamptz' };
const idKey: SortKey = { col: reviews.id, dir: 'desc', cast: 'uuid' };

/** Each sort ends in (created_at, id) so the order is total and cursors are stable. */
const sortKeys: Record<ReviewSort, SortKey[]> = {
  recent: [createdKey, idKey],
  helpful: [{ col: reviews.helpfulCount, dir: 'desc', cast: 'int' }, createdKey, idKey],
  rating_desc: [{ col: reviews.rating, dir: 'desc', cast: 'int' }, createdKey, idKey],
  rating_asc: [{ col: reviews.rating, dir: 'asc', cast: 'int' }, createdKey, idKey],
};

/** Parses `[sort, ...values]`: the sort it was made for, then one value per sort key. */
function parseCursor(after: string, sort: ReviewSort): (string | number)[] {
  const [cursorSort, ...values] = decodeCursor(after, [
    'text',
    ...sortKeys[sort].map((k) => k.cast),
  ]);
  if (cursorSort !== sort) throw invalidCursor();
  return values;
}

/** Rows strictly after the cursor in the (possibly mixed-direction) sort order. */
function afterCursor(keys: SortKey[], values: (string | number)[], i = 0): SQL {
  const key = keys[i]!;
  const value = sql`cast(${values[i]} as ${sql.raw(key.cast)})`;
  const beyond = key.dir === 'desc' ? sql`${key.col} < ${value}` : sql`${key.col} > ${value}`;
  if (i === keys.length - 1) return beyond;
  return sql`(${beyond} or (${key.col} = ${value} and ${afterCursor(keys, values, i + 1)}))`;
}

export interface ListReviewsInput {
  storeId: string;
  productId: string;
  sort: ReviewSort;
  rating?: number | undefined;
  first: number;
  after?: string | undefined;
  viewerId: string | null;
}

/** Approved reviews of a product, one cursor page. */
export async function listReviews(db: Db, input: ListReviewsInput) {
  const keys = sortKeys[input.sort];
  const conditions: SQL[] = [
    eq(reviews.storeId, input.storeId),
    eq(reviews.productId, input.productId),
    eq(reviews.status, 'approved'),
  ];
  if (input.rating !== undefined) conditions.push(eq(reviews.rating, input.rating));
  if (input.after) conditions.push(afterCursor(keys, parseCursor(input.after, input.sort)));

  const withVote = input.viewerId !== null;
  let query = db
    .select(reviewColumns(withVote))
    .from(reviews)
    .innerJoin(customers, eq(customers.id, reviews.customerId))
    .$dynamic();
  if (input.viewerId !== null) {
    query = query.leftJoin(
      reviewVotes,
      and(eq(reviewVotes.reviewId, reviews.id), eq(reviewVotes.customerId, input.viewerId)),
    );
  }
  const rows = await query
    .where(and(...conditions))
    .orderBy(...keys.map((k) => (k.dir === 'desc' ? desc(k.col) : asc(k.col))))
    .limit(input.first + 1);

  const page = toPage(rows, input.first, (r) => [
    input.sort,
    ...keys.map((k) => {
      if (k === createdKey) return r.cursorTs;
      if (k === idKey) return r.review.id;
      return k.col === reviews.rating ? r.review.rating : r.review.helpfulCount;
    }),
  ]);
  return {
    items: page.items.map((r) => toReviewView(r.review, r.customerName, r.viewerVote)),
    nextCursor: page.nextCursor,
  };
}

/** Average (one decimal), count and star histogram of a product's approved reviews. */
export async function reviewSummary(
  db: Db,
  storeId: string,
  productId: string,
): Promise<ReviewSummary> {
  const rows = await db
    .select({ rating: reviews.rating, n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(
      and(
        eq(reviews.storeId, storeId),
        eq(reviews.productId, productId),
        eq(reviews.status, 'approved'),
      ),
    )
    .groupBy(reviews.rating);
  const histogram: ReviewSummary['histogram'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const { rating, n } of rows) {
    const count_ = Number(n);
    histogram[String(rating) as keyof typeof histogram] = count_;
    count += count_;
    sum += rating * count_;
  }
  // Integer arithmetic up to the final division: tenths, rounded half up.
  const average = count === 0 ? 0 : Math.round((sum * 10) / count) / 10;
  return { average, count, histogram };
}

/** Whether the customer has a paid order of this product in this store. */
async function hasPaidOrder(tx: Db | Tx, storeId: string, customerId: string, productId: string) {
  const rows = await tx
    .select({ one: sql<number>`1` })
    .from(orders)
    .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
    .where(
      and(
        eq(orders.storeId, storeId),
        eq(orders.customerId, customerId),
        eq(orders.status, 'paid'),
        eq(orderLines.storeId, storeId),
        eq(orderLines.productId, productId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export interface WriteReviewInput {
  rating: number;
  title: string;
  body: string;
  incentivized?: boolean | undefined;
}

/**
 * Writes the customer's one review of a product: creates it, or edits the existing one
 * (the unique (product, customer) constraint decides, so concurrent writes cannot make
 * two). Moderation depends only on the store's setting, never on the rating.
 */
export async function writeReview(
  db: Db,
  store: Store,
  customerId: string,
  productId: string,
  input: WriteReviewInput,
  now: Date,
): Promise<{ review: OwnReviewView; created: boolean }> {
  const status: ReviewStatus = store.settings.reviewsAutoApprove ? 'approved' : 'pending';
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ name: customers.name })
      .from(customers)
      .where(and(eq(customers.id, customerId), eq(customers.storeId, store.id)));
    if (!customer) throw new ApiError('unauthenticated', 'Sign in first.');
    const verified = await hasPaidOrder(tx, store.id, customerId, productId);

    const [inserted] = await tx
      .insert(reviews)
      .values({
        id: randomUUID(),
        storeId: store.id,
        productId,
        customerId,
        rating: input.rating,
        title: input.title,
        body: input.body,
        incentivized: input.incentivized ?? false,
        verified,
        status,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [reviews.productId, reviews.customerId] })
      .returning();
    if (inserted) return { review: toOwnReviewView(inserted, customer.name), created: true };

    const [updated] = await tx
      .update(reviews)
      .set({
        rating: input.rating,
        title: input.title,
        body: input.body,
        ...(input.incentivized === undefined ? {} : { incentivized: input.incentivized }),
        verified,
        // An edit is new text: it is moderated again unless the store auto-approves.
        status,
        updatedAt: now,
      })
      .where(
        and(
          eq(reviews.storeId, store.id),
          eq(reviews.productId, productId),
          eq(reviews.customerId, customerId),
        ),
      )
      .returning();
    if (!updated) throw new ApiError('conflict', 'The review changed meanwhile; try again.');
    // Authors cannot vote on their own review, so their viewerVote is always null.
    return { review: toOwnReviewView(updated, customer.name), created: false };
  });
}

/** The customer's own review of a product, whatever its status. */
export async function findOwnReview(
  db: Db,
  storeId: string,
  customerId: string,
  productId: string,
): Promise<OwnReviewView> {
  const [row] = await db
    .select(reviewColumns(false))
    .from(reviews)
    .innerJoin(customers, eq(customers.id, reviews.customerId))
    .where(
      and(
        eq(reviews.storeId, storeId),
        eq(reviews.productId, productId),
        eq(reviews.customerId, customerId),
      ),
    )
    .limit(1);
  if (!row) throw new ApiError('review_not_found', 'You have not reviewed this product.');
  return toOwnReviewView(row.review, row.customerName);
}
