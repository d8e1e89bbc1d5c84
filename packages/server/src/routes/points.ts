import { createRoute } from '@hono/zod-openapi';
import { requireCustomerId } from '../middleware/auth.js';
import {
  createRouter,
  errorResponses,
  jsonContent,
  pageOf,
  pageQuery,
  Security,
  z,
} from '../openapi.js';
import { PointsEntrySchema, PointsSchema } from '../schemas/points.js';
import { pointsHistory, pointsSummary } from '../services/points.js';

/** The signed-in customer's points balance, tier and history (/v1/points). */
export const pointsRoutes = createRouter();

pointsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'getPoints',
    tags: ['points'],
    summary: 'Balance, pending points, lifetime points, tier and the next expiry',
    security: Security.customer,
    responses: { 200: jsonContent(PointsSchema, 'The points summary'), ...errorResponses(401) },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { db, now } = c.var.deps;
    return c.json(await pointsSummary(db, c.var.store, customerId, now()), 200);
  },
);

pointsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/history',
    operationId: 'listPointsHistory',
    tags: ['points'],
    summary: 'The points ledger, newest first',
    security: Security.customer,
    request: { query: z.object(pageQuery) },
    responses: {
      200: jsonContent(pageOf(PointsEntrySchema, 'PointsEntryPage'), 'A page of entries'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { first, after } = c.req.valid('query');
    return c.json(await pointsHistory(c.var.deps.db, c.var.store, customerId, first, after), 200);
  },
);
