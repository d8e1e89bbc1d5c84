import { createRoute } from '@hono/zod-openapi';
import { sendCachedJson } from '../http-cache.js';
import { createRouter, errorResponses, jsonContent, Security, z } from '../openapi.js';
import { publicStoreConfig } from '../services/catalog-store.js';
import { shippingConfigOf } from '../services/shipping/config.js';

/** The store's public configuration: currencies, locales, shipping, points rules (/v1/store). */
export const storeRoutes = createRouter();

export const PublicStoreSchema = z
  .object({
    handle: z.string(),
    name: z.string(),
    mode: z.enum(['test', 'live']).openapi({
      description: "'test': only the test card pays (no real money); 'live': real payments.",
    }),
    currencies: z.array(z.string()),
    defaultCurrency: z.string(),
    locales: z.array(z.string()),
    defaultLocale: z.string(),
    attributionWindowDays: z.number().int().openapi({
      description:
        "Days a creator's link (?kiosk_ref=) counts after the shopper followed it; the last link followed wins.",
    }),
    analytics: z.object({
      enabled: z.boolean().openapi({
        description:
          'False: the store collects no analytics; widgets send nothing to POST /v1/events.',
      }),
    }),
    recommendations: z.object({
      enabled: z.boolean().openapi({
        description:
          'False: the store shows no recommendations; GET /v1/recommendations answers no items.',
      }),
    }),
    shipping: z.object({
      enabled: z.boolean().openapi({
        description:
          'True: the store ships (it has shipping zones), so the hosted checkout asks for an address and a rate, and shipping, taxes and duties are added there.',
      }),
    }),
    points: z.object({
      earnPerUnit: z
        .number()
        .openapi({ description: 'Points per whole unit of baseCurrency paid.' }),
      pointValueMinor: z
        .number()
        .int()
        .openapi({ description: 'Worth of one point, in minor units of baseCurrency.' }),
      baseCurrency: z.string(),
      maxRedeemPercent: z.number().int(),
      tiers: z.array(z.object({ name: z.string(), minLifetime: z.number().int() })),
      pendingDays: z.number().int(),
      expiryDays: z.number().int().nullable(),
    }),
  })
  .openapi('StoreConfig');

storeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    operationId: 'getStore',
    tags: ['store'],
    summary: "The store's public configuration",
    security: Security.storeKey,
    responses: {
      200: jsonContent(PublicStoreSchema, 'Currencies, locales and loyalty rules'),
      304: { description: 'Not modified (If-None-Match)' },
      ...errorResponses(401),
    },
  }),
  async (c) => {
    const shipping = await shippingConfigOf(c.var.deps.db, c.var.store.id);
    return sendCachedJson(c, {
      ...publicStoreConfig(c.var.store),
      shipping: { enabled: shipping.zones.length > 0 },
    });
  },
);
