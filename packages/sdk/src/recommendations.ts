import { invalid } from './errors.js';
import type { components } from './generated/api.js';
import type { Http } from './http.js';
import { recentlyViewed } from './recently-viewed.js';
import type { Product } from './types.js';

type Answer = components['schemas']['Recommendations'];

/** What to recommend: the first three are computed by the server, the last kept on the device. */
export type RecommendationKind = 'bought-together' | 'similar' | 'for-you' | 'recently-viewed';

export interface RecommendationOptions {
  kind: RecommendationKind;
  /** The product on display (handle or id): required for bought-together and similar; never recommended. */
  product?: string;
  /** How many, 1–24 (default 8). */
  first?: number;
  /** ISO 4217; defaults to the client's currency. */
  currency?: string;
}

/**
 * The products, best first, and why they were chosen (`basis`: the kind, or `popular` when the
 * server had nothing to go on), for the heading ("Often bought with Classic Tee").
 */
export type Recommendations = Omit<Answer, 'basis'> & {
  basis: Answer['basis'] | 'recently-viewed';
};

/**
 * Recommendations (`GET /v1/recommendations`), or the shopper's recently viewed products read
 * from this device and loaded in one batch. The client imports this module on the first call.
 */
export async function recommend(
  http: Http,
  products: { get(handle: string, options: { currency?: string }): Promise<Product> },
  defaultCurrency: string | undefined,
  options: RecommendationOptions,
): Promise<Recommendations> {
  const { kind, product, first = 8 } = options ?? ({} as RecommendationOptions);
  const currency = options?.currency ?? defaultCurrency;
  if (kind !== 'recently-viewed') {
    return http.request('/v1/recommendations', { query: { kind, product, first, currency } });
  }
  if (!Number.isInteger(first) || first < 1) throw invalid('first must be 1 or more.', 'first');
  // Concurrent gets are one batch request; one the store no longer has is left out.
  const loaded = await Promise.all(
    recentlyViewed()
      .filter((h) => h !== product)
      .map((h) => products.get(h, currency ? { currency } : {}).catch(() => null)),
  );
  const items = loaded.filter(
    (p): p is Product => !!p && p.id !== product && p.variants.some((v) => v.available),
  );
  return {
    enabled: true,
    basis: 'recently-viewed',
    product: null,
    currency: items[0]?.currency ?? currency ?? '',
    items: items.slice(0, first),
  };
}
