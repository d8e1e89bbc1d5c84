import { createRoute } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import { createRouter, errorResponses, Security, z } from '../openapi.js';
import { getImage } from '../services/images.js';

/** Product images served by the server (/images), public like any <img> source. */
export const imageRoutes = createRouter();

imageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'getImage',
    tags: ['catalog'],
    security: Security.none,
    summary: 'A product image (public: used as <img src>)',
    description:
      'Immutable: an image never changes under its id. `w` (a width hint) is accepted and currently ignored (images are vector or served as uploaded).',
    request: {
      params: z.object({
        id: z
          .string()
          .max(100)
          .openapi({ param: { name: 'id', in: 'path' } }),
      }),
      query: z.object({
        w: z.coerce.number().int().min(1).max(4096).optional(),
      }),
    },
    responses: {
      200: {
        description: 'The image bytes',
        content: {
          'image/svg+xml': { schema: z.string().openapi({ format: 'binary' }) },
          'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      304: { description: 'Not modified' },
      ...errorResponses(400, 404),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const image = await getImage(c.var.deps.db, id);
    if (!image) throw new ApiError('not_found', 'No such image.');
    const headers = {
      ETag: image.etag,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // An SVG opened directly must not run anything on the API origin.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    const inm = c.req.header('if-none-match');
    if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === image.etag)) {
      return c.body(null, 304, headers);
    }
    return c.body(image.data as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      'Content-Type': image.contentType,
    });
  },
);
