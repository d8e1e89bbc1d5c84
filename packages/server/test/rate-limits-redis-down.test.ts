import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carts } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { RedisRateLimiter } from '../src/rate-limit/redis.js';
import { createTestApp, createTestStore, type TestApp } from './harness.js';
import { createCart, openDatabaseFirst } from './rate-limits-fixtures.js';

const redisUrl = process.env.KIOSK_TEST_REDIS_URL;

openDatabaseFirst();

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
