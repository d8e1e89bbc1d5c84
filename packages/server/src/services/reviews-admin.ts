import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { customers, reviews } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { afterNewest, cursorTimestamp, toPage } from '../pagination.js';
import type { AdminReviewView, ReviewStatus } from '../schemas/reviews.js';
import { isUuid } from '../uuid.js';
import { type ReviewRow, toOwnReviewView } from './reviews.js';

function toAdminView(row: ReviewRow, customer: { name: string; email: string }): AdminReviewView {
  return {
    ...toOwnReviewView(row, customer.name),
    customer: { id: row.customerId, email: customer.email },
  };
}

const cursorTs = cursorTimestamp(reviews.createdAt);

/** Newest first, all products; optionally one status (the moderation queue is `pending`). */
export async function listReviewsForAdmin(
  db: Db,
  input: {
    storeId: string;
    status?: ReviewStatus | undefined;
    productId?: string | undefined;
    first: number;
    after?: string | undefined;
  },
) {
  const conditions: SQL[] = [eq(reviews.storeId, input.storeId)];
  if (input.status) conditions.push(eq(reviews.status, input.status));
  if (input.productId) conditions.push(eq(reviews.productId, input.productId));
  if (input.after) conditions.push(afterNewest(input.after, reviews.createdAt, reviews.id));
  const rows = await db
    .select({ review: reviews, name: customers.name, email: customers.email, cursorTs })
    .from(reviews)
    .innerJoin(customers, eq(customers.id, reviews.customerId))
    .where(and(...conditions))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(input.first + 1);
  const page = toPage(rows, input.first, (r) => [r.cursorTs, r.review.id]);
  return { items: page.items.map((r) => toAdminView(r.review, r)), nextCursor: page.nextCursor };
}

/** Applies a change to one of this store's reviews and returns it; 404 for anything else. */
async function changeReview(
  db: Db,
  storeId: string,
  reviewId: string,
  set: Partial<typeof reviews.$inferInsert>,
): Promise<AdminReviewView> {
  if (!isUuid(reviewId)) throw new ApiError('review_not_found', 'No such review.');
  const [row] = await db
    .update(reviews)
    .set(set)
    .where(and(eq(reviews.id, reviewId), eq(reviews.storeId, storeId)))
    .returning();
  if (!row) throw new ApiError('review_not_found', 'No such review.');
  const [customer] = await db
    .select({ name: customers.name, email: customers.email })
    .from(customers)
    .where(eq(customers.id, row.customerId));
  return toAdminView(row, customer ?? { name: '', email: '' });
}

export function moderateReview(
  db: Db,
  storeId: string,
  reviewId: string,
  status: 'approved' | 'rejected',
): Promise<AdminReviewView> {
  return changeReview(db, storeId, reviewId, { status });
}

/** The merchant's public answer; replacing it restamps it. */
export function setReply(
  db: Db,
  storeId: string,
  reviewId: string,
  body: string,
  now: Date,
): Promise<AdminReviewView> {
  return changeReview(db, storeId, reviewId, { replyBody: body, repliedAt: now });
}

export function deleteReply(db: Db, storeId: string, reviewId: string): Promise<AdminReviewView> {
  return changeReview(db, storeId, reviewId, { replyBody: null, repliedAt: null });
}
