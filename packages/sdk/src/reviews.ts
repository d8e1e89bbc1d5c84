import { invalid } from './errors.js';
import type { Http } from './http.js';
import type { Reads } from './reads.js';
import type {
  OwnReview,
  Page,
  Review,
  ReviewListOptions,
  ReviewSummary,
  ReviewVoteResult,
} from './types.js';

/**
 * Reviews of a product: summary, pages, writing one, helpful votes. The client imports this
 * module on the first reviews call (a separate chunk for bundlers).
 */
export function createReviews(http: Http, reads: Reads) {
  return {
    summary(productId: string): Promise<ReviewSummary> {
      return reads.get('/v1/products/{product}/reviews/summary', {
        params: { product: productId },
      });
    },
    list(productId: string, options: ReviewListOptions = {}): Promise<Page<Review>> {
      // Not cached: a shopper's own vote and fresh reviews should show at once.
      return http.request('/v1/products/{product}/reviews', {
        params: { product: productId },
        query: options,
      });
    },
    submit(
      productId: string,
      review: { rating: number; title: string; body: string },
    ): Promise<OwnReview> {
      const { rating, title, body } = review ?? {};
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        return Promise.reject(invalid('Rating must be a whole number from 1 to 5.', 'rating'));
      }
      if (typeof title !== 'string' || !title.trim()) {
        return Promise.reject(invalid('A title is required.', 'title'));
      }
      if (typeof body !== 'string' || !body.trim()) {
        return Promise.reject(invalid('The review text is required.', 'body'));
      }
      return http
        .request('/v1/products/{product}/reviews', {
          method: 'POST',
          params: { product: productId },
          body: { rating, title, body },
        })
        .then((review) => {
          reads.clear();
          return review;
        });
    },
    vote(reviewId: string, helpful: boolean): Promise<ReviewVoteResult> {
      if (typeof helpful !== 'boolean')
        return Promise.reject(invalid('helpful must be true or false.', 'helpful'));
      return http.request('/v1/reviews/{id}/votes', {
        method: 'POST',
        params: { id: reviewId },
        body: { helpful },
      });
    },
    /** Takes the signed-in shopper's vote back. */
    unvote(reviewId: string): Promise<ReviewVoteResult> {
      return http.request('/v1/reviews/{id}/votes', { method: 'DELETE', params: { id: reviewId } });
    },
    /** The signed-in shopper's own review of the product (any status), or null if none. */
    mine(productId: string): Promise<OwnReview | null> {
      return http
        .request('/v1/products/{product}/reviews/mine', { params: { product: productId } })
        .catch((error: { code?: string }) => {
          if (error.code === 'review_not_found') return null;
          throw error;
        });
    },
  };
}
export type ReviewsResource = ReturnType<typeof createReviews>;
