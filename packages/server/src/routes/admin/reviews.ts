import { createRoute } from '@hono/zod-openapi';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  pageOf,
  pageQuery,
  Security,
  z,
} from '../../openapi.js';
import { AdminReviewSchema, ReviewStatusSchema } from '../../schemas/reviews.js';
import {
  deleteReply,
  listReviewsForAdmin,
  moderateReview,
  setReply,
} from '../../services/reviews-admin.js';
import { reviewParams, reviewText } from '../reviews.js';

/** Admin reviews: moderate, reply. */
export const adminReviewRoutes = createRouter();

adminReviewRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminListReviews',
    tags: ['admin'],
    summary: "The store's reviews, newest first (status=pending is the moderation queue)",
    security: Security.admin,
    request: {
      query: z.object({
        status: ReviewStatusSchema.optional(),
        productId: z.string().uuid().optional(),
        ...pageQuery,
      }),
    },
    responses: {
      200: jsonContent(pageOf(AdminReviewSchema, 'AdminReviewPage'), 'A page of reviews'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = await listReviewsForAdmin(c.var.deps.db, {
      storeId: c.var.store.id,
      status: q.status,
      productId: q.productId,
      first: q.first,
      after: q.after,
    });
    return c.json(page, 200);
  },
);

adminReviewRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/moderation',
    operationId: 'adminModerateReview',
    tags: ['admin'],
    summary: 'Approve (publish) or reject (hide) a review',
    security: Security.admin,
    request: {
      params: reviewParams,
      body: jsonBody(
        z.object({ status: z.enum(['approved', 'rejected']) }).openapi('ReviewModeration'),
      ),
    },
    responses: {
      200: jsonContent(AdminReviewSchema, 'The review'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const review = await moderateReview(
      c.var.deps.db,
      c.var.store.id,
      c.req.valid('param').id,
      c.req.valid('json').status,
    );
    return c.json(review, 200);
  },
);

adminReviewRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/reply',
    operationId: 'adminSetReviewReply',
    tags: ['admin'],
    summary: "Set the merchant's public reply (plain text)",
    security: Security.admin,
    request: {
      params: reviewParams,
      body: jsonBody(z.object({ body: reviewText(2000) }).openapi('ReviewReply')),
    },
    responses: {
      200: jsonContent(AdminReviewSchema, 'The review'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { db, now } = c.var.deps;
    const review = await setReply(
      db,
      c.var.store.id,
      c.req.valid('param').id,
      c.req.valid('json').body,
      now(),
    );
    return c.json(review, 200);
  },
);

adminReviewRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/reply',
    operationId: 'adminDeleteReviewReply',
    tags: ['admin'],
    summary: "Remove the merchant's reply",
    security: Security.admin,
    request: { params: reviewParams },
    responses: {
      200: jsonContent(AdminReviewSchema, 'The review'),
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    const review = await deleteReply(c.var.deps.db, c.var.store.id, c.req.valid('param').id);
    return c.json(review, 200);
  },
);
