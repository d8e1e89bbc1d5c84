import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter, errorResponses, jsonContent, Security, z } from '../openapi.js';

/** Routes that need no key: health. (Images and hosted pages mount their own.) */
export const publicRoutes = createRouter();

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tags: ['meta'],
    security: Security.none,
    summary: 'Ready to serve (database reachable, migrations applied)',
    description:
      'Checks the database on a connection of its own (`select 1`, within the health ' +
      'timeout), so a busy pool is not reported as an outage. 503 `service_unavailable` ' +
      'with `Retry-After` while the database is unreachable or stalled.',
    responses: {
      200: jsonContent(z.object({ status: z.literal('ok') }), 'Ready'),
      ...errorResponses(503),
    },
  }),
  async (c) => {
    const { checkDatabase, db } = c.var.deps;
    // A failure is thrown to app.onError, which answers 503 for an unreachable database.
    await (checkDatabase ? checkDatabase() : db.execute(sql`select 1`));
    return c.json({ status: 'ok' as const }, 200);
  },
);
