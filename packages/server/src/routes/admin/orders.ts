import { createRoute } from '@hono/zod-openapi';
import { ATTRIBUTION_CODE } from '../../attribution.js';
import type { AppContext } from '../../context.js';
import { trackingStatuses } from '../../db/schema/index.js';
import { MAX_LINE_QUANTITY, MAX_RETURN_COMMENT, MAX_TRACKING_TEXT } from '../../limits.js';
import {
  createRouter,
  errorResponses,
  jsonContent,
  pageQuery,
  Security,
  z,
} from '../../openapi.js';
import { OrderSchema } from '../../schemas/orders.js';
import { closeOrder, getOrder, listOrders, markPaid } from '../../services/orders.js';
import { refundNow } from '../../services/refund-worker.js';
import { approveReturn, refuseReturn } from '../../services/returns.js';
import { addTrackingEvent, createShipment } from '../../services/shipments.js';
import { OrderPageSchema, OrderParams } from '../orders.js';

/** Admin orders: mark paid (as a payment webhook would), cancel, refund, attribution, shipments, returns. */
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
    "Cancel a pending or paid order: restock, reverse the order's points; a paid one is refunded through its payment provider",
    [409],
  ),
  async (c) => {
    const { db, store, now } = deps(c);
    const order = await closeOrder(db, store, c.req.valid('param').id, 'cancelled', now);
    return c.json(await refundNow(c.var.deps, store, order), 200);
  },
);

adminOrderRoutes.openapi(
  transition(
    'adminRefundOrder',
    '/{id}/refund',
    "Refund a paid order through its payment provider (what returns have not refunded yet): restock, reverse the order's points",
    [409],
  ),
  async (c) => {
    const { db, store, now } = deps(c);
    const order = await closeOrder(db, store, c.req.valid('param').id, 'refunded', now);
    return c.json(await refundNow(c.var.deps, store, order), 200);
  },
);

adminOrderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'adminGetOrder',
    tags: ['admin'],
    summary: 'An order with its shipments and returns',
    security: Security.admin,
    request: { params: OrderParams },
    responses: { 200: jsonContent(OrderSchema, 'The order'), ...errorResponses(401, 404) },
  }),
  async (c) => {
    const { db, store, now } = deps(c);
    return c.json(await getOrder(db, store, c.req.valid('param').id, now), 200);
  },
);

const text = (max: number) => z.string().trim().min(1).max(max);

const ShipmentInput = z
  .object({
    carrier: text(100),
    trackingNumber: text(100),
    trackingUrl: z
      .string()
      .max(2000)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'An http(s) URL')
      .optional(),
    lines: z
      .array(
        z.object({
          lineId: z.string().uuid(),
          quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
        }),
      )
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Which lines and how many; absent: all that is not shipped yet.' }),
  })
  .openapi('ShipmentInput');

adminOrderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/shipments',
    operationId: 'adminCreateShipment',
    tags: ['admin'],
    summary: "Ship lines of a paid order under a carrier's tracking number; tells the shopper",
    security: Security.admin,
    request: { params: OrderParams, body: jsonContent(ShipmentInput, 'The shipment') },
    responses: {
      201: jsonContent(OrderSchema, 'The order, with the shipment'),
      ...errorResponses(400, 401, 404, 409, 422),
    },
  }),
  async (c) => {
    const { db, store, now } = deps(c);
    const order = await createShipment(
      db,
      store,
      c.req.valid('param').id,
      c.req.valid('json'),
      now,
    );
    return c.json(order, 201);
  },
);

const TrackingEventInput = z
  .object({
    time: z.string().datetime({ offset: true }).openapi({ description: 'When it happened.' }),
    status: z.enum(trackingStatuses),
    description: text(MAX_TRACKING_TEXT).optional(),
    location: text(MAX_TRACKING_TEXT).optional(),
  })
  .openapi('TrackingEventInput');

adminOrderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/shipments/{shipmentId}/events',
    operationId: 'adminAddTrackingEvent',
    tags: ['admin'],
    summary:
      'Add a carrier tracking event to a shipment; out_for_delivery and delivered tell the shopper',
    security: Security.admin,
    request: {
      params: OrderParams.extend({
        shipmentId: z
          .string()
          .max(64)
          .openapi({ param: { name: 'shipmentId', in: 'path' } }),
      }),
      body: jsonContent(TrackingEventInput, 'The event'),
    },
    responses: {
      201: jsonContent(OrderSchema, 'The order, with the event'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { db, store, now } = deps(c);
    const { id, shipmentId } = c.req.valid('param');
    return c.json(await addTrackingEvent(db, store, id, shipmentId, c.req.valid('json'), now), 201);
  },
);

const ReturnParams = OrderParams.extend({
  returnId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'returnId', in: 'path' } }),
});

adminOrderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/returns/{returnId}/approve',
    operationId: 'adminApproveReturn',
    tags: ['admin'],
    summary:
      "Approve a return: refund its lines' share of the total through the payment provider, restock them (the last one refunds the order); idempotent",
    security: Security.admin,
    request: { params: ReturnParams },
    responses: {
      200: jsonContent(OrderSchema, 'The order'),
      ...errorResponses(401, 404, 409),
    },
  }),
  async (c) => {
    const { db, store, now } = deps(c);
    const { id, returnId } = c.req.valid('param');
    const order = await approveReturn(db, store, id, returnId, now);
    return c.json(await refundNow(c.var.deps, store, order), 200);
  },
);

adminOrderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/returns/{returnId}/refuse',
    operationId: 'adminRefuseReturn',
    tags: ['admin'],
    summary: 'Refuse a return, with a note the shopper sees; idempotent',
    security: Security.admin,
    request: {
      params: ReturnParams,
      body: {
        content: {
          'application/json': {
            schema: z.object({ note: text(MAX_RETURN_COMMENT).optional() }),
          },
        },
        required: false,
      },
    },
    responses: {
      200: jsonContent(OrderSchema, 'The order'),
      ...errorResponses(400, 401, 404, 409),
    },
  }),
  async (c) => {
    const { db, store, now } = deps(c);
    const { id, returnId } = c.req.valid('param');
    const body = c.req.valid('json') as { note?: string } | undefined;
    return c.json(await refuseReturn(db, store, id, returnId, body?.note, now), 200);
  },
);
