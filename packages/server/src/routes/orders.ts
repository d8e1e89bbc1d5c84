import { createRoute } from '@hono/zod-openapi';
import { publicOrigin } from '../context.js';
import { returnReasons } from '../db/schema/index.js';
import { MAX_LINE_QUANTITY, MAX_RETURN_COMMENT } from '../limits.js';
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
import { OrderSchema } from '../schemas/orders.js';
import { ORDERS_LINK_MINUTES, ordersPageToken } from '../services/order-page-links.js';
import { getOrderFor, listOrders } from '../services/orders.js';
import { requestReturn } from '../services/returns.js';

/** A customer's orders (/v1/orders). */
export const orderRoutes = createRouter();

export const OrderPageSchema = pageOf(OrderSchema, 'OrderPage');

export const OrderParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

orderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'listOrders',
    tags: ['orders'],
    summary: "The signed-in customer's orders, newest first",
    security: Security.customer,
    request: { query: z.object(pageQuery) },
    responses: {
      200: jsonContent(OrderPageSchema, 'A page of orders'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { first, after } = c.req.valid('query');
    const { db, now } = c.var.deps;
    return c.json(await listOrders(db, c.var.store, { customerId }, first, after, now()), 200);
  },
);

orderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'getOrder',
    tags: ['orders'],
    summary: "An order: a customer's own, or a guest order by its id",
    security: Security.customer,
    request: { params: OrderParams },
    responses: { 200: jsonContent(OrderSchema, 'The order'), ...errorResponses(401, 404) },
  }),
  async (c) =>
    c.json(
      await getOrderFor(
        c.var.deps.db,
        c.var.store,
        c.var.customerId,
        c.req.valid('param').id,
        c.var.deps.now(),
      ),
      200,
    ),
);

const LineQuantityInput = z.object({
  lineId: z.string().uuid(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

export const ReturnRequestInput = z
  .object({
    lines: z.array(LineQuantityInput).min(1).max(100),
    reason: z.enum(returnReasons),
    comment: z.string().trim().max(MAX_RETURN_COMMENT).optional(),
  })
  .openapi('ReturnRequestInput');

orderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/returns',
    operationId: 'requestReturn',
    tags: ['orders'],
    summary:
      "Ask to return lines of a paid order within the store's return window (a customer's own, or a guest order by its id)",
    security: Security.customer,
    request: {
      params: OrderParams,
      body: jsonContent(ReturnRequestInput, 'What to return and why'),
    },
    responses: {
      201: jsonContent(OrderSchema, 'The order, with the return requested'),
      ...errorResponses(400, 401, 404, 409, 422),
    },
  }),
  async (c) => {
    const { db, now } = c.var.deps;
    const order = await requestReturn(
      db,
      c.var.store,
      c.var.customerId,
      c.req.valid('param').id,
      c.req.valid('json'),
      now(),
    );
    return c.json(order, 201);
  },
);

orderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/page-link',
    operationId: 'createOrdersPageLink',
    tags: ['orders'],
    summary:
      "A short-lived link to the signed-in customer's orders on the hosted page (no bearer token in it)",
    security: Security.customer,
    responses: {
      201: jsonContent(
        z.object({ url: z.string(), expiresAt: z.string() }).openapi('OrdersPageLink', {
          description: `Opens the hosted orders list for ${ORDERS_LINK_MINUTES} minutes; each order's page is /orders/{id}.`,
        }),
        'The link',
      ),
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const customerId = requireCustomerId(c);
    const { token, expiresAt } = ordersPageToken(c.var.store, customerId, c.var.deps.now());
    const url = `${publicOrigin(c)}/orders?${new URLSearchParams({ access: token })}`;
    return c.json({ url, expiresAt: expiresAt.toISOString() }, 201);
  },
);
