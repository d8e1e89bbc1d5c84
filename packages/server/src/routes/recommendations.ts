import { createRoute } from '@hono/zod-openapi';
import { publicOrigin } from '../context.js';
import { ApiError } from '../errors.js';
import { sendCachedAnswer } from '../http-cache.js';
import { createRouter, errorResponses, jsonContent, Security, z } from '../openapi.js';
import {
  readRecommendationAnswer,
  readShopperRecommendationAnswer,
} from '../recommendation-reads.js';
import { ProductSchema } from '../schemas/products.js';
import { resolveCurrency } from '../services/catalog.js';
import {
  DEFAULT_RECOMMENDATIONS,
  MAX_RECOMMENDATIONS,
  RECOMMENDATION_BASES,
  RECOMMENDATION_KINDS,
  type RecommendationInput,
  recommendationSettings,
  shopperHistory,
} from '../services/recommendations.js';
import { currencyQuery } from './products.js';

/** Product recommendations (/v1/recommendations): docs/server/recommendations.md. */
export const recommendationRoutes = createRouter();

const RecommendationsSchema = z
  .object({
    enabled: z.boolean().openapi({
      description: 'False: the store turned recommendations off (no items).',
    }),
    basis: z.enum(RECOMMENDATION_BASES).nullable().openapi({
      description:
        'Why these items: the kind asked for, or `popular` (best sellers in `currency`) when it had nothing to go on: no orders yet, a guest or an opted-out shopper asking `for-you`. Null when off.',
    }),
    product: z
      .object({ id: z.string().uuid(), handle: z.string(), title: z.string() })
      .nullable()
      .openapi({ description: 'The product on display the items relate to (never among them).' }),
    currency: z.string().openapi({ description: 'The currency of the prices and of popularity.' }),
    items: z.array(ProductSchema),
  })
  .openapi('Recommendations');

recommendationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'listRecommendations',
    tags: ['catalog'],
    summary: 'Products to recommend: bought together, similar, or picked for the shopper',
    description:
      'Computed from paid orders (item-to-item co-occurrence, popularity for a cold start). Never the product on display and never a product out of stock. `for-you` uses the signed-in shopper’s orders unless they turned personalization off (PATCH /v1/customers/me); guests get what sells in their currency.',
    security: [...Security.storeKey, ...Security.customer],
    request: {
      query: z.object({
        kind: z.enum(RECOMMENDATION_KINDS),
        product: z.string().min(1).max(200).optional().openapi({
          description:
            'The product on display (handle or id); required for `bought-together` and `similar`.',
          example: 'aurora-classic-tee',
        }),
        first: z.coerce
          .number()
          .int()
          .min(1)
          .max(MAX_RECOMMENDATIONS)
          .default(DEFAULT_RECOMMENDATIONS),
        currency: currencyQuery,
      }),
    },
    responses: {
      200: {
        ...jsonContent(RecommendationsSchema, 'The recommended products, best first'),
        headers: {
          ETag: { schema: { type: 'string' as const } },
          'Cache-Control': { schema: { type: 'string' as const } },
        },
      },
      304: { description: 'Not modified (If-None-Match)' },
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    if (q.kind !== 'for-you' && !q.product) {
      throw new ApiError('validation_failed', `A product is required for ${q.kind}.`, [
        { path: 'product', message: `Required for kind=${q.kind}` },
      ]);
    }
    const store = c.var.store;
    const { deps, customerId } = c.var;
    const input: RecommendationInput = {
      kind: q.kind,
      product: q.product,
      first: q.first,
      currency: resolveCurrency(store, q.currency),
      origin: publicOrigin(c),
    };
    if (q.kind !== 'for-you' || !customerId) {
      // The same for everyone who asks it so: kept (recommendation-reads.ts), sent publicly.
      const answer = await readRecommendationAnswer(deps, store, input);
      return sendCachedAnswer(c, answer);
    }
    // A signed-in shopper's "for you" is theirs alone: kept for them and their paid orders
    // (recommendation-reads.ts), or, opted out, what every guest gets. Either way no shared
    // cache may keep it.
    const history = recommendationSettings(store.settings).enabled
      ? await shopperHistory(deps.db, store, customerId)
      : null;
    const answer =
      history === null
        ? await readRecommendationAnswer(deps, store, input)
        : await readShopperRecommendationAnswer(deps, store, input, customerId, history);
    const res = sendCachedAnswer(c, answer);
    res.headers.set('Cache-Control', 'private, no-cache');
    return res;
  },
);
