import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import { connectCatalogCache } from './cache/catalog-changes.js';
import { catalogReadListener } from './catalog-read-listener.js';
import type { AppDeps, ServingDeps } from './context.js';
import { type Database, openDatabase } from './db/index.js';
import { analyzeCatalogJob } from './jobs/analyze-catalog.js';
import { jobs } from './jobs/index.js';
import { startJobs } from './jobs/scheduler.js';
import { createLogger, type Logger, type LogLevel } from './log.js';
import { createMailer, mailConfig } from './mail/mailer.js';
import type { AdmissionLimits } from './middleware/admission.js';
import { isLoopback, listenUrls, publicOrigins } from './public-origins.js';
import type { RateLimiter } from './rate-limit/limiter.js';
import { RedisRateLimiter } from './rate-limit/redis.js';
import { parseRateLimits, type RateLimits } from './rate-limit/rules.js';
import { seedDemo } from './seed/demo.js';
import type { PaymentNetworkConfig } from './services/payments/test-network.js';
import { allowOriginsEverywhere } from './services/stores.js';

export interface ServerOptions {
  /** PostgreSQL URL, PGlite data folder, or 'memory://'. */
  db: string;
  port?: number;
  host?: string;
  /** Seed the demo stores (only into an empty database). */
  seed?: 'demo';
  /** Origins added to every store's allow-list. */
  allowOrigins?: string[];
  /**
   * The URLs clients reach the server at (behind a proxy, several hostnames); the first is
   * the primary. Without them, the address it listens on. Only these ever appear in answers.
   */
  publicUrls?: string[];
  /** Idempotency-Key claim expiry and retention (defaults: 10 s, 24 h). */
  idempotency?: AppDeps['idempotency'];
  logLevel?: LogLevel;
  log?: Logger;
  /**
   * Redis for rate-limit counters and catalog-change notices (env KIOSK_REDIS_URL); default:
   * the database (its table, and LISTEN/NOTIFY).
   */
  redisUrl?: string;
  /** Limits replacing the defaults (env KIOSK_RATE_LIMITS, e.g. `carts=600/1m`). */
  rateLimits?: Partial<RateLimits>;
  /** Proxies of ours in front that append to X-Forwarded-For (env KIOSK_TRUSTED_PROXIES). */
  trustedProxies?: number;
  /** SMTP for emailed sign-in codes (env KIOSK_SMTP_URL, smtp://…); none: no emailed codes. */
  smtpUrl?: string;
  /** The From address of that mail (env KIOSK_MAIL_FROM). */
  mailFrom?: string;
  /**
   * Count each request's SQL statements into an `X-Kiosk-Statements` answer header (env
   * KIOSK_COUNT_STATEMENTS=1): for benchmarks, not production.
   */
  countStatements?: boolean;
  /**
   * On embedded PGlite: requests run at once and waiting (env KIOSK_PGLITE_RUNNING,
   * KIOSK_PGLITE_QUEUE); beyond them, 503 at once (middleware/admission.ts).
   */
  admission?: Partial<AdmissionLimits>;
  /**
   * How long a product answer is kept in the process (env KIOSK_PRODUCT_CACHE_MS, default
   * 2000; 0: none, every read queries, as the benchmark's uncached row measures).
   */
  productCacheMs?: number;
  /**
   * The test payment network the test wallet and voucher run on (env KIOSK_TEST_PAYMENTS_URL
   * and KIOSK_TEST_PAYMENTS_SECRET, both or neither): e.g. TestPaymentNetwork on loopback.
   */
  paymentNetwork?: PaymentNetworkConfig;
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, seeds it if asked, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? createLogger(options.logLevel ?? 'info');
  // Settings first: one the server cannot read stops it before anything is opened.
  const rateLimits = options.rateLimits ?? parseRateLimits(process.env.KIOSK_RATE_LIMITS);
  const trustedProxies =
    options.trustedProxies ?? parseTrustedProxies(process.env.KIOSK_TRUSTED_PROXIES);
  const mail = mailConfig(
    options.smtpUrl ?? process.env.KIOSK_SMTP_URL,
    options.mailFrom ?? process.env.KIOSK_MAIL_FROM,
  );
  const admission = pgliteAdmission(options.admission);
  const paymentNetwork =
    options.paymentNetwork ??
    paymentNetworkConfig(
      process.env.KIOSK_TEST_PAYMENTS_URL,
      process.env.KIOSK_TEST_PAYMENTS_SECRET,
    );
  const answerTtlMs = options.productCacheMs ?? productCacheMs(process.env.KIOSK_PRODUCT_CACHE_MS);
  const countStatements = options.countStatements ?? process.env.KIOSK_COUNT_STATEMENTS === '1';
  const listenUrl = process.env.KIOSK_DB_LISTEN_URL || undefined;
  const database = await openDatabase(options.db, {
    log,
    countStatements,
    ...(listenUrl ? { listenUrl } : {}),
  });
  if (options.seed === 'demo') {
    const seeded = await seedDemo(database.db);
    if (seeded) log.info('seeded demo stores', { stores: ['aurora', 'borealis'] });
  }
  if (options.allowOrigins?.length) await allowOriginsEverywhere(database.db, options.allowOrigins);

