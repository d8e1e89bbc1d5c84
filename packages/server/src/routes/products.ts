import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { productAnswerKey, readProductAnswer } from '../catalog-read-listener.js';
import type { AppEnv } from '../context.js';
import { publicOrigin } from '../context.js';
import { ApiError } from '../errors.js';
import { cachedText, sendCachedAnswer, sendCachedJson, sendPrivateAnswer } from '../http-cache.js';
import { createRouter, errorResponses, jsonContent, pageQuery, Security, z } from '../openapi.js';
import { type Product, ProductSchema } from '../schemas/products.js';
import { getProductsBatch, listProducts, MAX_BATCH, resolveCurrency } from '../services/catalog.js';
import { changesProducts, withMemberPrices } from '../services/member-prices.js';
import { memberTier } from '../services/membership.js';

/** Catalog: product lists, search, batch and single reads (/v1/products). */
export const productRoutes = createRouter();

/** `?currency=` : an ISO 4217 code (any case); one the store does not sell falls back. */
export const currencyQuery = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'An ISO 4217 currency code such as USD')
  .optional()
  .openapi({
    param: { name: 'currency', in: 'query' },
    example: 'EUR',
    description: "Price in this currency if the store sells it, else in the store's default.",
  });

/** The signed-in shopper's member tier, read only for a store whose perks change products. */
async function tierOf(c: Context<AppEnv>): Promise<string | null> {
  const store = c.var.store;
  if (!changesProducts(store)) return null;
  return memberTier(c.var.deps.db, store, c.var.customerId, c.var.deps.now());
}

/**
 * Sends products as the shopper's tier sees them (member prices, early access): a tier's
 * prices privately (sendPrivateAnswer), what every guest sees publicly.
 */
async function sendProducts<T extends { items: Product[] }>(c: Context<AppEnv>, page: T) {
  const store = c.var.store;
  if (!changesProducts(store)) return sendCachedJson(c, page);
  const tier = await tierOf(c);
  const now = c.var.deps.now();
  const items = page.items.map((p) => withMemberPrices(store, tier, p, now));
  const answer = cachedText(JSON.stringify({ ...page, items }));
  return tier === null ? sendCachedAnswer(c, answer) : sendPrivateAnswer(c, answer);
}

const cacheHeaders = {
  ETag: { schema: { type: 'string' as const } },
  'Cache-Control': { schema: { type: 'string' as const } },
};

productRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'listProducts',
    tags: ['catalog'],
    summary: 'List or search active products (cursor pages, store order)',
    security: Security.storeKey,
    request: {
      query: z.object({
        ...pageQuery,
        query: z
          .string()
          .max(200)
          .optional()
          .openapi({
            description:
              'Matches title, description, vendor or handle (any case, a literal substring). ' +
              'A text without three letters or digits in a row matches titles only.',
          }),
        currency: currencyQuery,
      }),
    },
    responses: {
      200: {
        ...jsonContent(
          z.object({ items: z.array(ProductSchema), nextCursor: z.string().nullable() }),
          'A page of products',
        ),
        headers: cacheHeaders,
      },
      304: { description: 'Not modified (If-None-Match)' },
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const store = c.var.store;
    const page = await listProducts(c.var.deps.db, store, {
      first: q.first,
      after: q.after,
      query: q.query,
      currency: resolveCurrency(store, q.currency),
      origin: publicOrigin(c),
    });
    return sendProducts(c, page);
  },
);

productRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/batch',
    operationId: 'getProductsBatch',
    tags: ['catalog'],
    summary: 'Many products by id or handle in one request (for a page of product cards)',
    security: Security.storeKey,
    request: {
      query: z.object({
        ids: z
          .string()
          .min(1)
          .max(10_000)
          .openapi({ description: `Comma-separated ids and/or handles, at most ${MAX_BATCH}.` }),
        currency: currencyQuery,
      }),
    },
    responses: {
      200: {
        ...jsonContent(
          z.object({ items: z.array(ProductSchema), missing: z.array(z.string()) }),
          'The products found, in the order asked, and the refs not found',
        ),
        headers: cacheHeaders,
      },
      304: { description: 'Not modified (If-None-Match)' },
      ...errorResponses(400, 401),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const refs = [
      ...new Set(
        q.ids
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (refs.length === 0 || refs.length > MAX_BATCH || refs.some((r) => r.length > 200)) {
      throw new ApiError('validation_failed', `Give 1 to ${MAX_BATCH} ids or handles.`, [
        { path: 'ids', message: `Between 1 and ${MAX_BATCH} comma-separated ids or handles` },
      ]);
    }
    const store = c.var.store;
    const result = await getProductsBatch(
      c.var.deps.db,
      store,
      refs,
      resolveCurrency(store, q.currency),
      publicOrigin(c),
    );
    return sendProducts(c, result);
  },
);

productRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{idOrHandle}',
    operationId: 'getProduct',
    tags: ['catalog'],
    summary: 'One active product by id or handle',
    security: Security.storeKey,
    request: {
      params: z.object({
        idOrHandle: z
          .string()
          .min(1)
          .max(200)
          .openapi({ param: { name: 'idOrHandle', in: 'path' }, example: 'aurora-classic-tee' }),
      }),
      query: z.object({ currency: currencyQuery }),
    },
    responses: {
      200: { ...jsonContent(ProductSchema, 'The product'), headers: cacheHeaders },
      304: { description: 'Not modified (If-None-Match)' },
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { idOrHandle } = c.req.valid('param');
    const store = c.var.store;
    const currency = resolveCurrency(store, c.req.valid('query').currency);
    // The Node server answers most reads before the app (catalog-read-listener.ts); the same
    // read here, for the rest (and for the app in process).
    const read = {
      store,
      ref: idOrHandle,
      currency,
      origin: publicOrigin(c),
      tier: await tierOf(c),
    };
    // A member's read comes here (the listener serves guests): their tier's kept answer, if any.
    const kept =
      read.tier === null
        ? undefined
        : c.var.deps.catalogCache.answer(
            productAnswerKey(store.id, read.ref, currency, read.origin, read.tier),
          );
    const answer = kept ?? (await readProductAnswer(c.var.deps, read));
    return read.tier === null ? sendCachedAnswer(c, answer) : sendPrivateAnswer(c, answer);
  },
);
