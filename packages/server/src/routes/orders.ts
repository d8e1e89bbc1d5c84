import { createRoute } from '@hono/zod-openapi';
import { orderStatuses } from '../db/schema/index.js';
import { requireCustomerId } from '../middleware/auth.js';
import {
  createRouter,
  errorResponses,
  jsonContent,
  MoneySchema,
  pageOf,
  pageQuery,
  Security,
  z,
} from '../openapi.js';
import { getOrderFor, listOrders } from '../services/orders.js';

/** A customer's orders (/v1/orders). */
export const orderRoutes = createRouter();

const OrderLineSchema = z
  .object({
    id: z.string().uuid(),
    productId: z.string().uuid(),
    variantId: z.string().uuid(),
    title: z.string(),
    variantTitle: z.string(),
    quantity: z.number().int(),
    unitPrice: MoneySchema,
    lineTotal: MoneySchema,
    ref: z.string().nullable().openapi({ description: 'Attribution code carried from the cart.' }),
  })
  .openapi('OrderLine');

export const OrderSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(orderStatuses).openapi({
      description:
        'pending → paid | expired | cancelled; paid → refunded | cancelled. A pending order past expiresAt is expired.',
    }),
    currency: z.string(),
    customerId: z.string().uuid().nullable(),
    email: z.string().nullable(),
    lines: z.array(OrderLineSchema),
    itemCount: z.number().int(),
    subtotal: MoneySchema,
    discount: MoneySchema,
    total: MoneySchema,
    pointsRedeemed: z.number().int(),
    pointsEarned: z.number().int(),
    pointsToEarn: z.number().int().openapi({
      description:
        'While pending: the points paying it will earn its customer (the ledger’s rule); otherwise 0 (see pointsEarned).',
    }),
    createdAt: z.string(),
    expiresAt: z.string().nullable().openapi({
      description: 'A pending order holds its stock and points until then, and expires after.',
    }),
    paidAt: z.string().nullable(),
    cancelledAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it was cancelled, refunded or expired.' }),
    payment: z
      .object({ provider: z.string(), reference: z.string().nullable() })
      .nullable()
      .openapi({
        description: "Who took the payment ('test-card', 'manual', …) and its reference.",
      }),
  })
  .openapi('Order');

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
