import { createBatcher } from './batch.js';
import { invalid, KioskError } from './errors.js';
import type { Http } from './http.js';
import type { Reads } from './reads.js';
import type { Page, Product } from './types.js';

export interface ProductReadOptions {
  /** ISO 4217; defaults to the client's currency. A currency the store doesn't sell falls back to its default. */
  currency?: string;
}

/**
 * Product reads. `get` calls made in the same tick become one batch request per currency,
 * so a page of fifty cards asks once; answers are kept briefly and shared by every caller.
 */
export function createProducts(
  http: Http,
  reads: Reads,
  defaultCurrency: () => string | undefined,
) {
  const known = new Map<string, { product: Product; at: number }>();
  const batchers = new Map<string, (key: string) => Promise<Product>>();

  function batcherFor(currency: string | undefined) {
    const id = currency ?? '';
    let batcher = batchers.get(id);
    if (!batcher) {
      batcher = createBatcher<Product>(
        async (keys) => {
          const data = await http.request('/v1/products/batch', {
            query: { ids: keys.join(','), currency },
            ...reads.freshness(),
          });
          const found = new Map<string, Product>();
          const at = Date.now();
          for (const product of data.items) {
            for (const k of [product.id, product.handle]) {
              found.set(k, product);
              known.set(`${id}|${k}`, { product, at });
            }
          }
          return found;
        },
        (key) =>
          new KioskError({
            code: 'product_not_found',
            message: `No product "${key}".`,
            status: 404,
          }),
      );
      batchers.set(id, batcher);
    }
    return batcher;
  }

  return {
    /** A product by handle or id. */
    get(handleOrId: string, options: ProductReadOptions = {}): Promise<Product> {
      if (typeof handleOrId !== 'string' || !handleOrId.trim()) {
        return Promise.reject(invalid('handleOrId is required.', 'handleOrId'));
      }
      const currency = options.currency ?? defaultCurrency();
      const hit = known.get(`${currency ?? ''}|${handleOrId}`);
      if (hit && Date.now() - hit.at < 30_000) return Promise.resolve(hit.product);
      return batcherFor(currency)(handleOrId);
    },
    /** Forgets the products read: who is signed in changed what they say (member prices). */
    forget() {
      known.clear();
    },
    /** A loaded product that has this variant (for optimistic cart lines). */
    productOfVariant(variantId: string): Product | undefined {
      for (const { product } of known.values()) {
        if (product.variants.some((v) => v.id === variantId)) return product;
      }
      return undefined;
    },
    /** A page of products, optionally matching `query`. */
    list(
      options: { first?: number; after?: string; query?: string } & ProductReadOptions = {},
    ): Promise<Page<Product>> {
      return reads.get('/v1/products', {
        query: { ...options, currency: options.currency ?? defaultCurrency() },
      });
    },
  };
}
