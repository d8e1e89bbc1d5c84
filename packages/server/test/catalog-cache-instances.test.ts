import { randomUUID } from 'node:crypto';
// Two instances over one database, each with its own catalog cache (cache/catalog-cache.ts):
// a write through one instance's admin API reaches the other's cache at once through the
// change notice (LISTEN/NOTIFY; Redis pub/sub with KIOSK_TEST_REDIS_URL), long before the
// TTL; a change no notice tells of (written straight to the database) shows within the TTL.
// Reads go to served instances: warm reads are answered by the Node server's listener.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app.js';
import { CatalogCache } from '../src/cache/catalog-cache.js';
import { type ConnectedCatalogCache, connectCatalogCache } from '../src/cache/catalog-changes.js';
import { type Database, isPostgresUrl, openDatabase } from '../src/db/index.js';
import { variants } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { markPaid, order } from './analytics-fixtures.js';
import {
  createTestApp,
  createTestProduct,
  createTestStore,
  listen,
  sharedDatabase,
  type TestApp,
} from './harness.js';

const databaseUrl = inject('databaseUrl');
const redisUrl = process.env.KIOSK_TEST_REDIS_URL;
const log = createLogger('silent');
/** Far longer than any wait below: what the second instance sees early came by the notice. */
const LONG_TTL_MS = 60_000;

/**
 * The second instance's database: on PostgreSQL a pool of its own, as another server process
 * would have; PGlite is one process's database, so the same one.
 */
let second: Database | undefined;
beforeAll(async () => {
  if (isPostgresUrl(databaseUrl)) second = await openDatabase(databaseUrl);
});
afterAll(async () => {
  await second?.close();
});

/** Polls `read` until `accept` holds, for at most `ms`. No sleeps of fixed length. */
async function eventually<T>(read: () => Promise<T>, accept: (v: T) => boolean, ms = 5000) {
  const end = Date.now() + ms;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}

const transports = [
  { name: 'LISTEN/NOTIFY on the database', redisUrl: undefined },
  ...(redisUrl ? [{ name: 'Redis pub/sub (KIOSK_TEST_REDIS_URL)', redisUrl }] : []),
];

