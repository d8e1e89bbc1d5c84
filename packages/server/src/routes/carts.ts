import { createRoute } from '@hono/zod-openapi';
import { ATTRIBUTION_CODE } from '../attribution.js';
import { type AppContext, publicOrigin } from '../context.js';
import { MAX_LINE_QUANTITY, MAX_POINTS } from '../limits.js';
import { answerWrite, writeKey } from '../middleware/idempotency.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../openapi.js';
import { CartSchema } from '../schemas/carts.js';
import { OrderSchema } from '../schemas/orders.js';
import { addLine, removeLine, updateLine } from '../services/cart-lines.js';
import { mergeCart } from '../services/cart-merge.js';
import { setPoints } from '../services/cart-points.js';
import { type CartContext, createCart, getCart } from '../services/carts.js';
import { checkout } from '../services/checkout.js';

/** Guest and customer carts, lines, points redemption, merge and checkout (/v1/carts). */
export const cartRoutes = createRouter();

const CartParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const LineParams = CartParams.extend({
  lineId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'lineId', in: 'path' } }),
});

const Quantity = z.number().int().min(0).max(MAX_LINE_QUANTITY);
const Ref = z
  .string()
  .regex(ATTRIBUTION_CODE, 'A ref is 1–64 letters, digits, ., _ or -.')
  .openapi({ example: 'ana.lind' });
/** When the shopper followed a link (creator or message), as the browser kept it. */
const FollowedAt = z.string().datetime({ offset: true });

function cartContext(c: AppContext): CartContext {
  return {
    db: c.var.deps.db,
    store: c.var.store,
    customerId: c.var.customerId,
    now: c.var.deps.now(),
    origin: publicOrigin(c),
  };
}

const cartResponse = (description: string) => jsonContent(CartSchema, description);

cartRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    operationId: 'createCart',
    tags: ['carts'],
    summary: 'Create a cart (a signed-in customer gets their active cart)',
    security: Security.customer,
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({
              currency: z.string().length(3).optional().openapi({ example: 'EUR' }),
            }),
          },
        },
        required: false,
      },
    },
    responses: {
      201: cartResponse('A new cart'),
      200: cartResponse("The customer's existing active cart"),
      ...errorResponses(400, 401, 403, 429),
    },
  }),
  async (c) => {
    const body = (c.req.valid('json') ?? {}) as { currency?: string };
    const { cart, created } = await createCart(cartContext(c), body.currency?.toUpperCase());
    return c.json(cart, created ? 201 : 200);
  },
);

cartRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/merge',
    operationId: 'mergeCarts',
    tags: ['carts'],
    summary: "Fold a guest cart into the signed-in customer's cart (call after sign-in)",
    security: Security.customer,
    request: {
      body: {
        content: {
          'application/json': { schema: z.object({ cartId: z.string().max(64).optional() }) },
        },
        required: false,
      },
    },
    responses: {
      200: cartResponse("The customer's active cart"),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const body = (c.req.valid('json') ?? {}) as { cartId?: string };
    return c.json(await mergeCart(cartContext(c), body.cartId), 200);
  },
);

cartRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'getCart',
    tags: ['carts'],
    summary: 'Get a cart (409 cart_not_active once it was ordered and paid: start a new cart)',
    security: Security.customer,
    request: { params: CartParams },
    responses: { 200: cartResponse('The cart'), ...errorResponses(401, 404, 409) },
  }),
  async (c) => c.json(await getCart(cartContext(c), c.req.valid('param').id), 200),
);

cartRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/lines',
    operationId: 'addCartLine',
    tags: ['carts'],
    summary: 'Add a variant (adds to the quantity of an existing line)',
    security: Security.customer,
    request: {
      params: CartParams,
      body: jsonBody(
        z.object({
          variantId: z.string().max(64),
          quantity: Quantity.min(1).default(1),
          ref: Ref.optional(),
          refAt: FollowedAt.optional().openapi({
            description:
              "When the shopper followed the creator's link that gave `ref`: a ref older than the store's attributionWindowDays is not kept (the line is added without it).",
            example: '2026-11-20T09:30:00Z',
          }),
          campaign: Ref.optional().openapi({
            description:
              'The message whose link brought the shopper (`?kiosk_campaign=`: a campaign id or a topic), kept like `ref`.',
            example: 'back-in-stock',
          }),
          campaignAt: FollowedAt.optional().openapi({
            description:
              "When the shopper followed the message's link: like `refAt`, the store's attributionWindowDays decides.",
            example: '2026-11-20T09:30:00Z',
          }),
        }),
      ),
    },
    responses: {
      200: cartResponse('The updated cart'),
      ...errorResponses(400, 401, 404, 409, 422, 429),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const key = await writeKey(c);
    return answerWrite(c, await addLine(cartContext(c), c.req.valid('param').id, body, key));
  },
);

cartRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}/lines/{lineId}',
    operationId: 'updateCartLine',
    tags: ['carts'],
    summary: "Set a line's quantity (0 removes it)",
    security: Security.customer,
    request: { params: LineParams, body: jsonBody(z.object({ quantity: Quantity })) },
    responses: {
      200: cartResponse('The updated cart'),
      ...errorResponses(400, 401, 404, 409, 422),
    },
  }),
  async (c) => {
    const { id, lineId } = c.req.valid('param');
    const { quantity } = c.req.valid('json');
    return answerWrite(
      c,
      await updateLine(cartContext(c), id, lineId, quantity, await writeKey(c)),
    );
  },
);

cartRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/lines/{lineId}',
    operationId: 'removeCartLine',
    tags: ['carts'],
    summary: 'Remove a line',
    security: Security.customer,
    request: { params: LineParams },
    responses: { 200: cartResponse('The updated cart'), ...errorResponses(401, 404, 409) },
  }),
  async (c) => {
    const { id, lineId } = c.req.valid('param');
    return answerWrite(c, await removeLine(cartContext(c), id, lineId, await writeKey(c)));
  },
);

cartRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/points',
    operationId: 'setCartPoints',
    tags: ['carts'],
    summary: 'Redeem points on your own cart (0 removes the redemption)',
    security: Security.customer,
    request: {
      params: CartParams,
      body: jsonBody(z.object({ points: z.number().int().min(0).max(MAX_POINTS) })),
    },
    responses: {
      200: cartResponse('The updated cart'),
      ...errorResponses(400, 401, 403, 404, 409, 422),
    },
  }),
  async (c) => {
    const { points } = c.req.valid('json');
    return c.json(await setPoints(cartContext(c), c.req.valid('param').id, points), 200);
  },
);

const CheckoutSchema = z
  .object({
    orderId: z.string().uuid(),
    checkoutUrl: z.string().openapi({ description: 'The hosted payment page for this order.' }),
    order: OrderSchema,
  })
  .openapi('Checkout');

cartRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/checkout',
    operationId: 'checkoutCart',
    tags: ['carts'],
    summary: 'Check the cart out into a pending order that holds stock and points',
    description:
      'The cart stays active until the order is paid (then it is `ordered`). Checking out again reuses the pending order (200) while it still holds exactly what the cart would order, else replaces it (201; the old one is cancelled, its stock and points returned).',
    security: Security.customer,
    request: {
      params: CartParams,
      body: {
        content: {
          'application/json': {
            schema: z.object({
              email: z.string().max(254).email().optional().openapi({
                description: "A guest's email for the receipt.",
              }),
            }),
          },
        },
        required: false,
      },
    },
    responses: {
      201: jsonContent(CheckoutSchema, 'A new order and where to pay for it'),
      200: jsonContent(CheckoutSchema, 'The pending order of the unchanged cart, hold renewed'),
      ...errorResponses(400, 401, 404, 409, 422),
    },
  }),
  async (c) => {
    const body = (c.req.valid('json') ?? {}) as { email?: string };
    const { order, created } = await checkout(cartContext(c), c.req.valid('param').id, body.email);
    return c.json(
      { orderId: order.id, checkoutUrl: `${publicOrigin(c)}/checkout/${order.id}`, order },
      created ? 201 : 200,
    );
  },
);
