import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { describeError } from '../db/faults.js';
import type { Database } from '../db/index.js';
import type { Logger } from '../log.js';
import { CatalogCache } from './catalog-cache.js';

/** The PostgreSQL channel and Redis channel a store's catalog-change notice goes on. */
export const CATALOG_CHANNEL = 'kiosk_catalog';

export interface ConnectedCatalogCache {
  cache: CatalogCache;
  close(): Promise<void>;
}

/**
 * This instance's catalog cache, told of every other instance's changes: by PostgreSQL's
 * LISTEN/NOTIFY on the database (PGlite: within the process), or by Redis pub/sub when
 * `redisUrl` is set. A notice is the store's id; on a gap (the listening connection lost)
 * the whole cache is dropped, since notices may have gone by.
 */
export async function connectCatalogCache(
  database: Database,
  options: { redisUrl?: string | undefined; log: Logger; answerTtlMs?: number | undefined },
): Promise<ConnectedCatalogCache> {
  const { log } = options;
  const onPublishError = (err: unknown) =>
    log.warn('catalog change notice not sent; other instances see it within the TTL', {
      ...describeError(err),
    });
  const ttl = options.answerTtlMs === undefined ? {} : { answerTtlMs: options.answerTtlMs };
  if (options.redisUrl) return connectOverRedis(options.redisUrl, log, ttl, onPublishError);

  const cache = new CatalogCache({
    ...ttl,
    publish: async (storeId) => {
      await database.db.execute(sql`select pg_notify(${CATALOG_CHANNEL}, ${storeId})`);
    },
    onPublishError,
  });
  const stop = await database.listen(CATALOG_CHANNEL, {
    onMessage: (storeId) => cache.invalidate(storeId),
    onGap: () => cache.invalidate(null),
  });
  return { cache, close: stop };
}

async function connectOverRedis(
  url: string,
  log: Logger,
  ttl: { answerTtlMs?: number },
  onPublishError: (err: unknown) => void,
): Promise<ConnectedCatalogCache> {
  const options = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  };
  const publisher = new Redis(url, options);
  // A subscriber re-subscribes by itself after a reconnect (its offline queue holds that).
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  for (const client of [publisher, subscriber]) client.on('error', () => {});
  const cache = new CatalogCache({
    ...ttl,
    publish: async (storeId) => {
      await publisher.publish(CATALOG_CHANNEL, storeId);
    },
    onPublishError,
  });
  subscriber.on('message', (channel: string, storeId: string) => {
    if (channel === CATALOG_CHANNEL) cache.invalidate(storeId);
  });
  let listening = false;
  subscriber.on('close', () => {
    if (listening) log.warn('catalog notices: redis connection lost');
    listening = false;
    cache.invalidate(null);
  });
  subscriber.on('ready', () => {
    listening = true;
    cache.invalidate(null);
  });
  // Redis may be down at start: subscribing waits for it (the cache works meanwhile, bounded
  // by its TTL), but the start waits no longer than this.
  const subscribed = subscriber.subscribe(CATALOG_CHANNEL).then(() => true);
  subscribed.catch(() => {});
  const ready = await Promise.race([
    subscribed,
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000).unref()),
  ]).catch(() => false);
  if (!ready) log.warn('catalog notices: redis not reachable yet; caches rely on their TTL');
  return {
    cache,
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
