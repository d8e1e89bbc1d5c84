#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { describeError } from './db/faults.js';
import { openDatabase } from './db/index.js';
import { normalizePublicUrl } from './public-origins.js';
import { startServer } from './server.js';
import { createStore } from './services/stores.js';

// Before any work: V8 otherwise learns from the start (migrations, the demo seed, any large
// read) that pg's result rows live long, and from then on makes every row in the old
// generation, where it keeps each request's answer alive past young collections: a tenth of
// an uncached product read's CPU, in collections (docs/decisions/011-product-read-cache.md).
setFlagsFromString('--no-allocation-site-pretenuring');

const usage = `kiosk-server — the Kiosk commerce API

Usage:
  kiosk-server [--port 8787] [--host 127.0.0.1] [--db <dir|postgres-url>] [--seed demo]
               [--allow-origin <origin>]... [--public-url <url>]... [--migrate-only]
  kiosk-server store create --handle <handle> --name <name> [--mode test|live]
               [--currency USD]... [--locale en]... [--allow-origin <origin>]...
               [--db <dir|postgres-url>]
               (--mode test, the default: only the test card pays; live: it is refused)

Environment: DATABASE_URL (PostgreSQL), KIOSK_DATA_DIR (PGlite folder, default ./.kiosk-data),
PORT, HOST, KIOSK_PUBLIC_URL (comma-separated; the first is the primary),
KIOSK_IDEMPOTENCY_CLAIM_SECONDS (default 10), KIOSK_IDEMPOTENCY_RETENTION_HOURS (default 24),
LOG_LEVEL (debug|info|warn|error|silent), KIOSK_REDIS_URL (rate-limit counters and
catalog-change notices in Redis), KIOSK_PRODUCT_CACHE_MS (how long a product answer is
kept in the process, default 2000; 0: not kept), KIOSK_RATE_LIMITS (e.g. carts=600/1m), KIOSK_TRUSTED_PROXIES, KIOSK_SMTP_URL and
KIOSK_MAIL_FROM (emailed sign-in codes); KIOSK_TEST_PAYMENTS_URL and KIOSK_TEST_PAYMENTS_SECRET
(the test payment network of the checkout's test wallet and voucher); KIOSK_COUNT_STATEMENTS=1 (each answer's SQL
statement count in X-Kiosk-Statements, for benchmarks); on PGlite KIOSK_PGLITE_RUNNING
(requests at once, default 4) and KIOSK_PGLITE_QUEUE (waiting, default 128); PostgreSQL pool and
timeouts: DB_POOL_SIZE, KIOSK_DB_HEALTH_TIMEOUT_MS, KIOSK_DB_CONNECT_TIMEOUT_MS,
KIOSK_DB_ACQUIRE_TIMEOUT_MS, KIOSK_DB_STATEMENT_TIMEOUT_MS, KIOSK_DB_QUERY_TIMEOUT_MS,
KIOSK_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS (docs/server/running.md, "Database faults");
behind a transaction-pooling pgbouncer (before 1.21): KIOSK_DB_PREPARE=off (no named
prepared statements; default on) and KIOSK_DB_LISTEN_URL (a direct PostgreSQL URL for
LISTEN, which needs a session of its own; default the database URL) or KIOSK_REDIS_URL
(docs/server/running.md, "Caching and several instances").`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    'public-url': { type: 'string', multiple: true },
    'migrate-only': { type: 'boolean' },
    handle: { type: 'string' },
    name: { type: 'string' },
    mode: { type: 'string' },
    currency: { type: 'string', multiple: true },
    locale: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

function positiveNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) fail(`${name} must be a positive number: ${raw}`);
  return n;
}

const db = values.db ?? process.env.DATABASE_URL ?? process.env.KIOSK_DATA_DIR ?? './.kiosk-data';

async function main() {
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (positionals[0] === 'store' && positionals[1] === 'create') {
    if (!values.handle || !values.name) fail('store create needs --handle and --name');
    const mode = values.mode ?? 'test';
    if (mode !== 'test' && mode !== 'live') fail('--mode takes "test" or "live"');
    const database = await openDatabase(db);
    try {
      const { store, secretKey } = await createStore(database.db, {
        handle: values.handle,
        name: values.name,
        mode,
        ...(values.currency ? { currencies: values.currency } : {}),
        ...(values.locale ? { locales: values.locale } : {}),
        allowedOrigins: values['allow-origin'] ?? [],
      });
      process.stdout.write(
        `${JSON.stringify({ handle: store.handle, mode: store.mode, publishableKey: store.publishableKey, secretKey }, null, 2)}\n`,
      );
    } finally {
      await database.close();
    }
    return;
  }
  if (positionals.length > 0) fail(`Unknown command: ${positionals.join(' ')}`);
  if (values.seed !== undefined && values.seed !== 'demo') fail('--seed takes only "demo"');

  if (values['migrate-only']) {
    const database = await openDatabase(db);
    await database.close();
    process.stdout.write(`Migrations applied to ${database.location}\n`);
    return;
  }

  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid port: ${values.port}`);
  const publicUrls = (values['public-url'] ?? process.env.KIOSK_PUBLIC_URL?.split(',') ?? [])
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of publicUrls) {
    try {
      normalizePublicUrl(u);
    } catch (err) {
      fail((err as Error).message);
    }
  }
  const claimSeconds = positiveNumber('KIOSK_IDEMPOTENCY_CLAIM_SECONDS');
  const retentionHours = positiveNumber('KIOSK_IDEMPOTENCY_RETENTION_HOURS');
  const server = await startServer({
    db,
    port,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
    allowOrigins: values['allow-origin'] ?? [],
    publicUrls,
    idempotency: {
      ...(claimSeconds ? { claimMs: claimSeconds * 1000 } : {}),
      ...(retentionHours ? { retentionMs: retentionHours * 3_600_000 } : {}),
    },
    logLevel: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'info',
  });
  process.stdout.write(
    `\nKiosk API   ${server.url}\nOpenAPI     ${server.url}/openapi.json\nHealth      ${server.url}/healthz\n\n`,
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // Through describeError: a failed statement's parameters (seed data, keys) stay out.
  const { error, stack, ...fields } = describeError(err, { stack: true });
  const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
  process.stderr.write(`${error}${extra}\n${stack ?? ''}\n`);
  process.exit(1);
});
