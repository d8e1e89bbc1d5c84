import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../../openapi.js';
import {
  adminStoreView,
  storePatchSchema,
  updateStoreConfig,
} from '../../services/catalog-store.js';

/** Admin store settings: allowed origins, currencies, locales, points rules, moderation. */
export const adminStoreRoutes = createRouter();

const AdminStoreSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    publishableKey: z.string(),
    mode: z.enum(['test', 'live']),
    allowedOrigins: z.array(z.string()),
    currencies: z.array(z.string()),
    locales: z.array(z.string()),
    pointsRules: z.record(z.string(), z.unknown()),
    settings: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi('AdminStore');

adminStoreRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminGetStore',
    tags: ['admin'],
    summary: "The store's whole configuration",
    security: Security.admin,
    responses: {
      200: jsonContent(AdminStoreSchema, 'The store'),
      ...errorResponses(401),
    },
  }),
  (c) => c.json(adminStoreView(c.var.store) as z.infer<typeof AdminStoreSchema>, 200),
);

adminStoreRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/',
    operationId: 'adminUpdateStore',
    tags: ['admin'],
    summary: 'Change the mode, allowed origins, currencies, locales, points rules or settings',
    description:
      'Fields given replace the current ones; pointsRules and settings are merged over the current values and then validated whole (base currency among the currencies, a rate for every currency).',
    security: Security.admin,
    request: { body: jsonBody(storePatchSchema) },
    responses: {
      200: jsonContent(AdminStoreSchema, 'The updated store'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const patch = c.req.valid('json');
    const store = await updateStoreConfig(c.var.deps.db, c.var.store.id, patch);
    return c.json(adminStoreView(store) as z.infer<typeof AdminStoreSchema>, 200);
  },
);
