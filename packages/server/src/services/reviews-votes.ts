import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { reviews, reviewVotes } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import type { VoteResult } from '../schemas/reviews.js';
import { isUuid } from '../uuid.js';

/**
 * Locks the approved review the customer may vote on. The row lock serialises every vote
 * change on one review, so the recount that follows is exact under concurrency.
 */
async function lockVotableReview(tx: Tx, storeId: string, reviewId: string, customerId: string) {
  if (!isUuid(reviewId)) throw new ApiError('review_not_found', 'No such review.');
  const [review] = await tx
    .select({ id: reviews.id, customerId: reviews.customerId })
    .from(reviews)
    .where(
      and(eq(reviews.id, reviewId), eq(reviews.storeId, storeId), eq(reviews.status, 'approved')),
    )
    .for('update');
  if (!review) throw new ApiError('review_not_found', 'No such review.');
  if (review.customerId === customerId) {
    throw new ApiError('forbidden', 'You cannot vote on your own review.');
  }
  return review;
}

/** Sets helpful_count from the votes themselves, under the review's row lock. */
async function recount(tx: Tx, reviewId: string): Promise<number> {
  const [row] = await tx
    .update(reviews)
    .set({
      helpfulCount: sql`(select count(*)::int from ${reviewVotes} where ${reviewVotes.reviewId} = ${reviewId} and ${reviewVotes.helpful})`,
    })
    .where(eq(reviews.id, reviewId))
    .returning({ helpfulCount: reviews.helpfulCount });
  return row!.helpfulCount;
}

/** One vote per customer per review: voting again replaces the earlier vote. */
export async function castVote(
  db: Db,
  storeId: string,
  reviewId: string,
  customerId: string,
  helpful: boolean,
  now: Date,
): Promise<VoteResult> {
  return db.transaction(async (tx) => {
    await lockVotableReview(tx, storeId, reviewId, customerId);
    await tx
      .insert(reviewVotes)
      .values({ storeId, reviewId, customerId, helpful, createdAt: now })
      .onConflictDoUpdate({
        target: [reviewVotes.reviewId, reviewVotes.customerId],
        set: { helpful, createdAt: now },
      });
    return { helpfulCount: await recount(tx, reviewId), viewerVote: helpful };
  });
}

/** Removes the customer's vote, if any. */
export async function removeVote(
  db: Db,
  storeId: string,
  reviewId: string,
  customerId: string,
): Promise<VoteResult> {
  return db.transaction(async (tx) => {
    await lockVotableReview(tx, storeId, reviewId, customerId);
    await tx
      .delete(reviewVotes)
      .where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.customerId, customerId)));
    return { helpfulCount: await recount(tx, reviewId), viewerVote: null };
  });
}
