import { createMiddleware } from 'hono/factory';
import { type AppEnv, publicOrigin } from '../context.js';
import { sendCachedAnswer } from '../http-cache.js';
import { resolveCurrency } from '../services/catalog.js';
import { customerOf, storefrontStore } from './auth.js';

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
  if (!key || !catalogCache.cachedStore(key)) return next();
  const store = await storefrontStore(c);
  c.set('store', store);
  c.set('customerId', await customerOf(c, store));
  const answer = catalogCache.answer(
    productAnswerKey(store.id, ref, resolveCurrency(store, currency), publicOrigin(c)),
  );
  if (!answer) return next();
  return sendCachedAnswer(c, answer);
});
