import type { Db } from '../db/index.js';
import { findStoreByHandle, findStoreByPublishableKey, type Store } from '../services/stores.js';
import { RecommendationLists } from './recommendation-lists.js';

/**
 * How long a cached store or catalog answer may be served without being read again: the
 * bound on staleness when a change's notice is lost (an instance that missed it, a stock
 * change at checkout, which sends none). Changes made through the admin API reach every
 * instance at once (catalog-changes.ts); this is only the safety net.
 */
export const CATALOG_CACHE_TTL_MS = 2000;

/**
 * Answers kept at most, and their text in all: the oldest go first. A product's JSON is a few
 * KB; a recommendation's holds up to 24 products', so the count alone would not bound it.
 */
const MAX_ANSWERS = 5000;
const MAX_ANSWER_CHARS = 32_000_000;

/**
 * A public catalog answer as sent: the JSON text and its ETag (http-cache.ts), and its UTF-8
 * bytes once it is sent again from the cache (catalog-read-listener.ts): a warm read writes
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
 * admins rarely change: stores by publishable key, and public catalog answers (products by
 * store, product ref, currency and public origin; recommendations). Entries expire after the
 * TTL and go at once when their store's catalog changes — here (`changed`) or on another
 * instance (`invalidate`, from the change's notice). Beside them, which products each
 * recommendation names (`recommendationLists`; a signed-in shopper's own in
 * `shopperRecommendationLists`), which follow orders and age out on their own.
 * Never a source of truth for a write: checkout reads live stock.
 */
export class CatalogCache {
  private readonly stores = new Map<string, Entry<Store>>();
  private readonly answers = new Map<string, Entry<CachedAnswer>>();
  /** The length of the kept answers' text, together. */
  private answerChars = 0;
  /** Answers being read (`read`), and the version each read started at. */
  private readonly reading = new Map<string, { version: number; answer: Promise<CachedAnswer> }>();
  readonly recommendationLists: RecommendationLists;
  /** Signed-in shoppers' own "for you" lists, apart: so many shoppers never push out the above. */
  readonly shopperRecommendationLists: RecommendationLists;
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
      /** How long a recommendation's list of products is kept (RECOMMENDATION_LIST_TTL_MS). */
      recommendationListTtlMs?: number;
    } = {},
  ) {
    this.recommendationLists = new RecommendationLists(options.recommendationListTtlMs);
    this.shopperRecommendationLists = new RecommendationLists(options.recommendationListTtlMs);
  }

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
    const entry = this.answers.get(key);
    if (!entry) return undefined;
    if (entry.expires > performance.now()) return entry.value;
    this.dropAnswer(key);
    return undefined;
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
    this.dropAnswer(key);
    while (
      this.answers.size >= MAX_ANSWERS ||
      (this.answers.size > 0 && this.answerChars + value.text.length > MAX_ANSWER_CHARS)
    ) {
      this.dropAnswer(this.answers.keys().next().value!);
    }
    this.answers.set(key, { value, storeId, expires: performance.now() + ttl });
    this.answerChars += value.text.length;
  }

  private dropAnswer(key: string): void {
    const entry = this.answers.get(key);
    if (!entry) return;
    this.answers.delete(key);
    this.answerChars -= entry.value.text.length;
  }

  /**
   * The answer of `key`: kept, else `read` and kept (as `keep` does). The requests that miss it
   * together share one read, unless its store changed since that read started: a kept answer
   * that expires under load is read once, not by each of them.
   */
  read(key: string, storeId: string, read: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const kept = this.answer(key);
    if (kept) return Promise.resolve(kept);
    const pending = this.reading.get(key);
    if (pending && this.unchangedSince(storeId, pending.version)) return pending.answer;
    const version = this.clock;
    const answer = read().then((value) => {
      this.keep(key, storeId, version, value);
      return value;
    });
    const entry = { version, answer };
    this.reading.set(key, entry);
    const done = () => {
      if (this.reading.get(key) === entry) this.reading.delete(key);
    };
    answer.then(done, done);
    return answer;
  }

  /** Forgets what this instance holds of a store (or of every store: null), nothing more. */
  invalidate(storeId: string | null): void {
    this.clock++;
    if (storeId === null) {
      this.clearedAt = this.clock;
      this.stores.clear();
      this.answers.clear();
      this.answerChars = 0;
      return;
    }
    this.changedAt.set(storeId, this.clock);
    for (const [key, entry] of this.stores) if (entry.storeId === storeId) this.stores.delete(key);
    for (const [key, entry] of this.answers) if (entry.storeId === storeId) this.dropAnswer(key);
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
