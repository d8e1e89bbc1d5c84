import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { sendCachedJson } from '../http-cache.js';
import { MAX_REVIEW_BODY, MAX_REVIEW_TITLE } from '../limits.js';
import { requireCustomerId } from '../middleware/auth.js';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  pageOf,
  pageQuery,
  Security,
  z,
} from '../openapi.js';
import {
  OwnReviewSchema,
  ReviewSchema,
  ReviewSummarySchema,
  VoteResultSchema,
} from '../schemas/reviews.js';
import {
  findOwnReview,
  listReviews,
  resolveProduct,
  reviewSorts,
  reviewSummary,
  writeReview,
} from '../services/reviews.js';
import { castVote, removeVote } from '../services/reviews-votes.js';

/** Reviews: list, summary, write, helpful votes (/v1/products/{id}/reviews, /v1/reviews). */
export const reviewRoutes = createRouter();

/**
 * Review text as the author wrote it (trimmed). Never HTML-escaped or sanitised: clients
 * render it as text. (NUL and lone surrogates never get here: see storable-text.ts.)
 */
export function reviewText(max: number) {
  return z.string().trim().min(1, 'Must not be blank.').max(max);
}

const ReviewPageSchema = pageOf(ReviewSchema, 'ReviewPage');

const productParams = z.object({
  product: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'product', in: 'path' }, description: 'Product id or handle' }),
});
export const reviewParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Review id' }),
});

const WriteReviewSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    title: reviewText(MAX_REVIEW_TITLE),
    body: reviewText(MAX_REVIEW_BODY),
    incentivized: z.boolean().optional(),
  })
  .openapi('WriteReview');

/** Refuses guests before the body is validated, so a guest always gets 401. */
const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireCustomerId(c);
  await next();
});

reviewRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/products/{product}/reviews',
    operationId: 'listProductReviews',
    tags: ['reviews'],
    summary: "A product's approved reviews, one cursor page",
    security: Security.storeKey,
    request: {
      params: productParams,
      query: z.object({
        sort: z.enum(reviewSorts).default('recent'),
        rating: z.coerce
          .number()
          .int()
          .min(1)
          .max(5)
          .optional()
          .openapi({ description: 'Only reviews with this many stars' }),
        first: pageQuery.first.default(10),
        after: pageQuery.after,
      }),
    },
    responses: {
      200: jsonContent(ReviewPageSchema, 'A page of reviews'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { product } = c.req.valid('param');
    const query = c.req.valid('query');
    const { id: productId } = await resolveProduct(db, c.var.store.id, product);
    const page = await listReviews(db, {
      storeId: c.var.store.id,
      productId,
      sort: query.sort,
      rating: query.rating,
      first: query.first,
      after: query.after,
      viewerId: c.var.customerId,
    });
    // viewerVote makes a signed-in viewer's page personal.
    c.header(
      'Cache-Control',
      c.var.customerId ? 'private, no-cache' : 'public, max-age=30, stale-while-revalidate=60',
    );
    c.header('Vary', 'X-Kiosk-Key, Authorization', { append: true });
    return c.json(page, 200);
  },
);

reviewRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/products/{product}/reviews/summary',
    operationId: 'getProductReviewSummary',
    tags: ['reviews'],
    summary: 'Average, count and star histogram of approved reviews',
    security: Security.storeKey,
    request: { params: productParams },
    responses: {
      200: jsonContent(ReviewSummarySchema, 'The summary (ETag, short Cache-Control)'),
      304: { description: 'Not modified (If-None-Match matched the ETag)' },
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id: productId } = await resolveProduct(
      db,
      c.var.store.id,
      c.req.valid('param').product,
    );
    const summary = await reviewSummary(db, c.var.store.id, productId);
    return sendCachedJson(c, summary) as never;
  },
);

reviewRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/products/{product}/reviews/mine',
    operationId: 'getMyProductReview',
    tags: ['reviews'],
    summary: "The signed-in customer's own review of this product, whatever its status",
    security: Security.customer,
    middleware: [signedIn] as const,
    request: { params: productParams },
    responses: {
      200: jsonContent(OwnReviewSchema, 'Your review'),
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { db } = c.var.deps;
    const { id: productId } = await resolveProduct(
      db,
      c.var.store.id,
      c.req.valid('param').product,
    );
    const review = await findOwnReview(db, c.var.store.id, customerId, productId);
    c.header('Cache-Control', 'private, no-store');
    return c.json(review, 200);
  },
);

reviewRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/products/{product}/reviews',
    operationId: 'createProductReview',
    tags: ['reviews'],
    summary: 'Write (201) or edit (200) your one review of this product',
    description:
      'One review per customer per product: a second POST edits it. Status is `approved` when ' +
      'the store auto-approves, else `pending` (an edit is moderated again). Text is stored ' +
      'and returned verbatim; render it as text.',
    security: Security.customer,
    middleware: [signedIn] as const,
    request: { params: productParams, body: jsonBody(WriteReviewSchema) },
    responses: {
      201: jsonContent(OwnReviewSchema, 'Created'),
      200: jsonContent(OwnReviewSchema, 'Your existing review, edited'),
      ...errorResponses(400, 401, 404, 409, 429),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { db, now } = c.var.deps;
    const { id: productId } = await resolveProduct(
      db,
      c.var.store.id,
      c.req.valid('param').product,
    );
    const { review, created } = await writeReview(
      db,
      c.var.store,
      customerId,
      productId,
      c.req.valid('json'),
      now(),
    );
    return created ? c.json(review, 201) : c.json(review, 200);
  },
);

reviewRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/reviews/{id}/votes',
    operationId: 'voteReview',
    tags: ['reviews'],
    summary: 'Vote a review helpful or not (one vote per customer; voting again changes it)',
    security: Security.customer,
    middleware: [signedIn] as const,
    request: {
      params: reviewParams,
      body: jsonBody(z.object({ helpful: z.boolean() }).openapi('ReviewVote')),
    },
    responses: {
      200: jsonContent(VoteResultSchema, 'The new count and your vote'),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { db, now } = c.var.deps;
    const result = await castVote(
      db,
      c.var.store.id,
      c.req.valid('param').id,
      customerId,
      c.req.valid('json').helpful,
      now(),
    );
    return c.json(result, 200);
  },
);

reviewRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/reviews/{id}/votes',
    operationId: 'removeReviewVote',
    tags: ['reviews'],
    summary: 'Remove your vote',
    security: Security.customer,
    middleware: [signedIn] as const,
    request: { params: reviewParams },
    responses: {
      200: jsonContent(VoteResultSchema, 'The new count; viewerVote is null'),
      ...errorResponses(401, 403, 404),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const result = await removeVote(
      c.var.deps.db,
      c.var.store.id,
      c.req.valid('param').id,
      customerId,
    );
    return c.json(result, 200);
  },
);
