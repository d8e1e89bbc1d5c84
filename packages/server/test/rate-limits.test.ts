import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carts, rateLimits as rateLimitRows } from '../src/db/schema/index.js';
import { purgeRateLimits } from '../src/jobs/rate-limits.js';
import { createLogger } from '../src/log.js';
import { addressKey } from '../src/rate-limit/buckets.js';
import type { RateLimiter } from '../src/rate-limit/limiter.js';
import { PostgresRateLimiter } from '../src/rate-limit/postgres.js';
import { RedisRateLimiter } from '../src/rate-limit/redis.js';
import { defaultRateLimits, parseRateLimits } from '../src/rate-limit/rules.js';
import { startServer } from '../src/server.js';
import {
  createTestApp,
  createTestCustomer,
  createTestProduct,
  createTestStore,
  sharedDatabase,
  type TestApp,
  type TestAppOptions,
} from './harness.js';

const redisUrl = process.env.KIOSK_TEST_REDIS_URL;
const MINUTE = 60_000;

// Tests make their apps themselves (with their own limits): open the database up front,
// under the hook timeout, as useTestApp() would.
beforeAll(() => sharedDatabase());

function createCart(app: TestApp, pk: string, ip: string, headers: Record<string, string> = {}) {
  return app.request('/v1/carts', { method: 'POST', body: {}, key: pk, ip, headers });
}

/** How many answers had each status, e.g. { 201: 10, 429: 40 }. */
function statusCounts(responses: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('limits on storefront writes', () => {
  it('limits carts created per address and store: 429 rate_limited with Retry-After', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 3, windowMs: MINUTE } } });
    const a = await createTestStore(t.db);
    const b = await createTestStore(t.db);
    for (let i = 0; i < 3; i++) expect((await createCart(t, a.pk, '203.0.113.1')).status).toBe(201);
    const refused = await createCart(t, a.pk, '203.0.113.1');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.error.details).toEqual({ retryAfterSeconds: retryAfter });
    // Another address, and the same address in another store, have their own counts.
    expect((await createCart(t, a.pk, '203.0.113.2')).status).toBe(201);
    expect((await createCart(t, b.pk, '203.0.113.1')).status).toBe(201);
    // The window closes a minute after its first hit.
    t.advanceClock(MINUTE);
    expect((await createCart(t, a.pk, '203.0.113.1')).status).toBe(201);
  });

  it('with the default limits, one address cannot create carts in bulk (60 a minute)', async () => {
    const t = await createTestApp();
    const s = await createTestStore(t.db);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => createCart(t, s.pk, '198.51.100.9')),
    );
    expect(statusCounts(answers)).toEqual({ 201: defaultRateLimits.carts.limit, 429: 40 });
  });

  it('limits lines added per address and store', async () => {
    const t = await createTestApp({
      rateLimits: { 'cart-lines': { limit: 2, windowMs: MINUTE } },
    });
    const s = await createTestStore(t.db);
    const product = await createTestProduct(t.db, s.store);
    const cart = await createCart(t, s.pk, '203.0.113.3');
    const add = (ip: string) =>
      t.request(`/v1/carts/${cart.body.id}/lines`, {
        body: { variantId: product.variantIds[0], quantity: 1 },
        key: s.pk,
        ip,
      });
    const first = await add('203.0.113.3');
    expect(first.status).toBe(200);
    expect((await add('203.0.113.3')).status).toBe(200);
    const refused = await add('203.0.113.3');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect((await add('203.0.113.4')).status).toBe(200);
    // Changing a line's quantity is not adding one: this limit leaves it alone.
    const patched = await t.request(`/v1/carts/${cart.body.id}/lines/${first.body.lines[0].id}`, {
      method: 'PATCH',
      body: { quantity: 3 },
      key: s.pk,
      ip: '203.0.113.3',
    });
    expect(patched.status).toBe(200);
  });

  it('limits review posts per address and store', async () => {
    const t = await createTestApp({ rateLimits: { reviews: { limit: 2, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    const products = await Promise.all([1, 2, 3].map(() => createTestProduct(t.db, s.store)));
    const post = async (productId: string, ip: string) => {
      const customer = await createTestCustomer(t, s.store);
      return t.request(`/v1/products/${productId}/reviews`, {
        body: { rating: 5, title: 'Lovely', body: 'Fits well.' },
        key: s.pk,
        token: customer.token,
        ip,
      });
    };
    expect((await post(products[0]!.id, '203.0.113.6')).status).toBe(201);
    expect((await post(products[1]!.id, '203.0.113.6')).status).toBe(201);
    const refused = await post(products[2]!.id, '203.0.113.6');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect((await post(products[2]!.id, '203.0.113.7')).status).toBe(201);
  });

  it('refuses before the Idempotency-Key is claimed, so the same key runs once the window has passed', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 1, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    expect((await createCart(t, s.pk, '203.0.113.8')).status).toBe(201);
    const key = { 'idempotency-key': 'cart-retry-1' };
    expect((await createCart(t, s.pk, '203.0.113.8', key)).status).toBe(429);
    t.advanceClock(MINUTE);
    const retried = await createCart(t, s.pk, '203.0.113.8', key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('client addresses', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 1, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    const from = (xff: string) => createCart(t, s.pk, '192.0.2.1', { 'x-forwarded-for': xff });
    expect((await from('203.0.113.10')).status).toBe(201);
    // Same socket: a new X-Forwarded-For does not make a new client.
    expect((await from('203.0.113.11')).status).toBe(429);
  });

  it('with one trusted proxy, takes its entry (the last) and never what the client prepended', async () => {
    const t = await createTestApp({
      trustedProxies: 1,
      rateLimits: { carts: { limit: 1, windowMs: MINUTE } },
    });
    const s = await createTestStore(t.db);
    const viaProxy = (xff: string) => createCart(t, s.pk, '10.0.0.2', { 'x-forwarded-for': xff });
    expect((await viaProxy('203.0.113.20')).status).toBe(201);
    // The client forges entries in front: the proxy's entry still names it.
    expect((await viaProxy('1.1.1.1, 203.0.113.20')).status).toBe(429);
    expect((await viaProxy('2.2.2.2, 203.0.113.20')).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await viaProxy('203.0.113.21')).status).toBe(201);
  });

  it('counts an IPv6 /64 as one client, and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:a:b::1')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:0db8:000a:000b:ffff:1:2:3')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:db8:a:c::1')).toBe('2001:db8:a:c::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
  });

  it('limits addresses of one IPv6 /64 together', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 2, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    expect((await createCart(t, s.pk, '2001:db8:a:b::1')).status).toBe(201);
    expect((await createCart(t, s.pk, '2001:db8:a:b::2')).status).toBe(201);
    expect((await createCart(t, s.pk, '2001:db8:a:b:1234::9')).status).toBe(429);
    expect((await createCart(t, s.pk, '2001:db8:a:c::1')).status).toBe(201);
    // @hono/node-server reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
    expect((await createCart(t, s.pk, '::ffff:198.51.100.7')).status).toBe(201);
    expect((await createCart(t, s.pk, '198.51.100.7')).status).toBe(201);
    expect((await createCart(t, s.pk, '::ffff:198.51.100.7')).status).toBe(429);
  });
});

