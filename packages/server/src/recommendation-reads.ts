import type { CachedAnswer } from './cache/catalog-cache.js';
import type { CatalogReader } from './catalog-read-listener.js';
import type { ServingDeps } from './context.js';
import { cachedText } from './http-cache.js';
import { resolveCurrency } from './services/catalog.js';
import {
  DEFAULT_RECOMMENDATIONS,
  MAX_RECOMMENDATIONS,
  RECOMMENDATION_KINDS,
  type RecommendationInput,
  recommend,
  recommendForShopper,
} from './services/recommendations.js';
import type { Store } from './services/stores.js';

// Recommendations that are the same for everyone asking (all but a signed-in shopper's own
// "for you"), kept in the catalog cache like product answers: the route reads and keeps them,
// the Node server's listener (catalog-read-listener.ts) answers from there.

/** Where a recommendation's answer is kept: it is the same for all who ask it this way. */
export function recommendationAnswerKey(storeId: string, input: RecommendationInput): string {
  // A product's key starts with its store id, never with this word: the two cannot meet.
  const { kind, product, first, currency, origin } = input;
  return `recommendations\n${storeId}\n${kind}\n${product ?? ''}\n${first}\n${currency}\n${origin}`;
}

/**
 * The answer of `input`: kept, else built (services/recommendations.ts) and kept, once for the
 * requests that miss it together. Throws `product_not_found`.
 */
export function readRecommendationAnswer(
  deps: ServingDeps,
  store: Store,
  input: RecommendationInput,
): Promise<CachedAnswer> {
  const { catalogCache } = deps;
  return catalogCache.read(recommendationAnswerKey(store.id, input), store.id, async () =>
    cachedText(
      JSON.stringify(await recommend(deps.db, catalogCache.recommendationLists, store, input)),
    ),
  );
}

/**
 * A signed-in shopper's own "for you" for their paid-order `history` (shopperHistory), kept
 * the same way but under a key of theirs, which the listener never asks for: only the route
 * sends it, privately, to the shopper whose token it checked.
 */
export function readShopperRecommendationAnswer(
  deps: ServingDeps,
  store: Store,
  input: RecommendationInput,
  customerId: string,
  history: string,
): Promise<CachedAnswer> {
  const { catalogCache } = deps;
  const lists = catalogCache.shopperRecommendationLists;
  const key = `${recommendationAnswerKey(store.id, input)}\n${customerId}\n${history}`;
  return catalogCache.read(key, store.id, async () =>
    cachedText(
      JSON.stringify(await recommendForShopper(deps.db, lists, store, input, customerId, history)),
    ),
  );
}

/**
 * `/v1/recommendations?…` with `kind`, `product`, `first` and `currency` at most once each, in
 * any order, none needing percent-decoding: what the storefront's element asks. Anything
 * else — another parameter, a value the route would refuse — goes to the route.
 */
const RECOMMENDATIONS_PATH = /^\/v1\/recommendations\?([A-Za-z0-9._~=&-]{1,400})$/;
const PRODUCT_REF = /^[A-Za-z0-9._~-]{1,200}$/;
const FIRST = /^[1-9][0-9]?$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const PARAMETERS = new Set(['kind', 'product', 'first', 'currency']);

/** GET /v1/recommendations, but for a signed-in shopper's "for you" (the route's). */
export const recommendationReads: CatalogReader = (url) => {
  const match = RECOMMENDATIONS_PATH.exec(url);
  if (!match) return undefined;
  const asked = new Map<string, string>();
  for (const pair of match[1]!.split('&')) {
    const [name = '', value, more] = pair.split('=');
    if (value === undefined || more !== undefined || !PARAMETERS.has(name) || asked.has(name)) {
      return undefined;
    }
    asked.set(name, value);
  }
  const kind = RECOMMENDATION_KINDS.find((k) => k === asked.get('kind'));
  const product = asked.get('product');
  const first = asked.get('first');
  const currency = asked.get('currency');
  if (
    !kind ||
    (product === undefined ? kind !== 'for-you' : !PRODUCT_REF.test(product)) ||
    (first !== undefined && !(FIRST.test(first) && Number(first) <= MAX_RECOMMENDATIONS)) ||
    (currency !== undefined && !CURRENCY.test(currency))
  ) {
    return undefined;
  }
  return (_deps, store, origin, signedIn) => {
    if (signedIn && kind === 'for-you') return undefined;
    const input: RecommendationInput = {
      kind,
      product,
      first: first === undefined ? DEFAULT_RECOMMENDATIONS : Number(first),
      currency: resolveCurrency(store, currency),
      origin,
    };
    return { key: recommendationAnswerKey(store.id, input) };
  };
};
