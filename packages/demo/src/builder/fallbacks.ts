import { formatMoney, type KioskClient, type Product, type StoreConfig } from '@kiosk/sdk';
import type { CardFallback } from './snippet.js';

interface FallbackOptions {
  storeKey: string;
  products: readonly string[];
  /** Empty: the store's default. */
  locale: string;
  currency: string;
  ref: string;
}

/**
 * The fallback of each chosen card: the product's name and lowest price in the snippet's
 * currency and language, linked to its share page on the API (`/p/{store}/{handle}`, which
 * keeps the creator code). Read through the SDK (the cards of a change in one batch) and
 * kept per store, currency and product; a read that brings one calls `onLoaded`, and the
 * snippet is written again. A read that fails is forgotten: the next change tries again.
 */
export class CardFallbacks {
  private readonly reads = new Map<string, Promise<unknown>>();
  private readonly stores = new Map<string, StoreConfig>();
  private readonly products = new Map<string, Product>();

  constructor(
    private readonly endpoint: string,
    private readonly onLoaded: () => void,
  ) {}

  /** What is known now for these cards; the rest is read, and arrives through `onLoaded`. */
  for(client: KioskClient, o: FallbackOptions): Map<string, CardFallback> {
    const store = this.stores.get(o.storeKey);
    if (!store) this.read(o.storeKey, () => client.store.get(), this.stores);
    const fallbacks = new Map<string, CardFallback>();
    for (const handle of o.products) {
      const key = `${o.storeKey}|${o.currency}|${handle}`;
      const product = this.products.get(key);
      if (!product) {
        const options = o.currency ? { currency: o.currency } : {};
        this.read(key, () => client.products.get(handle, options), this.products);
      } else if (store) {
        fallbacks.set(handle, this.fallback(store, product, o));
      }
    }
    return fallbacks;
  }

  private fallback(store: StoreConfig, product: Product, o: FallbackOptions): CardFallback {
    const query = new URLSearchParams();
    if (o.ref) query.set('ref', o.ref);
    if (o.locale) query.set('lang', o.locale);
    if (o.currency) query.set('currency', o.currency);
    const path = `/p/${encodeURIComponent(store.handle)}/${encodeURIComponent(product.handle)}`;
    const price = formatMoney(product.priceRange.min, o.locale || store.locales[0] || 'en');
    return {
      text: `${product.title} — ${price}`,
      href: `${this.endpoint}${path}${query.size ? `?${query}` : ''}`,
    };
  }

  private read<T>(key: string, read: () => Promise<T>, into: Map<string, T>): void {
    if (this.reads.has(key)) return;
    this.reads.set(
      key,
      read().then(
        (value) => {
          into.set(key, value);
          this.onLoaded();
        },
        () => this.reads.delete(key),
      ),
    );
  }
}
