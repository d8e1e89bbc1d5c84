import { createRoute } from '@hono/zod-openapi';
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
    status: z.enum(['pending', 'paid', 'cancelled', 'refunded']),
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
    createdAt: z.string(),
    paidAt: z.string().nullable(),
    cancelledAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it was cancelled or refunded.' }),
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
    return c.json(await listOrders(c.var.deps.db, c.var.store, { customerId }, first, after), 200);
  },
);

orderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['orders'],
    summary: "An order: a customer's own, or a guest order by its id",
    security: Security.customer,
    request: { params: OrderParams },
    responses: { 200: jsonContent(OrderSchema, 'The order'), ...errorResponses(401, 404) },
  }),
  async (c) =>
    c.json(
      await getOrderFor(c.var.deps.db, c.var.store, c.var.customerId, c.req.valid('param').id),
      200,
    ),
);
