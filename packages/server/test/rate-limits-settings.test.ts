import { describe, expect, it } from 'vitest';
import { rateLimits as rateLimitRows } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { parseRateLimits } from '../src/rate-limit/rules.js';
import { startServer } from '../src/server.js';
import { createTestStore } from './harness.js';

const redisUrl = process.env.KIOSK_TEST_REDIS_URL;

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