/**
 * Counts are shared by every instance and exact under concurrency. `second` makes the
 * limiter of another instance (its own connection); undefined = the database's table.
 */
function sharedAndAtomic(makeLimiter: () => Promise<RateLimiter | undefined>) {
  const limiters: RateLimiter[] = [];
  async function twoInstances(limit: number): Promise<[TestApp, TestApp]> {
    const options = async (resetDatabase: boolean): Promise<TestAppOptions> => {
      const rateLimiter = await makeLimiter();
      if (rateLimiter) limiters.push(rateLimiter);
      return {
        resetDatabase,
        rateLimits: { carts: { limit, windowMs: MINUTE } },
        ...(rateLimiter ? { rateLimiter } : {}),
      };
    };
    const first = await createTestApp(await options(true));
    const second = await createTestApp(await options(false));
    return [first, second];
  }
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close()));
  });

  it('two instances over the same store share one count', async () => {
    const [one, two] = await twoInstances(4);
    const s = await createTestStore(one.db);
    for (const app of [one, two, one, two]) {
      expect((await createCart(app, s.pk, '203.0.113.30')).status).toBe(201);
    }
    expect((await createCart(one, s.pk, '203.0.113.30')).status).toBe(429);
    expect((await createCart(two, s.pk, '203.0.113.30')).status).toBe(429);
  });

  it('lets exactly 10 of 50 parallel cart creations through, across two instances', async () => {
    const [one, two] = await twoInstances(10);
    const s = await createTestStore(one.db);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createCart(i % 2 ? one : two, s.pk, '203.0.113.31')),
    );
    expect(statusCounts(answers)).toEqual({ 201: 10, 429: 40 });
  });
}

