import { createRoute } from '@hono/zod-openapi';
import { MAX_POINTS } from '../../limits.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../../openapi.js';
import { PointsEntrySchema } from '../../schemas/points.js';
import { adjustPoints, entryView, expireAll } from '../../services/points.js';

/** Admin points: manual adjustments, expiry run. */
export const adminPointsRoutes = createRouter();

adminPointsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/adjustments',
    operationId: 'adminAdjustPoints',
    tags: ['admin'],
    summary: 'Grant (+) or deduct (−) points; a deduction cannot go below zero',
    security: Security.admin,
    request: {
      body: jsonBody(
        z.object({
          email: z.string().max(254).email(),
          points: z
            .number()
            .int()
            .min(-MAX_POINTS)
            .max(MAX_POINTS)
            .refine((n) => n !== 0, 'Points must not be zero.'),
          reason: z.string().trim().min(1).max(200),
        }),
      ),
    },
    responses: {
      201: jsonContent(PointsEntrySchema, 'The ledger entry'),
      ...errorResponses(400, 401, 404, 422),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { db, now } = c.var.deps;
    return c.json(entryView(await adjustPoints(db, c.var.store, body, now())), 201);
  },
);

adminPointsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/expire',
    operationId: 'adminExpirePoints',
    tags: ['admin'],
    summary: "Write due expiry for every customer's lots (also applied lazily)",
    security: Security.admin,
    request: {
      body: {
        content: { 'application/json': { schema: z.object({}) } },
        required: false,
      },
    },
    responses: {
      200: jsonContent(z.object({ expired: z.number().int() }), 'How many lots expired'),
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const { db, now } = c.var.deps;
    return c.json({ expired: await expireAll(db, c.var.store, now()) }, 200);
  },
);
