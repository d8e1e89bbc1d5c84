import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, inject, onTestFinished } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { CatalogCache } from '../src/cache/catalog-cache.js';
import type { AppDeps, ServingDeps } from '../src/context.js';
import { type Database, type Db, openDatabase } from '../src/db/index.js';
import { customers, products, variantPrices, variants } from '../src/db/schema/index.js';
import type { Job } from '../src/jobs/scheduler.js';
import { createLogger } from '../src/log.js';
import { publicOrigins } from '../src/public-origins.js';
import { requestListener } from '../src/server.js';
import { signAccessToken } from '../src/services/access-tokens.js';
import { type CreateStoreInput, createStore, type Store } from '../src/services/stores.js';
import { TestPaymentNetwork } from '../src/testing/payment-network.js';

const shared = globalThis as { kioskTestDatabase?: Promise<Database> };

/** The one database of this test process (PGlite in memory, or this run's PostgreSQL database). */
export function sharedDatabase(): Promise<Database> {
  shared.kioskTestDatabase ??= openDatabase(inject('databaseUrl'), { countStatements: true });
  return shared.kioskTestDatabase;
}

export async function resetDatabase(db: Db): Promise<void> {
  const result = await db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const rows = (result as unknown as { rows: { tablename: string }[] }).rows;
  if (rows.length === 0) return;
  const names = rows.map((r) => `"${r.tablename}"`).join(', ');
  await db.execute(sql.raw(`truncate ${names} restart identity cascade`));
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON unless it is a string (sent as is). */
  body?: unknown;
  /** Publishable key → X-Kiosk-Key. */
  key?: string;
  /** Bearer token: a customer's access token or a secret key. */
  token?: string;
  headers?: Record<string, string>;
  /** The client's address, as @hono/node-server would give it from the socket. */
  ip?: string;
}

export interface TestAppOptions
  extends Pick<
    AppDeps,
    | 'rateLimiter'
    | 'rateLimits'
    | 'trustedProxies'
    | 'mailer'
    | 'countStatements'
    | 'admission'
    | 'paymentNetwork'
  > {
  /** This instance's catalog cache; default: its own, told of no other instance's changes. */
  catalogCache?: AppDeps['catalogCache'];
  /** False for a second app (instance) over the database the first one set up. */
  resetDatabase?: boolean;
}

export interface TestApp {
  app: App;
  db: Db;
  /** Log lines the app wrote (JSON strings), to check nothing secret is logged. */
  logs: string[];
  /** Moves the app's clock forward. */
  advanceClock(ms: number): void;
  now(): Date;
  request<T = any>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /**
   * Serves the app on a loopback port as startServer does (warm product reads answered
   * before the app): for what only a real Node server does. Closed after the test.
   */
  listen(options?: { publicUrl?: boolean }): Promise<string>;
}

/** Serves `app` on a free loopback port with the server's own request listener; its URL. */
export async function listen(app: App, deps: ServingDeps): Promise<string> {
  const server = createServer(requestListener(app, deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A fresh app over the shared database with every table emptied. Call in beforeEach
 * (or use `useTestApp()`), then create what the test needs with the fixtures below.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { resetDatabase: reset = true, ...deps } = options;
  const database = await sharedDatabase();
  if (reset) await resetDatabase(database.db);
  const logs: string[] = [];
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const serving: ServingDeps = {
    db: database.db,
    log: createLogger('debug', (l) => logs.push(l)),
    now,
    ...deps,
    catalogCache: deps.catalogCache ?? new CatalogCache(),
  };
  const app = createApp(serving);
  return {
    app,
    listen: async (options = {}) => {
      const url = await listen(app, serving);
      // As startServer does: answers (checkout and webhook URLs) name the port listened on.
      if (options.publicUrl) serving.publicOrigins = publicOrigins([url]);
      return url;
    },
    db: database.db,
    logs,
    now,
    advanceClock: (ms) => {
      offset += ms;
    },
    async request(path, options = {}) {
      const headers = new Headers(options.headers);
      if (options.key) headers.set('x-kiosk-key', options.key);
      if (options.token) headers.set('authorization', `Bearer ${options.token}`);
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      }
      const res = await app.request(
        path,
        {
          method: options.method ?? (body === undefined ? 'GET' : 'POST'),
          headers,
          ...(body === undefined ? {} : { body }),
        },
        options.ip ? nodeBindings(options.ip) : undefined,
      );
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON (HTML pages, images): the text itself
      }
      return { status: res.status, body: parsed as any, headers: res.headers };
    },
  };
}

/** What @hono/node-server passes as `c.env`, enough for getConnInfo: the socket's peer. */
export function nodeBindings(ip: string) {
  return { incoming: { socket: { remoteAddress: ip } } };
}

/**
 * A fresh app paying through a test payment network on loopback (closed after the test),
 * listening, so the wallet's return and notify URLs reach it.
 */