describe('counters in the database (PGlite, or PostgreSQL with KIOSK_TEST_DATABASE_URL)', () => {
  sharedAndAtomic(async () => undefined);

  it('purges closed windows and keeps open ones; runs concurrently with itself', async () => {
    const t = await createTestApp();
    const s = await createTestStore(t.db);
    const limiter = new PostgresRateLimiter(t.db, t.now);
    await limiter.hit({ storeId: s.store.id, key: 'short' }, 5, MINUTE);
    await limiter.hit({ storeId: s.store.id, key: 'long' }, 5, 60 * MINUTE);
    t.advanceClock(2 * MINUTE);
    const deps = { db: t.db, log: createLogger('silent'), now: t.now };
    await Promise.all([purgeRateLimits.run(deps), purgeRateLimits.run(deps)]);
    const rows = await t.db.select().from(rateLimitRows);
    expect(rows.map((r) => r.bucket)).toEqual(['long']);
  });

  it('refund gives one hit back and reset forgets the bucket', async () => {
    const t = await createTestApp();
    const s = await createTestStore(t.db);
    await checksRefundAndReset(new PostgresRateLimiter(t.db, t.now), s.store.id);
  });
});

async function checksRefundAndReset(limiter: RateLimiter, storeId: string) {
  const bucket = { storeId, key: 'refund-reset' };
  for (let i = 1; i <= 2; i++) expect((await limiter.hit(bucket, 2, MINUTE)).allowed).toBe(true);
  expect((await limiter.hit(bucket, 2, MINUTE)).allowed).toBe(false);
  await limiter.refund(bucket);
  await limiter.refund(bucket);
  expect(await limiter.hit(bucket, 2, MINUTE)).toMatchObject({ allowed: true, count: 2 });
  await limiter.reset(bucket);
  expect(await limiter.hit(bucket, 2, MINUTE)).toMatchObject({ allowed: true, count: 1 });
  // A refund on a bucket with no open window creates nothing.
  const fresh = { storeId, key: 'refund-only' };
  await limiter.refund(fresh);
  expect(await limiter.hit(fresh, 2, MINUTE)).toMatchObject({ count: 1 });
}

describe.skipIf(!redisUrl)('counters in Redis (KIOSK_TEST_REDIS_URL)', () => {
  const connect = () => RedisRateLimiter.connect(redisUrl!, createLogger('silent'));
  sharedAndAtomic(connect);

  it('refund gives one hit back and reset forgets the bucket', async () => {
    const limiter = await connect();
    try {
      await checksRefundAndReset(limiter, crypto.randomUUID());
    } finally {
      await limiter.close();
    }
  });

  it('keeps nothing in the database table', async () => {
    const limiter = await connect();
    try {
      const t = await createTestApp({ rateLimiter: limiter });
      const s = await createTestStore(t.db);
      expect((await createCart(t, s.pk, '203.0.113.40')).status).toBe(201);
      expect(await t.db.select().from(rateLimitRows)).toEqual([]);
    } finally {
      await limiter.close();
    }
  });
});

/** Cuts or stalls the way to Redis: the limited write answers 503, and nothing is written. */
async function answers503Without(url: string) {
  const limiter = await RedisRateLimiter.connect(url, createLogger('silent'), 200);
  try {
    const t = await createTestApp({ rateLimiter: limiter });
    const s = await createTestStore(t.db);
    return { t, s, limiter };
  } catch (err) {
    await limiter.close();
    throw err;
  }
}

async function expect503(t: TestApp, pk: string) {
  const res = await createCart(t, pk, '203.0.113.50');
  expect(res.status).toBe(503);
  expect(res.body.error.code).toBe('service_unavailable');
  expect(res.headers.get('retry-after')).toBe('1');
  expect(await t.db.select().from(carts)).toEqual([]);
  expect(t.logs.join('\n')).toContain('rate limiter unavailable');
}

describe('an unreachable Redis', () => {
  it('refusing connections: limited writes answer 503 service_unavailable with Retry-After', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { t, s, limiter } = await answers503Without(`redis://127.0.0.1:${port}`);
    try {
      await expect503(t, s.pk);
      // The hosted sign-in form, posted by a browser: a page in its language, not JSON.
      const page = await t.request('/oauth/authorize', {
        method: 'POST',
        body: new URLSearchParams({
          response_type: 'code',
          client_id: s.pk,
          redirect_uri: 'https://shop.example/auth/callback',
          code_challenge: 'x'.repeat(43),
          code_challenge_method: 'S256',
          state: 'state-limiter-down',
          intent: 'signin',
          email: 'ann@example.com',
          password: 'not-evaluated',
        }).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost',
          accept: 'text/html',
          'accept-language': 'de',
        },
      });
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('retry-after')).toBe('1');
      expect(page.body).toContain('<html lang="de"');
    } finally {
      await limiter.close();
    }
  });
});

