import { createRoute } from '@hono/zod-openapi';
import { ATTRIBUTION_CODE } from '../attribution.js';
import { publicOrigin } from '../context.js';
import { ApiError } from '../errors.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../openapi.js';
import { findProductRow } from '../services/catalog.js';
import { SHARE_CHANNELS, shareLinkFor } from '../services/share-links.js';

/** Short links to a product's share page (/v1/share-links). */
export const shareLinkRoutes = createRouter();

const ShareLinkSchema = z
  .object({
    code: z.string().openapi({ example: 'a8Kx2QpZ0m' }),
    url: z.string().openapi({
      description: 'The short URL (`/s/{code}`): it redirects to the share page, keeping `ref`.',
      example: 'https://kiosk.example/s/a8Kx2QpZ0m',
    }),
  })
  .openapi('ShareLink');

shareLinkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    operationId: 'createShareLink',
    tags: ['sharing'],
    summary: "A short link to a product's share page (the same one for the same input)",
    description:
      'Idempotent by content: the same product, `ref` and `channel` always answer the same code (200 once it exists, 201 when made). `GET /s/{code}/qr.svg` is its QR code.',
    security: Security.storeKey,
    request: {
      body: jsonBody(
        z.object({
          product: z.string().min(1).max(200).openapi({
            description: "The product's handle or id (an active product of the store).",
            example: 'aurora-classic-tee',
          }),
          ref: z
            .string()
            .regex(ATTRIBUTION_CODE, 'A ref is 1–64 letters, digits, ., _ or -.')
            .optional()
            .openapi({ description: "The creator's attribution code.", example: 'ana.lind' }),
          channel: z.enum(SHARE_CHANNELS).optional().openapi({
            description: 'Where the link is shared: passed on to the share page as `channel`.',
          }),
        }),
      ),
    },
    responses: {
      201: jsonContent(ShareLinkSchema, 'A new short link'),
      200: jsonContent(ShareLinkSchema, 'The existing short link for this input'),
      ...errorResponses(400, 401, 403, 404, 429),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { db, now } = c.var.deps;
    const product = await findProductRow(db, c.var.store, body.product);
    if (!product) throw new ApiError('product_not_found', 'No such product.');
    const { code, created } = await shareLinkFor(
      db,
      c.var.store,
      { productId: product.id, ref: body.ref ?? null, channel: body.channel ?? null },
      now(),
    );
    return c.json({ code, url: `${publicOrigin(c)}/s/${code}` }, created ? 201 : 200);
  },
);
