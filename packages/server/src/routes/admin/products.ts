import { createRoute } from '@hono/zod-openapi';
import { type AppContext, publicOrigin } from '../../context.js';
import { createRouter, errorResponses, jsonBody, jsonContent, Security, z } from '../../openapi.js';
import { getAdminProduct, updateProduct, updateVariant } from '../../services/catalog-admin.js';
import { createProduct } from '../../services/product-create.js';
import {
  createProductSchema,
  updateProductSchema,
  updateVariantSchema,
} from '../../services/product-input.js';

/** Admin catalog: create and update products, variants, prices, stock. */
export const adminProductRoutes = createRouter();

const AdminProductSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    title: z.string(),
    description: z.string(),
    vendor: z.string(),
    status: z.enum(['active', 'draft']),
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    images: z.array(
      z.object({
        id: z.string(),
        url: z.string(),
        alt: z.string(),
        width: z.number(),
        height: z.number(),
      }),
    ),
    variants: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        options: z.record(z.string(), z.string()),
        sku: z.string().nullable(),
        grams: z.number().int(),
        stock: z.number().int(),
        imageId: z.string().nullable().openapi({
          description: "The variant's picture: one of images[].id; null: the product's.",
        }),
        prices: z
          .record(z.string(), z.string())
          .openapi({ example: { USD: '25.00', EUR: '23.00' } }),
        compareAtPrices: z.record(z.string(), z.string()),
      }),
    ),
    createdAt: z.string(),
  })
  .openapi('AdminProduct');
type AdminProduct = z.infer<typeof AdminProductSchema>;

/** Every route here answers with the merchant's view of the product, read after its write. */
async function sendAdminProduct<S extends 200 | 201>(c: AppContext, id: string, status: S) {
  const product = await getAdminProduct(c.var.deps.db, c.var.store, id, publicOrigin(c));
  return c.json(product as AdminProduct, status);
}

const productIdParam = z
  .string()
  .max(100)
  .openapi({ param: { name: 'id', in: 'path' }, description: 'Product id (UUID)' });

adminProductRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    operationId: 'adminCreateProduct',
    tags: ['admin'],
    summary: 'Create a product with its options, variants, prices, stock and images',
    description:
      'Prices are decimal strings per currency of the store ({"USD": "25.00"}); each variant needs a price in the default currency. Images are optional (base64 PNG, JPEG, WebP or GIF); a variant\'s `image` is the index of its picture in `images`. The handle defaults to one made from the title.',
    security: Security.admin,
    request: { body: jsonBody(createProductSchema) },
    responses: {
      201: jsonContent(AdminProductSchema, 'The product'),
      ...errorResponses(400, 401, 409),
    },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const { db } = c.var.deps;
    const id = await createProduct(db, c.var.store, input);
    return sendAdminProduct(c, id, 201);
  },
);

adminProductRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    operationId: 'adminGetProduct',
    tags: ['admin'],
    summary: 'A product, drafts included, with every currency and stock',
    security: Security.admin,
    request: { params: z.object({ id: productIdParam }) },
    responses: {
      200: jsonContent(AdminProductSchema, 'The product'),
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    return sendAdminProduct(c, c.req.valid('param').id, 200);
  },
);

adminProductRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    operationId: 'adminUpdateProduct',
    tags: ['admin'],
    summary: 'Change a product’s handle, title, description, vendor or status',
    security: Security.admin,
    request: { params: z.object({ id: productIdParam }), body: jsonBody(updateProductSchema) },
    responses: {
      200: jsonContent(AdminProductSchema, 'The product'),
      ...errorResponses(400, 401, 404, 409),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    await updateProduct(db, c.var.store, id, c.req.valid('json'));
    return sendAdminProduct(c, id, 200);
  },
);

adminProductRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}/variants/{variantId}',
    operationId: 'adminUpdateVariant',
    tags: ['admin'],
    summary: 'Change a variant’s stock (absolute or relative), prices, picture or labels',
    security: Security.admin,
    request: {
      params: z.object({
        id: productIdParam,
        variantId: z
          .string()
          .max(100)
          .openapi({ param: { name: 'variantId', in: 'path' } }),
      }),
      body: jsonBody(updateVariantSchema),
    },
    responses: {
      200: jsonContent(AdminProductSchema, 'The product'),
      ...errorResponses(400, 401, 404, 409),
    },
  }),
  async (c) => {
    const { id, variantId } = c.req.valid('param');
    const { db } = c.var.deps;
    await updateVariant(db, c.var.store, id, variantId, c.req.valid('json'), c.var.deps.now());
    return sendAdminProduct(c, id, 200);
  },
);