export async function appWithNetwork(
  secret: string,
): Promise<{ t: TestApp; network: TestPaymentNetwork }> {
  let app: TestApp | undefined;
  // The network's clock is the app's, so a voucher expires when the order's hold does.
  const network = await TestPaymentNetwork.start({ secret, now: () => app?.now() ?? new Date() });
  onTestFinished(() => network.close());
  app = await createTestApp({ paymentNetwork: network.config });
  await app.listen({ publicUrl: true });
  return { t: app, network };
}

/** Registers a beforeEach that gives each test a fresh app; read `.current` inside tests. */
export function useTestApp(): { current: TestApp } {
  const ref = {} as { current: TestApp };
  beforeEach(async () => {
    ref.current = await createTestApp();
  });
  return ref;
}

export interface TestStore {
  store: Store;
  pk: string;
  sk: string;
}

export async function createTestStore(
  db: Db,
  input: Partial<CreateStoreInput> = {},
): Promise<TestStore> {
  const tag = randomUUID().slice(0, 8);
  const pk = input.publishableKey ?? `pk_test_${tag}`;
  const sk = input.secretKey ?? `sk_test_${tag}`;
  const { store } = await createStore(db, {
    handle: `store-${tag}`,
    name: `Store ${tag}`,
    currencies: ['USD', 'EUR'],
    locales: ['en'],
    allowedOrigins: ['https://shop.example'],
    pointsRules: { rates: { USD: 1, EUR: 0.9 } },
    ...input,
    publishableKey: pk,
    secretKey: sk,
  });
  return { store, pk, sk };
}

export interface TestVariantInput {
  title?: string;
  options?: Record<string, string>;
  stock?: number;
  /** Shipping weight of one unit. */
  grams?: number;
  /** currency → minor units, e.g. { USD: 2500 } */
  prices?: Record<string, number>;
  compareAt?: Record<string, number>;
}

export interface TestProduct {
  id: string;
  handle: string;
  variantIds: string[];
}

/** Inserts a product with variants and prices straight into the database. */
export async function createTestProduct(
  db: Db,
  store: Store,
  input: {
    handle?: string;
    title?: string;
    description?: string;
    vendor?: string;
    status?: 'active' | 'draft';
    variants?: TestVariantInput[];
  } = {},
): Promise<TestProduct> {
  const id = randomUUID();
  const handle = input.handle ?? `product-${id.slice(0, 8)}`;
  const variantInputs = input.variants ?? [{ stock: 10, prices: { USD: 2500, EUR: 2300 } }];
  await db.insert(products).values({
    id,
    storeId: store.id,
    handle,
    title: input.title ?? `Product ${handle}`,
    description: input.description ?? 'A test product.',
    vendor: input.vendor ?? '',
    status: input.status ?? 'active',
    options: [],
  });
  const variantIds: string[] = [];
  for (const [position, v] of variantInputs.entries()) {
    const variantId = randomUUID();
    variantIds.push(variantId);
    await db.insert(variants).values({
      id: variantId,
      storeId: store.id,
      productId: id,
      title: v.title ?? `Variant ${position + 1}`,
      options: v.options ?? {},
      stock: v.stock ?? 10,
      grams: v.grams ?? 0,
      position,
    });
    for (const [currency, amountMinor] of Object.entries(v.prices ?? { USD: 2500 })) {
      await db.insert(variantPrices).values({
        storeId: store.id,
        variantId,
        currency,
        amountMinor,
        compareAtMinor: v.compareAt?.[currency] ?? null,
      });
    }
  }
  return { id, handle, variantIds };
}

export interface TestCustomer {
  id: string;
  email: string;
  /** A valid access token for this customer (as if signed in through OAuth). */
  token: string;
}

/** Inserts a customer directly and mints an access token for them. */
export async function createTestCustomer(
  t: TestApp,
  store: Store,
  input: { email?: string; name?: string } = {},
): Promise<TestCustomer> {
  const id = randomUUID();
  const email = input.email ?? `shopper-${id.slice(0, 8)}@example.com`;
  await t.db
    .insert(customers)
    .values({ id, storeId: store.id, email, name: input.name ?? 'Test Shopper' });
  const { token } = await signAccessToken(store, id, 'http://localhost', t.now());
  return { id, email, token };
}

/**
 * A periodic job run as the scheduler runs it, its clock `aheadMs` ahead of the app's, with
 * `deps` the server would give it (its payment network).
 */
export function runJob(
  t: TestApp,
  job: Job,
  aheadMs = 0,
  deps: Pick<AppDeps, 'paymentNetwork'> = {},
) {
  return job.run({
    db: t.db,
    log: createLogger('silent'),
    now: () => new Date(t.now().getTime() + aheadMs),
    ...deps,
  });
}

/** A variant's stock as the database has it. */
export async function stockOf(db: Db, variantId: string): Promise<number> {
  const [row] = await db
    .select({ stock: variants.stock })
    .from(variants)
    .where(eq(variants.id, variantId));
  return row!.stock;
}

/** How many answers had each status, e.g. { 201: 10, 429: 40 }. */
export function statusCounts(responses: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
