import type { reviews, reviewVotes } from '../db/schema/index.js';

type ReviewRow = Pick<
  typeof reviews.$inferInsert,
  'id' | 'storeId' | 'customerId' | 'createdAt'
> & {
  helpfulCount?: number | undefined;
};

/**
 * The helpful votes behind a seeded review's `helpfulCount`, cast by other seed customers
 * (the ones after the author, in turn). The server counts votes (services/reviews-votes.ts):
 * a count without its votes would drop to the votes there are at the next shopper's vote.
 */
export function helpfulVotes(
  review: ReviewRow,
  customers: readonly { id: string }[],
): (typeof reviewVotes.$inferInsert)[] {
  const count = review.helpfulCount ?? 0;
  const author = customers.findIndex((c) => c.id === review.customerId);
  if (count > customers.length - 1) {
    throw new Error(`Review ${review.id}: ${count} helpful votes need more seed customers`);
  }
  return Array.from({ length: count }, (_, i) => ({
    storeId: review.storeId,
    reviewId: review.id!,
    customerId: customers[(author + 1 + i) % customers.length]!.id,
    helpful: true,
    createdAt: review.createdAt,
  }));
}
