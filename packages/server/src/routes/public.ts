import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter, jsonContent, z } from '../openapi.js';

/** Routes that need no key: health. (Images and hosted pages mount their own.) */
export const publicRoutes = createRouter();

publicRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/healthz',
    tags: ['meta'],
    summary: 'Ready to serve (database reachable, migrations applied)',
    responses: {
      200: jsonContent(z.object({ status: z.literal('ok') }), 'Ready'),
    },
  }),
  async (c) => {
    await c.var.deps.db.execute(sql`select 1`);
    return c.json({ status: 'ok' as const }, 200);
  },
);
