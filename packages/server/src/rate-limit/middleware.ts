import { createMiddleware } from 'hono/factory';
import { clientIp } from '../client-ip.js';
import type { AppContext, AppDeps, AppEnv } from '../context.js';
import { describeError } from '../db/faults.js';
import { ApiError } from '../errors.js';
import { addressKey, bucketKey } from './buckets.js';
import {
  type Bucket,
  type RateLimiter,
  RateLimiterUnavailable,
  type RateLimitHit,
} from './limiter.js';
import { PostgresRateLimiter } from './postgres.js';
import { defaultRateLimits, type RateLimitName, type RateLimitRule } from './rules.js';

/** The app's limiter: the one it was given (Redis), else counters in its database. */
export function rateLimiterOf(deps: AppDeps): RateLimiter {
  return deps.rateLimiter ?? new PostgresRateLimiter(deps.db, deps.now);
}

export function rateLimitRule(deps: AppDeps, name: RateLimitName): RateLimitRule {
  return deps.rateLimits?.[name] ?? defaultRateLimits[name];
}

/**
 * Runs a limiter call; an unreachable limiter is a 503 with Retry-After, never a request
 * let through unlimited (sign-in throttling must not open up during an outage).
 */
export async function withLimiter<T>(c: AppContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof RateLimiterUnavailable)) throw err;
    c.var.deps.log.warn('rate limiter unavailable', {
      requestId: c.get('requestId'),
      ...describeError(err.cause ?? err),
    });
    c.header('Retry-After', '1');
    throw new ApiError('service_unavailable', 'Please try again in a moment.');
  }
}

/** Counts this request against the named limit for its client address in the store. */
export function hitRateLimit(
  c: AppContext,
  name: RateLimitName,
  storeId: string,
): Promise<RateLimitHit> {
  const { deps } = c.var;
  const rule = rateLimitRule(deps, name);
  const bucket: Bucket = { storeId, key: bucketKey(name, addressKey(clientIp(c))) };
  return withLimiter(c, () => rateLimiterOf(deps).hit(bucket, rule.limit, rule.windowMs));
}

/**
 * Limits a storefront write per client address and store: past the limit, 429
 * `rate_limited` with Retry-After (the window's end). Mounted before Idempotency-Key, so a
 * refused request never claims its key and the client's retry with the same key runs.
 */
export function rateLimit(name: RateLimitName) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await enforceRateLimit(c, name, c.var.store.id);
    await next();
  });
}

/** Counts this request; past the limit, 429 `rate_limited` with Retry-After. */
export async function enforceRateLimit(
  c: AppContext,
  name: RateLimitName,
  storeId: string,
): Promise<void> {
  const hit = await hitRateLimit(c, name, storeId);
  if (!hit.allowed) {
    c.header('Retry-After', String(hit.retryAfterSeconds));
    throw new ApiError(
      'rate_limited',
      `Too many requests from this address; try again in ${hit.retryAfterSeconds} s.`,
      { retryAfterSeconds: hit.retryAfterSeconds },
    );
  }
}
