import { Redis, type Result } from 'ioredis';
import type { Logger } from '../log.js';
import {
  type Bucket,
  hitResult,
  type RateLimiter,
  RateLimiterUnavailable,
  type RateLimitHit,
} from './limiter.js';

// One script per operation, so each is atomic on the Redis server (ioredis sends them by
// EVALSHA). A key always carries its window as its TTL: a fresh key — or one that somehow
// lost its TTL — gets the window on its first count.
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;
// DECR on a missing key would create one with no TTL: only an open window is refunded.
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end
return 0`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    kioskRateHit(key: string, windowMs: number): Result<[number, number], Context>;
    kioskRateRefund(key: string): Result<number, Context>;
  }
}

/** How long a command may take before the request is answered 503 (a stalled Redis). */
const DEADLINE_MS = 1000;

/**
 * Counters as Redis keys (`kiosk:rl:<store>:<bucket>`) with the window as their TTL, on
 * Redis's clock. Commands fail at once while Redis is unreachable (no offline queue) and
 * give up after DEADLINE_MS, so a request is answered 503 instead of waiting; the client
 * reconnects by itself.
 */
export class RedisRateLimiter implements RateLimiter {
  private constructor(private readonly client: Redis) {}

  /** Connects to `url`; waits up to `readyMs` for Redis, then goes on (and keeps retrying). */
  static async connect(url: string, log: Logger, readyMs = 3000): Promise<RedisRateLimiter> {
    const client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    client.defineCommand('kioskRateHit', { numberOfKeys: 1, lua: HIT });
    client.defineCommand('kioskRateRefund', { numberOfKeys: 1, lua: REFUND });
    let wasReady = false;
    // Without an 'error' listener ioredis reports every failed reconnect on stderr.
    client.on('error', () => {});
    client.on('ready', () => {
      wasReady = true;
      log.info('rate limits: redis connected');
    });
    client.on('close', () => {
      if (wasReady) log.warn('rate limits: redis connection lost; limited routes answer 503');
      wasReady = false;
    });
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), readyMs);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) log.warn('rate limits: redis not reachable yet; limited routes answer 503');
    return new RedisRateLimiter(client);
  }

  async hit(bucket: Bucket, limit: number, windowMs: number): Promise<RateLimitHit> {
    const [count, msLeft] = await this.guard(() =>
      this.client.kioskRateHit(keyOf(bucket), windowMs),
    );
    return hitResult(count, limit, msLeft);
  }

  async refund(bucket: Bucket): Promise<void> {
    await this.guard(() => this.client.kioskRateRefund(keyOf(bucket)));
  }

  async reset(bucket: Bucket): Promise<void> {
    await this.guard(() => this.client.del(keyOf(bucket)));
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }

  private async guard<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline(command(), DEADLINE_MS);
    } catch (err) {
      throw new RateLimiterUnavailable('Redis could not be reached.', { cause: err });
    }
  }
}

/**
 * Rejects when `promise` has not settled `ms` after the call. Not ioredis's commandTimeout:
 * when the event loop is late (a busy instance), that timer fires before the reply waiting
 * in the socket is read, and a healthy Redis looks stalled. Here the timeout waits one more
 * turn (setImmediate runs after the loop has read pending I/O) before it gives up.
 */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => setImmediate(() => reject(new Error(`No answer from Redis in ${ms} ms.`))),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

function keyOf(bucket: Bucket): string {
  return `kiosk:rl:${bucket.storeId}:${bucket.key}`;
}
