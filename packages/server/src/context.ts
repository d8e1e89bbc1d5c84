import type { Context } from 'hono';
import type { Db } from './db/index.js';
import type { Logger } from './log.js';
import type { RateLimiter } from './rate-limit/limiter.js';
import type { RateLimits } from './rate-limit/rules.js';
import type { Store } from './services/stores.js';

/** What the app is built from; tests build it with their own database and clock. */
export interface AppDeps {
  db: Db;
  log: Logger;
  /** The clock. Tests move it to expire tokens, lots and pending points. */
  now: () => Date;
  /** Origin the server is reached at (issuer, image and checkout URLs); else the request's. */
  publicUrl?: string;
  /** How many proxies of ours append to X-Forwarded-For in front of the server (client-ip.ts). */
  trustedProxies?: number;
  /** Where rate-limit counters live (Redis); default: the `rate_limits` table of `db`. */
  rateLimiter?: RateLimiter;
  /** Limits that replace the defaults of rate-limit/rules.ts. */
  rateLimits?: Partial<RateLimits>;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by requireStore / requireAdmin (storefront key, or secret key). */
    store: Store;
    /** Set by customerAuth: the signed-in customer, or null for a guest. */
    customerId: string | null;
    /**
     * Set by a route whose answer holds a secret (a session token): its Idempotency-Key still
     * stops concurrent repeats, but the answer is not stored, so a later repeat runs again.
     */
    idempotencyNoStore: boolean;
  };
};

export type AppContext = Context<AppEnv>;

export function publicOrigin(c: AppContext): string {
  return c.var.deps.publicUrl ?? new URL(c.req.url).origin;
}
