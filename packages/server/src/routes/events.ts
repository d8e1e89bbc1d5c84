import { createRoute } from '@hono/zod-openapi';
import { analyticsSettings } from '../analytics.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { storeOfKey } from '../middleware/auth.js';
import { findUnstorable } from '../middleware/storable-text.js';
import { createRouter, errorResponses, jsonContent, Security } from '../openapi.js';
import { enforceRateLimit } from '../rate-limit/middleware.js';
import { type EventBatch, EventBatchSchema, EventsAcceptedSchema } from '../schemas/analytics.js';
import { recordEvents } from '../services/analytics-events.js';

/**
 * POST /v1/events: the widgets' GA4-shaped ecommerce events (docs/server/analytics.md).
 * Mounted before /v1's key check because a page that is closing sends its last events with
 * navigator.sendBeacon, which cannot set headers: so the key may come in the body (`key`),
 * and a body sent as a string arrives as text/plain (the one type a beacon can send to
 * another origin without a CORS preflight, which a closing page would not wait for).
 * No Idempotency-Key either (a beacon cannot send one): a retried batch counts twice,
 * which analytics tolerates.
 */
export const eventRoutes = createRouter();

const route = createRoute({
  method: 'post',
  path: '/',
  operationId: 'sendEvents',
  tags: ['analytics'],
  summary: 'Record storefront analytics events',
  description:
    'GA4 ecommerce events (view_item_list, view_item, add_to_cart, begin_checkout), at most 50 per batch. ' +
    'application/json, or text/plain holding JSON (navigator.sendBeacon); the key in X-Kiosk-Key or, for a beacon, in the body.',
  security: Security.storeKey,
  request: {
    body: {
      content: {
        'application/json': { schema: EventBatchSchema },
        'text/plain': { schema: EventBatchSchema },
      },
    },
  },
  responses: {
    202: jsonContent(EventsAcceptedSchema, 'Accepted (unknown items dropped)'),
    ...errorResponses(400, 401, 403, 413, 429, 503),
  },
});

/** The batch of a text/plain body, checked as the JSON routes check theirs. */
async function beaconBatch(c: AppContext): Promise<EventBatch> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError('invalid_json', 'The body is not valid JSON.');
  }
  const problem = findUnstorable(body);
  if (problem) throw new ApiError('validation_failed', 'The request is not valid.', [problem]);
  const result = EventBatchSchema.safeParse(body);
  if (!result.success) {
    throw new ApiError(
      'validation_failed',
      'The request is not valid.',
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data;
}

const isJson = (type: string | undefined) => /^application\/(?:[\w.-]+\+)?json\b/i.test(type ?? '');

eventRoutes.openapi(route, async (c) => {
  const batch: EventBatch = isJson(c.req.header('content-type'))
    ? c.req.valid('json')
    : await beaconBatch(c);
  const store = await storeOfKey(c, c.req.header('x-kiosk-key') ?? batch.key);
  c.set('store', store);
  await enforceRateLimit(c, 'events', store.id);
  const foreign = batch.events.findIndex((e) => !store.currencies.includes(e.params.currency));
  if (foreign >= 0) {
    throw new ApiError('unsupported_currency', 'The store does not sell in this currency.', [
      { path: `events.${foreign}.params.currency`, message: 'Not one of the store currencies' },
    ]);
  }
  const { enabled } = analyticsSettings(store.settings);
  const accepted = enabled
    ? await recordEvents(c.var.deps.db, store, batch.events, c.var.deps.now())
    : 0;
  return c.json({ accepted }, 202);
});
