import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent, Security } from '../../openapi.js';
import {
  type ShippingConfig,
  ShippingConfigSchema,
  saveShippingConfig,
  shippingConfigOf,
} from '../../services/shipping/config.js';

/** Admin shipping set-up: zones, rates, taxes and duties (docs/server/shipping-and-taxes.md). */
export const adminShippingRoutes = createRouter();

adminShippingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminGetShipping',
    tags: ['admin'],
    summary: 'The shipping zones, rates, taxes and duties',
    security: Security.admin,
    responses: {
      200: jsonContent(ShippingConfigSchema, 'The set-up (no zones: the store does not ship)'),
      ...errorResponses(401),
    },
  }),
  async (c) => c.json(await shippingConfigOf(c.var.deps.db, c.var.store.id), 200),
);

adminShippingRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/',
    operationId: 'adminPutShipping',
    tags: ['admin'],
    summary: 'Replace the shipping zones, rates, taxes and duties',
    description:
      'The whole set-up, validated whole: each country in one zone at most, a rate priced per currency (flat, by weight bands or by subtotal bands, with an optional free-shipping threshold), tax and duty rules per destination country. Pending orders keep the amounts they were priced at until their shipping is chosen again.',
    security: Security.admin,
    request: { body: jsonBody(ShippingConfigSchema) },
    responses: {
      200: jsonContent(ShippingConfigSchema, 'The saved set-up'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const config: ShippingConfig = c.req.valid('json');
    await saveShippingConfig(c.var.deps.db, c.var.store.id, config, c.var.deps.now());
    return c.json(config, 200);
  },
);
