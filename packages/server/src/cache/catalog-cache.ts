import type { Db } from '../db/index.js';
import { findStoreByHandle, findStoreByPublishableKey, type Store } from '../services/stores.js';

/**
 * How long a cached store or catalog answer may be served without being read again: the
 * bound on staleness when a change's notice is lost (an instance that missed it, a stock
 * change at checkout, which sends none). Changes made through the admin API reach every
 * instance at once (catalog-changes.ts); this is only the safety net.
 */
export const CATALOG_CACHE_TTL_MS = 2000;

/** Answers kept at most; the oldest go first. A product's JSON is a few KB. */
const MAX_ANSWERS = 5000;

/**
 * A public catalog answer as sent: the JSON text and its ETag (http-cache.ts), and its UTF-8
 * bytes once it is sent again from the cache (product-read-listener.ts): a warm read writes
 * them as they are, while a read that is sent once only writes its text.
 */
export interface CachedAnswer {
  text: string;
  etag: string;
  bytes?: Buffer;
}

interface Entry<T> {
  value: T;
  storeId: string;
  expires: number;
}

/**
 * The in-process cache of one server instance for what every storefront read needs and
 * admins rarely change: stores by publishable key, and product answers (by store, product
 * ref, currency and public origin). Entries expire after the TTL and go at once when their
 * store's catalog changes — here (`changed`) or on another instance (`invalidate`, from the
 * change's notice). Never a source of truth for a write: checkout reads live stock.
 */
export class CatalogCache {
  private readonly stores = new Map<string, Entry<Store>>();
  private readonly answers = new Map<string, Entry<CachedAnswer>>();
  /** Counts invalidations; `changedAt` keeps each store's last one, `clearedAt` the last of all. */
  private clock = 0;
  private readonly changedAt = new Map<string, number>();
  private clearedAt = 0;

  constructor(
    private readonly options: {
      /** How long a store is kept (default CATALOG_CACHE_TTL_MS). */
      storeTtlMs?: number;
      /**
       * How long a product answer is kept (default CATALOG_CACHE_TTL_MS; env
       * KIOSK_PRODUCT_CACHE_MS); 0 keeps none: every read runs its query.
       */
      answerTtlMs?: number;
      /** Tells the other instances (catalog-changes.ts); none: this process is the only one. */
      publish?: (storeId: string) => Promise<void>;
      onPublishError?: (err: unknown) => void;
    } = {},
  ) {}

  /** The store of a publishable key: cached, else read (and kept if no change overtook the read). */
  storeByKey(db: Db, key: string): Promise<Store | undefined> {
    return this.store(key, () => findStoreByPublishableKey(db, key));
  }

  /** The store of a handle, the same way (share pages, which a shared link brings many to). */
  storeByHandle(db: Db, handle: string): Promise<Store | undefined> {
    // A newline is in no publishable key: the two kinds of key cannot meet.
    return this.store(`handle\n${handle}`, () => findStoreByHandle(db, handle));
  }

  private async store(
    key: string,
    find: () => Promise<Store | undefined>,
  ): Promise<Store | undefined> {
    const hit = this.fresh(this.stores, key);
    if (hit) return hit;
    const version = this.clock;
    const store = await find();
    if (store && this.unchangedSince(store.id, version)) {
      const ttl = this.options.storeTtlMs ?? CATALOG_CACHE_TTL_MS;
      this.stores.set(key, { value: store, storeId: store.id, expires: performance.now() + ttl });
    }
    return store;
  }

  /** The store of a key if it is cached: no database read. */
  cachedStore(key: string): Store | undefined {
    return this.fresh(this.stores, key);
  }

  answer(key: string): CachedAnswer | undefined {
    return this.fresh(this.answers, key);
  }

  /** Taken before reading an answer from the database, and given back to `keep` with it. */
  version(): number {
    return this.clock;
  }

  /**
   * Keeps an answer read since `version`, unless its store changed meanwhile: the read may
   * have seen the data from before the change, and must not outlive its notice.
   */
  keep(key: string, storeId: string, version: number, value: CachedAnswer): void {
    const ttl = this.options.answerTtlMs ?? CATALOG_CACHE_TTL_MS;
    if (ttl <= 0 || !this.unchangedSince(storeId, version)) return;
    this.answers.delete(key);
    if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { value, storeId, expires: performance.now() + ttl });
  }

  /** Forgets what this instance holds of a store (or of every store: null), nothing more. */
  invalidate(storeId: string | null): void {
    this.clock++;
    if (storeId === null) {
      this.clearedAt = this.clock;
      this.stores.clear();
      this.answers.clear();
      return;
    }
    this.changedAt.set(storeId, this.clock);
    for (const map of [this.stores, this.answers] as Map<string, Entry<unknown>>[]) {
      for (const [key, entry] of map) if (entry.storeId === storeId) map.delete(key);
    }
  }

  /**
   * A store's catalog or settings changed (committed): forget it here at once, and tell the
   * other instances. A notice that cannot be sent is logged, not thrown: the change is made,
   * and the others see it within the TTL.
   */
  async changed(storeId: string): Promise<void> {
    this.invalidate(storeId);
    try {
      await this.options.publish?.(storeId);
    } catch (err) {
      this.options.onPublishError?.(err);
    }
  }

  private unchangedSince(storeId: string, version: number): boolean {
    return this.clearedAt <= version && (this.changedAt.get(storeId) ?? 0) <= version;
  }

  private fresh<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expires > performance.now()) return entry.value;
    map.delete(key);
    return undefined;
  }
}