describe.each(transports)('catalog caches of two instances, told by $name', (transport) => {
  let caches: ConnectedCatalogCache[] = [];
  afterEach(async () => {
    await Promise.all(caches.map((c) => c.close()));
    caches = [];
  });

  /** The first instance (in process: its admin writes) and the URL the second one serves at. */
  async function twoInstances(): Promise<{ one: TestApp; two: string }> {
    const connect = async (database: Database) => {
      const connected = await connectCatalogCache(database, {
        redisUrl: transport.redisUrl,
        log,
        answerTtlMs: LONG_TTL_MS,
      });
      caches.push(connected);
      return connected.cache;
    };
    const shared = await sharedDatabase();
    const one = await createTestApp({ catalogCache: await connect(shared) });
    const otherDatabase = second ?? shared;
    const deps = {
      db: otherDatabase.db,
      log,
      now: () => new Date(),
      countStatements: true,
      catalogCache: await connect(otherDatabase),
    };
    return { one, two: await listen(createApp(deps), deps) };
  }

  it('an admin price, stock or settings change on one is read on the other at once', async () => {
    const { one, two } = await twoInstances();
    const { store, pk, sk } = await createTestStore(one.db);
    const tee = await createTestProduct(one.db, store, {
      handle: 'tee',
      variants: [{ stock: 5, prices: { USD: 2500, EUR: 2300 } }],
    });
    const read = async (headers: Record<string, string> = {}) => {
      const res = await fetch(`${two}/v1/products/tee`, {
        headers: { 'x-kiosk-key': pk, ...headers },
      });
      return { status: res.status, body: (res.status === 200 ? await res.json() : null) as any };
    };
    expect((await read()).body.variants[0].quantityAvailable).toBe(5);

    // Written past the admin API: no notice, so the second instance keeps its answer.
    await one.db.update(variants).set({ stock: 4 }).where(eq(variants.id, tee.variantIds[0]!));
    expect((await read()).body.variants[0].quantityAvailable).toBe(5);

    const changed = await one.request(
      `/admin/v1/products/${tee.id}/variants/${tee.variantIds[0]}`,
      {
        method: 'PATCH',
        token: sk,
        // Keyed, as admin clients send writes: the write then runs in the key's transaction,
        // and the notice must wait for its commit (on PGlite it would wait for ever inside it).
        headers: { 'idempotency-key': randomUUID() },
        body: { prices: { USD: '19.00' }, stock: 3 },
      },
    );
    expect(changed.status).toBe(200);
    const after = await eventually(read, (r) => r.body.variants[0].price.amount === '19.00');
    expect(after.body.variants[0].price).toEqual({ amount: '19.00', currency: 'USD' });
    expect(after.body.variants[0].quantityAvailable).toBe(3);

    // The store itself is cached too (by key): an origin allowed on one is allowed on the other.
    const origin = { origin: 'https://new.example' };
    expect((await read(origin)).status).toBe(403);
    const allowed = await one.request('/admin/v1/store', {
      method: 'PATCH',
      token: sk,
      headers: { 'idempotency-key': randomUUID() },
      body: { allowedOrigins: ['https://shop.example', 'https://new.example'] },
    });
    expect(allowed.status).toBe(200);
    expect(
      (
        await eventually(
          () => read(origin),
          (r) => r.status === 200,
        )
      ).status,
    ).toBe(200);
  });

  it('a recommendation kept on the other shows a price change and a sold-out product at once', async () => {
    const { one, two } = await twoInstances();
    const s = await createTestStore(one.db);
    const make = (handle: string) =>
      createTestProduct(one.db, s.store, {
        handle,
        variants: [{ stock: 5, prices: { USD: 2500, EUR: 2300 } }],
      });
    const tee = await make('tee');
    const mug = await make('mug');
    await make('cap');
    const paid = await order(one, s, [
      { product: tee, quantity: 1 },
      { product: mug, quantity: 1 },
    ]);
    expect((await markPaid(one, s, paid)).status).toBe(200);
    const read = async () => {
      const res = await fetch(`${two}/v1/recommendations?kind=bought-together&product=tee`, {
        headers: { 'x-kiosk-key': s.pk, 'x-kiosk-count-statements': '1' },
      });
      const body = (await res.json()) as any;
      return {
        items: body.items.map((p: any) => [p.handle, p.variants[0].price.amount]),
        statements: res.headers.get('x-kiosk-statements'),
      };
    };
    expect((await read()).items).toEqual([
      ['mug', '25.00'],
      ['cap', '25.00'],
    ]);
    // Kept on the other now (its TTL far longer than this test): what changes came by notice.
    expect((await read()).statements).toBe('0');

    const admin = (path: string, body: unknown) =>
      one.request(`/admin/v1/products/${path}`, {
        method: 'PATCH',
        token: s.sk,
        headers: { 'idempotency-key': randomUUID() },
        body,
      });
    expect(
      (await admin(`${mug.id}/variants/${mug.variantIds[0]}`, { prices: { USD: '19.00' } })).status,
    ).toBe(200);
    const repriced = await eventually(read, (r) => r.items[0][1] === '19.00');
    expect(repriced.items).toEqual([
      ['mug', '19.00'],
      ['cap', '25.00'],
    ]);
    expect((await admin(`${mug.id}/variants/${mug.variantIds[0]}`, { stock: 0 })).status).toBe(200);
    const soldOut = await eventually(read, (r) => r.items.length === 1);
    expect(soldOut.items).toEqual([['cap', '25.00']]);
  });
});

describe('a catalog cache no notice reaches', () => {
  it('serves a change made past it within its TTL', async () => {
    const t = await createTestApp({ catalogCache: new CatalogCache({ answerTtlMs: 200 }) });
    const url = await t.listen();
    const { store, pk } = await createTestStore(t.db);
    const tee = await createTestProduct(t.db, store, { handle: 'tee' });
    const stock = async () => {
      const res = await fetch(`${url}/v1/products/tee`, { headers: { 'x-kiosk-key': pk } });
      return ((await res.json()) as any).variants[0].quantityAvailable;
    };
    expect(await stock()).toBe(10);
    await t.db.update(variants).set({ stock: 7 }).where(eq(variants.id, tee.variantIds[0]!));
    expect(await stock()).toBe(10);
    expect(await eventually(stock, (s) => s === 7)).toBe(7);
  });
});
