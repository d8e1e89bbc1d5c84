/**
 * Rate-limit counters shared by every instance (PostgreSQL by default, Redis when
 * KIOSK_REDIS_URL is set). A bucket counts hits in a fixed window that opens at its first
 * hit and lasts `windowMs`; then the next hit opens a new one. One counter per bucket and
 * one atomic statement per hit: flooding a bucket never grows the state, and of any number
 * of concurrent hits on a fresh bucket exactly `limit` are allowed. (Why fixed and not
 * sliding: docs/server/running.md, "Rate limits".)
 */
export interface RateLimiter {
  /** Counts one hit on the bucket and says whether it is within `limit`. */
  hit(bucket: Bucket, limit: number, windowMs: number): Promise<RateLimitHit>;
  /** Takes back one hit that turned out not to count (the window stays as it is). */
  refund(bucket: Bucket): Promise<void>;
  /** Forgets the bucket: its count starts again from zero. */
  reset(bucket: Bucket): Promise<void>;
  /** Releases connections the limiter opened itself (not the database's). */
  close(): Promise<void>;
}

/** Counters belong to a store like every other row; `key` names what is counted in it. */
export interface Bucket {
  storeId: string;
  key: string;
}

export interface RateLimitHit {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds until the window closes (at least 1): the answer's Retry-After. */
  retryAfterSeconds: number;
}

/** Builds a hit from the counter's new value and the time left in its window. */
export function hitResult(count: number, limit: number, msLeft: number): RateLimitHit {
  return {
    allowed: count <= limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  };
}

/** The limiter could not be reached: the request is answered 503, never let through unlimited. */
export class RateLimiterUnavailable extends Error {
  override readonly name = 'RateLimiterUnavailable';
}
