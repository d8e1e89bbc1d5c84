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
import { pointsHistory, pointsSummary } from '../services/points.js';

/** The signed-in customer's points balance, tier and history (/v1/points). */
export const pointsRoutes = createRouter();

export const PointsEntrySchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['earn', 'redeem', 'adjust', 'expire', 'reverse']),
    points: z.number().int().openapi({ description: 'Signed: credits positive, debits negative.' }),
    reason: z.string(),
    orderId: z.string().uuid().nullable(),
    createdAt: z.string(),
    availableAt: z.string().openapi({ description: 'Counts toward the balance from then on.' }),
    expiresAt: z.string().nullable(),
  })
  .openapi('PointsEntry');

const PointsSchema = z
  .object({
    balance: z.number().int(),
    pending: z.number().int().openapi({ description: 'Earned, not yet available.' }),
    lifetime: z.number().int(),
    tier: z.object({
      name: z.string().nullable(),
      nextTier: z.object({ name: z.string(), pointsNeeded: z.number().int() }).nullable(),
    }),
    expiring: z.object({ points: z.number().int(), at: z.string() }).nullable(),
  })
  .openapi('Points');

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
