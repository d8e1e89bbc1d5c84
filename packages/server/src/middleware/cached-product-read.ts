import { createMiddleware } from 'hono/factory';
import { type AppEnv, publicOrigin } from '../context.js';
import { sendCachedAnswer } from '../http-cache.js';
import { resolveCurrency } from '../services/catalog.js';
import { customerOf, isOriginAllowed } from './auth.js';
import { corsHeaders } from './cors.js';

/** Where a product answer is kept: it is the same for every shopper of the store. */
export function productAnswerKey(storeId: string, ref: string, currency: string, origin: string) {
  return `${storeId}\n${ref}\n${currency}\n${origin}`;
}

const CURRENCY = /^[A-Za-z]{3}$/;

/**
 * GET /v1/products/{idOrHandle} from the catalog cache, before the storefront's middleware
 * and validation run: a warm read costs no SQL. It checks what they would for this read —
 * the key names a store (cached), the Origin is one the store allows, an access token, if
 * sent, is valid — and answers with the same headers and 304s as the route, which fills the
 * cache (routes/products.ts). Anything it is not sure of goes on to the route.
 */
export const cachedProductRead = createMiddleware<AppEnv>(async (c, next) => {
  const ref = c.req.param('idOrHandle');
  const currency = c.req.query('currency');
  if (
    c.req.method !== 'GET' ||
    !ref ||
    ref === 'batch' ||
    (currency !== undefined && !CURRENCY.test(currency))
  ) {
    return next();
  }
  const { catalogCache } = c.var.deps;
  const key = c.req.header('x-kiosk-key');
  const store = key ? catalogCache.cachedStore(key) : undefined;
  if (!store) return next();
  // A refusal (an Origin the store does not allow, a bad access token) is the route's to
  // answer, through the CORS and cache-control middleware this runs before.
  const origin = c.req.header('origin');
  if (!isOriginAllowed(store, origin, new URL(c.req.url).origin)) return next();
  let customerId: string | null;
  try {
    customerId = await customerOf(c, store);
  } catch {
    return next();
  }
  const answer = catalogCache.answer(
    productAnswerKey(store.id, ref, resolveCurrency(store, currency), publicOrigin(c)),
  );
  if (!answer) return next();
  c.set('store', store);
  c.set('customerId', customerId);
  // Everything the answer carries is in it from the start: the Node adapter sends an answer
  // nothing reads or changes afterwards straight from its text (a third of a warm read's
  // time otherwise). Its CORS headers are cors.ts's, its Cache-Control and Vary http-cache.ts's.
  return sendCachedAnswer(c, answer, origin ? corsHeaders(origin) : {});
});
