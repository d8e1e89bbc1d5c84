import { createRoute } from '@hono/zod-openapi';
import { ATTRIBUTION_CODE } from '../../attribution.js';
import type { AppContext } from '../../context.js';
import {
  createRouter,
  errorResponses,
  jsonContent,
  pageQuery,
  Security,
  z,
} from '../../openapi.js';
import { OrderSchema } from '../../schemas/orders.js';
import { closeOrder, listOrders, markPaid } from '../../services/orders.js';
import { OrderPageSchema, OrderParams } from '../orders.js';

/** Admin orders: mark paid (as a payment webhook would), cancel, refund, attribution. */
export const adminOrderRoutes = createRouter();

const deps = (c: AppContext) => ({ db: c.var.deps.db, store: c.var.store, now: c.var.deps.now() });

adminOrderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'adminListOrders',
    tags: ['admin'],
    summary: 'Orders, newest first; ?ref= keeps those with a line attributed to that code',
    security: Security.admin,
    request: {
      query: z.object({
        ...pageQuery,
        ref: z.string().regex(ATTRIBUTION_CODE).optional(),
      }),
    },
    responses: {
      200: jsonContent(OrderPageSchema, 'A page of orders'),
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const { first, after, ref } = c.req.valid('query');
    const { db, store, now } = deps(c);
    return c.json(await listOrders(db, store, { ref }, first, after, now), 200);
  },
);

const transition = (operationId: string, path: string, summary: string, errors: number[]) =>
  createRoute({
    method: 'post',
    operationId,
    path,
    tags: ['admin'],
    summary,
    security: Security.admin,
    request: { params: OrderParams },
    responses: {
      200: jsonContent(OrderSchema, 'The order'),
      ...errorResponses(401, 404, ...errors),
    },
  });

adminOrderRoutes.openapi(
  transition(
    'adminMarkOrderPaid',
    '/{id}/mark-paid',
    'Mark a pending order paid (idempotent; recorded as provider "manual"): earn its points, convert its cart. An expired order → 409 order_expired',
    [409],
  ),
  async (c) => {
    const { db, store, now } = deps(c);
    return c.json(await markPaid(db, store, c.req.valid('param').id, now), 200);
  },
);

adminOrderRoutes.openapi(
  transition(
    'adminCancelOrder',
    '/{id}/cancel',
    "Cancel a pending or paid order: restock, reverse the order's points",
    [409],
  ),
  async (c) => {
    const { db, store, now } = deps(c);
    return c.json(await closeOrder(db, store, c.req.valid('param').id, 'cancelled', now), 200);
  },
);

adminOrderRoutes.openapi(
  transition(
    'adminRefundOrder',
    '/{id}/refund',
    "Refund a paid order: restock, reverse the order's points",
    [409],
  ),
  async (c) => {
    const { db, store, now } = deps(c);
    return c.json(await closeOrder(db, store, c.req.valid('param').id, 'refunded', now), 200);
  },
);