  const host = options.host ?? '127.0.0.1';
  const redisUrl = options.redisUrl ?? process.env.KIOSK_REDIS_URL;
  const rateLimiter: RateLimiter | undefined = redisUrl
    ? await RedisRateLimiter.connect(redisUrl, log)
    : undefined;
  const catalog = await connectCatalogCache(database, {
    redisUrl,
    log,
    answerTtlMs,
  });
  const configured = options.publicUrls?.length ? publicOrigins(options.publicUrls) : undefined;
  const mailer = mail ? createMailer(mail) : undefined;
  const deps: ServingDeps = {
    db: database.db,
    log,
    now: () => new Date(),
    ...(configured ? { publicOrigins: configured } : {}),
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
    checkDatabase: () => database.checkHealth(),
    catalogCache: catalog.cache,
    ...(rateLimiter ? { rateLimiter } : {}),
    rateLimits,
    trustedProxies,
    ...(mailer ? { mailer } : {}),
    ...(paymentNetwork ? { paymentNetwork } : {}),
    ...(countStatements ? { countStatements } : {}),
    ...(database.kind === 'pglite' ? { admission } : {}),
  };
  const app = createApp(deps);
  // PostgreSQL's autovacuum keeps the planner's statistics; PGlite has none (the job says why).
  const stopJobs = startJobs(
    database.kind === 'pglite' ? [...jobs, analyzeCatalogJob] : jobs,
    deps,
  );
  const server = createServer(requestListener(app, deps, host));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // The port is known only now (0 picks one); no request is served before this runs.
  deps.publicOrigins ??= publicOrigins(listenUrls(host, port));
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info('listening', {
    url,
    publicUrl: deps.publicOrigins?.primary,
    database: database.kind,
    location: database.location,
  });
  if (!configured && !isLoopback(host)) {
    log.warn('no public URL configured: answers name this server by its listening address', {
      hint: 'set --public-url / KIOSK_PUBLIC_URL to the URL clients use',
    });
  }

  return {
    url,
    database,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopJobs();
      await rateLimiter?.close();
      await catalog.close();
      mailer?.close();
      await database.close();
    },
  };
}

function paymentNetworkConfig(
  url: string | undefined,
  secret: string | undefined,
): PaymentNetworkConfig | undefined {
  if (!url && !secret) return undefined;
  if (!url || !secret || secret.length < 16 || !/^https?:\/\//.test(url)) {
    throw new Error(
      'KIOSK_TEST_PAYMENTS_URL (an http(s) URL) and KIOSK_TEST_PAYMENTS_SECRET (16+ characters) go together.',
    );
  }
  return { url, secret };
}

function productCacheMs(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 60_000) {
    throw new Error(
      `KIOSK_PRODUCT_CACHE_MS must be a whole number of ms (0-60000), not "${text}".`,
    );
  }
  return n;
}

function parseTrustedProxies(text: string | undefined): number {
  const n = Number(text ?? 0);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(
      `KIOSK_TRUSTED_PROXIES must be a whole number of proxies (0-10), not "${text}".`,
    );
  }
  return n;
}

/**
 * PGlite's admission limits: a few requests at once keep the event loop's longest block short
 * (their statements run back to back), a line of 128 absorbs a few pages' bursts of requests
 * (a brand page asks for its images, cards, cart and store at once, and a shopper has tabs),
 * and 3 s in line is the most a shopper is kept before being told to retry (a full line
 * answers at once; the wait only bounds a line that moves slowly).
 */
function pgliteAdmission(given: Partial<AdmissionLimits> = {}): AdmissionLimits {
  const env = (name: string, fallback: number) => {
    const text = process.env[name];
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) {
      throw new Error(`${name} must be a whole number from 1 to 10000, not "${text}".`);
    }
    return n;
  };
  return {
    running: given.running ?? env('KIOSK_PGLITE_RUNNING', 4),
    queued: given.queued ?? env('KIOSK_PGLITE_QUEUE', 128),
    waitMs: given.waitMs ?? 3000,
  };
}

/**
 * What the Node server runs for each request: a product read or a recommendation kept for
 * everyone is answered from the catalog cache (a product not kept, from its one statement:
 * catalog-read-listener.ts), anything else goes to the app.
 */
export function requestListener(
  app: { fetch: Parameters<typeof getRequestListener>[0] },
  deps: ServingDeps,
  hostname?: string,
): RequestListener {
  return catalogReadListener(deps, getRequestListener(app.fetch, { hostname }));
}
