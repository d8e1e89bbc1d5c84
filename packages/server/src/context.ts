import type { Context } from 'hono';
import type { CatalogCache } from './cache/catalog-cache.js';
import type { Db } from './db/index.js';
import type { Logger } from './log.js';
import type { Mailer } from './mail/mailer.js';
import type { AdmissionLimits } from './middleware/admission.js';
import { type PublicOrigins, publicOrigins } from './public-origins.js';
import type { RateLimiter } from './rate-limit/limiter.js';
import type { RateLimits } from './rate-limit/rules.js';
import type { PaymentNetworkConfig } from './services/payments/test-network.js';
import type { Store } from './services/stores.js';

/** What the app is built from; tests build it with their own database and clock. */
export interface AppDeps {
  db: Db;
  log: Logger;
  /** The clock. Tests move it to expire tokens, lots and pending points. */
  now: () => Date;
  /**
   * The URLs the server is reached at (issuer, image and checkout URLs). startServer sets them
   * (configured, else the listening address); without them the app answers as
   * `http://localhost`, the host `app.request` uses in tests.
   */
  publicOrigins?: PublicOrigins;
  /** Idempotency-Key claim and retention times (defaults in middleware/idempotency.ts). */
  idempotency?: { claimMs?: number; retentionMs?: number };
  /**
   * The health check behind /healthz (Database.checkHealth: outside the pool, so a busy pool
   * does not look like an outage). Without it, `select 1` over `db`.
   */
  checkDatabase?: () => Promise<void>;
  /** How many proxies of ours append to X-Forwarded-For in front of the server (client-ip.ts). */
  trustedProxies?: number;
  /** Where rate-limit counters live (Redis); default: the `rate_limits` table of `db`. */
  rateLimiter?: RateLimiter;
  /** Limits that replace the defaults of rate-limit/rules.ts. */
  rateLimits?: Partial<RateLimits>;
  /** Outgoing mail (KIOSK_SMTP_URL); without it the emailed-code sign-in is not offered. */
  mailer?: Mailer;
  /**
   * Stores by key and product answers, kept in this process (cache/catalog-cache.ts);
   * startServer connects it to the other instances' change notices. Without it the app has
   * its own, told of no other instance's changes.
   */
  catalogCache?: CatalogCache;
  /** Answer each request's statement count in `X-Kiosk-Statements` (db/statement-count.ts). */
  countStatements?: boolean;
  /**
   * The test payment network (KIOSK_TEST_PAYMENTS_URL and _SECRET): the test wallet and test
   * voucher run on it. Without it the hosted checkout offers the test card only.
   */
  paymentNetwork?: PaymentNetworkConfig;
  /** Requests let in at once and waiting (middleware/admission.ts): set for embedded PGlite. */
  admission?: AdmissionLimits;
}

/** The deps as the app serves with them: everything optional it needs filled in. */
export type ServingDeps = AppDeps & { catalogCache: CatalogCache };

export type AppEnv = {
  Variables: {
    deps: ServingDeps;
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
    /** Set for a route that keeps its Idempotency-Key itself (middleware/idempotency.ts). */
    idempotencyInRoute: boolean;
  };
};

export type AppContext = Context<AppEnv>;

const inProcess = publicOrigins(['http://localhost']);

/**
 * The public URL to put in this answer: the configured one the request came to, else the
 * primary one. Never the request's own Host unless it is configured: a forged Host must not
 * end up in image URLs, the OAuth issuer or checkout links (and from there in a cache).
 */
export function publicOrigin(c: AppContext): string {
  return publicOriginFor(c.var.deps, new URL(c.req.url).host);
}

/** The same for a request's `host` (`name[:port]`), outside Hono (catalog-read-listener.ts). */
export function publicOriginFor(deps: AppDeps, host: string): string {
  return (deps.publicOrigins ?? inProcess).forHost(host);
}
