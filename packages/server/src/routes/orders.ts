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
import { OrderSchema } from '../schemas/orders.js';
import { getOrderFor, listOrders } from '../services/orders.js';

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
