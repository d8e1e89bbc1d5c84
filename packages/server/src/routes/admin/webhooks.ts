import { createRoute } from '@hono/zod-openapi';
import { ApiError, invalidField } from '../../errors.js';
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
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookSchema,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
} from '../../schemas/webhooks.js';
import { webhookUrlProblem } from '../../services/webhooks/endpoint-url.js';
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listDeliveries,
  listEndpoints,
} from '../../services/webhooks/endpoints.js';

/** Admin webhooks: endpoints that get the store's order events, signed (Standard Webhooks). */
export const adminWebhookRoutes = createRouter();

const idParam = { params: z.object({ id: z.string().uuid() }) };

const endpointView = (e: { id: string; url: string; events: string[]; createdAt: Date }) => ({
  id: e.id,
  url: e.url,
  events: e.events as z.infer<typeof WebhookEndpointSchema>['events'],
  createdAt: e.createdAt.toISOString(),
});

adminWebhookRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    operationId: 'adminCreateWebhook',
    tags: ['admin'],
    summary: 'Adds a webhook endpoint; its signing secret is in this answer only',
    description:
      'Events (`order.created`, `order.paid`, `order.refunded`) are POSTed to `url`, signed per ' +
      'Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`).',
    security: Security.admin,
    request: { body: jsonBody(CreateWebhookSchema) },
    responses: {
      201: jsonContent(CreatedWebhookEndpointSchema, 'The endpoint, with its secret'),
      ...errorResponses(400, 401, 422),
    },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const { deps, store } = c.var;
    const problem = webhookUrlProblem(input.url, store.mode);
    if (problem) throw invalidField('url', problem);
    const row = await createEndpoint(deps.db, store.id, input, deps.now());
    return c.json({ ...endpointView(row), secret: row.secret }, 201);
  },
);

adminWebhookRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminListWebhooks',
    tags: ['admin'],
    summary: "The store's webhook endpoints, newest first (no secrets)",
    security: Security.admin,
    request: { query: z.object(pageQuery) },
    responses: {
      200: jsonContent(pageOf(WebhookEndpointSchema, 'WebhookEndpointPage'), 'A page of endpoints'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const page = await listEndpoints(c.var.deps.db, c.var.store.id, c.req.valid('query'));
    return c.json({ items: page.items.map(endpointView), nextCursor: page.nextCursor }, 200);
  },
);

adminWebhookRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    operationId: 'adminDeleteWebhook',
    tags: ['admin'],
    summary: 'Removes a webhook endpoint; what it was still to be sent is not sent',
    security: Security.admin,
    request: idParam,
    responses: {
      204: { description: 'Removed' },
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    if (!(await deleteEndpoint(c.var.deps.db, c.var.store.id, c.req.valid('param').id))) {
      throw new ApiError('webhook_not_found', 'No such webhook endpoint.');
    }
    return c.body(null, 204);
  },
);

adminWebhookRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/deliveries',
    operationId: 'adminListWebhookDeliveries',
    tags: ['admin'],
    summary: "An endpoint's deliveries, newest first: status, attempts, last answer",
    security: Security.admin,
    request: { ...idParam, query: z.object(pageQuery) },
    responses: {
      200: jsonContent(
        pageOf(WebhookDeliverySchema, 'WebhookDeliveryPage'),
        'A page of deliveries',
      ),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const endpoint = await findEndpoint(db, c.var.store.id, c.req.valid('param').id);
    if (!endpoint) throw new ApiError('webhook_not_found', 'No such webhook endpoint.');
    const page = await listDeliveries(db, endpoint.id, c.req.valid('query'));
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return c.json(
      {
        items: page.items.map(({ cursorAt: _, ...d }) => ({
          ...d,
          nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
          lastAttemptAt: iso(d.lastAttemptAt),
          deliveredAt: iso(d.deliveredAt),
          createdAt: d.createdAt.toISOString(),
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  },
);