describe.skipIf(!redisUrl)('a Redis that stalls mid-session (KIOSK_TEST_REDIS_URL)', () => {
  // A loopback relay to the real Redis that can hold bytes back, as a stalled server or
  // network does (TCP delays, it does not drop), and pass them on when it resumes.
  let relay: Server;
  let stalled = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  function resume() {
    stalled = false;
    for (const send of held.splice(0)) send();
  }
  beforeAll(async () => {
    const target = new URL(redisUrl!);
    relay = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        sockets.add(from);
        from.on('data', (chunk) => {
          if (stalled) held.push(() => to.write(chunk));
          else to.write(chunk);
        });
        from.on('error', () => {});
        from.on('close', () => {
          sockets.delete(from);
          to.destroy();
        });
      }
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  });

  it('answers 503 service_unavailable with Retry-After instead of waiting, and serves again after', async () => {
    const { port } = relay.address() as AddressInfo;
    const { t, s, limiter } = await answers503Without(`redis://127.0.0.1:${port}`);
    try {
      expect((await createCart(t, s.pk, '203.0.113.51')).status).toBe(201);
      await t.db.delete(carts);
      stalled = true;
      await expect503(t, s.pk);
      resume();
      expect((await createCart(t, s.pk, '203.0.113.51')).status).toBe(201);
    } finally {
      resume();
      await limiter.close();
    }
  });
});

/** A real HTTP server with the environment a deployment would give it. */
async function startWithEnv(env: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const server = await startServer({
      db: 'memory://',
      port: 0,
      log: createLogger('silent'),
    });
    await createTestStore(server.database.db, {
      publishableKey: 'pk_test_real_http',
      allowedOrigins: ['https://brand.example'],
    });
    return server;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function postCart(url: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/v1/carts`, {
    method: 'POST',
    headers: { 'x-kiosk-key': 'pk_test_real_http', 'content-type': 'application/json', ...headers },
    body: '{}',
  });
}

// Each starts a server on its own in-memory PGlite: seconds each on a busy machine.
describe('startServer (real HTTP)', () => {
  it("reads KIOSK_RATE_LIMITS and limits by the socket's address, ignoring X-Forwarded-For", async () => {
    const server = await startWithEnv({ KIOSK_RATE_LIMITS: 'carts=2/1m' });
    try {
      expect((await postCart(server.url)).status).toBe(201);
      expect((await postCart(server.url, { 'x-forwarded-for': '203.0.113.70' })).status).toBe(201);
      const refused = await postCart(server.url, {
        'x-forwarded-for': '203.0.113.71',
        origin: 'https://brand.example',
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // A browser on another origin can read the header (CORS exposes it).
      expect(refused.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses to start with settings it cannot read', async () => {
    await expect(startWithEnv({ KIOSK_RATE_LIMITS: 'carts=lots' })).rejects.toThrow(
      /KIOSK_RATE_LIMITS/,
    );
    await expect(startWithEnv({ KIOSK_TRUSTED_PROXIES: 'yes' })).rejects.toThrow(
      /KIOSK_TRUSTED_PROXIES/,
    );
  });

  it.skipIf(!redisUrl)(
    'with KIOSK_REDIS_URL, counts in Redis and closes its connection',
    async () => {
      const server = await startWithEnv({
        KIOSK_REDIS_URL: redisUrl ?? '',
        KIOSK_RATE_LIMITS: 'carts=1/1m',
      });
      try {
        expect((await postCart(server.url)).status).toBe(201);
        expect((await postCart(server.url)).status).toBe(429);
        expect(await server.database.db.select().from(rateLimitRows)).toEqual([]);
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});

describe('KIOSK_RATE_LIMITS', () => {
  it('reads name=count/window pairs and keeps the defaults of names not given', () => {
    expect(parseRateLimits('carts=600/1m, cart-lines=100000/10s,reviews=5/2h')).toEqual({
      carts: { limit: 600, windowMs: 60_000 },
      'cart-lines': { limit: 100_000, windowMs: 10_000 },
      reviews: { limit: 5, windowMs: 7_200_000 },
    });
    expect(parseRateLimits(undefined)).toEqual({});
    expect(parseRateLimits('')).toEqual({});
  });

  it('refuses what it cannot read, naming the entry', () => {
    for (const bad of ['cart=5/1m', 'carts=5', 'carts=5/1d', 'carts=0/1m', 'carts=5/0s', 'x']) {
      expect(() => parseRateLimits(bad)).toThrow(/KIOSK_RATE_LIMITS/);
    }
  });
});
