import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customers, rateLimits } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { RedisRateLimiter } from '../src/rate-limit/redis.js';
import {
  createTestApp,
  createTestStore,
  statusCounts,
  type TestApp,
  useTestApp,
} from './harness.js';
import { authParams, pkce, SELF, signUpAndRedeem, submit } from './oauth-fixtures.js';

const t = useTestApp();

describe('sign-in rate limiting', () => {
  async function setup() {
    const s = await createTestStore(t.current.db);
    const { email } = await signUpAndRedeem(t.current, s);
    const params = authParams(s.pk, pkce().challenge);
    return { s, email, params };
  }

  it('answers 429 (translated) after 5 failures for an email in 15 minutes, even with the right password', async () => {
    const { email, params } = await setup();
    for (let i = 0; i < 5; i++) {
      const r = await submit(t.current, params, { email, password: `wrong-${i}-password` });
      expect(r.status).toBe(401);
    }
    const blocked = await submit(
      t.current,
      { ...params, ui_locales: 'de' },
      { email: email.toUpperCase(), password: 'correct horse battery' },
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body).toContain('Zu viele Versuche');
    // The window opened at the first failure: it ends at most 15 minutes from now.
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    t.current.advanceClock(15 * 60 * 1000 + 1000);
    const later = await submit(t.current, params, { email, password: 'correct horse battery' });
    expect(later.status).toBe(302);
  });

  it("a success clears the email's failures but not the IP's", async () => {
    const { s, email, params } = await setup();
    const env = { incoming: { socket: { remoteAddress: '203.0.113.7' } } };
    const fromIp = (form: { email: string; password: string }) =>
      t.current.app.request(
        '/oauth/authorize',
        {
          method: 'POST',
          body: new URLSearchParams({ ...params, intent: 'signin', ...form }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SELF },
        },
        env,
      );
    for (let i = 0; i < 4; i++) await fromIp({ email, password: 'wrong password' });
    expect((await fromIp({ email, password: 'correct horse battery' })).status).toBe(302);
    for (let i = 0; i < 4; i++) {
      expect((await fromIp({ email, password: 'wrong password' })).status).toBe(401);
    }
    // 8 failures so far from this IP; 22 more on other emails reach the IP limit of 30.
    for (let i = 0; i < 22; i++) {
      const r = await fromIp({ email: `nobody${i}@example.com`, password: 'wrong password' });
      expect(r.status).toBe(401);
    }
    const blocked = await fromIp({ email: 'fresh@example.com', password: 'whatever-password' });
    expect(blocked.status).toBe(429);
    // A success on the attacker's own account does not reset the IP budget.
    expect((await fromIp({ email, password: 'correct horse battery' })).status).toBe(429);
    // Another IP is not affected.
    const elsewhere = await t.current.app.request(
      '/oauth/authorize',
      {
        method: 'POST',
        body: new URLSearchParams({
          ...params,
          intent: 'signin',
          email,
          password: 'correct horse battery',
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SELF },
      },
      { incoming: { socket: { remoteAddress: '198.51.100.1' } } },
    );
    expect(elsewhere.status).toBe(302);
    expect(s).toBeDefined();
  }, 90_000);
});

describe('account creation limit', () => {
  it('limits accounts created per address and store, with the translated 429 page', async () => {
    const app = await createTestApp({
      resetDatabase: false,
      rateLimits: { accounts: { limit: 2, windowMs: 15 * 60 * 1000 } },
    });
    const s = await createTestStore(app.db);
    const create = (n: number, ip: string) =>
      submit(
        app,
        authParams(s.pk, pkce().challenge, { ui_locales: 'fr' }),
        { intent: 'create', email: `new-${n}@example.com`, password: 'long enough', name: 'N' },
        undefined,
        ip,
      );
    expect((await create(1, '203.0.113.60')).status).toBe(302);
    expect((await create(2, '203.0.113.60')).status).toBe(302);
    const refused = await create(3, '203.0.113.60');
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('Trop de tentatives');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      await app.db.select().from(customers).where(eq(customers.email, 'new-3@example.com')),
    ).toEqual([]);
    expect((await create(3, '203.0.113.61')).status).toBe(302);
  });
});

/**
 * The throttle holds under concurrency: guesses are counted before their password is
 * checked, so a burst gets exactly the limit's worth of checks (401) and the rest are 429.
 */
function throttlesConcurrentGuesses(app: () => TestApp, counters: 'database' | 'redis') {
  it('checks 5 of 40 concurrent guesses for one email, then refuses the right password too', async () => {
    const s = await createTestStore(app().db);
    const { email } = await signUpAndRedeem(app(), s);
    const params = authParams(s.pk, pkce().challenge);
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submit(app(), params, { email, password: `wrong guess ${i}` }, undefined, '203.0.113.10'),
      ),
    );
    expect(statusCounts(guesses)).toEqual({ 401: 5, 429: 35 });
    // Locked: a second burst, half of it with the right password, from another address.
    const again = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submit(
          app(),
          params,
          { email, password: i % 2 ? 'correct horse battery' : `wrong again ${i}` },
          undefined,
          '203.0.113.11',
        ),
      ),
    );
    expect(statusCounts(again)).toEqual({ 429: 20 });
    const rows = await app().db.select().from(rateLimits);
    expect(rows.length > 0).toBe(counters === 'database');
  }, 60_000);

  it('checks 30 of 100 concurrent guesses on different emails from one address', async () => {
    const s = await createTestStore(app().db);
    const { email } = await signUpAndRedeem(app(), s);
    const params = authParams(s.pk, pkce().challenge);
    const ip = '198.51.100.20';
    const guesses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        submit(
          app(),
          params,
          { email: `guess-${i}@example.com`, password: 'wrong' },
          undefined,
          ip,
        ),
      ),
    );
    expect(statusCounts(guesses)).toEqual({ 401: 30, 429: 70 });
    const right = { email, password: 'correct horse battery' };
    expect((await submit(app(), params, right, undefined, ip)).status).toBe(429);
    expect((await submit(app(), params, right, undefined, '198.51.100.21')).status).toBe(302);
  }, 60_000);
}

describe('sign-in throttling under concurrency, counters in the database', () => {
  throttlesConcurrentGuesses(() => t.current, 'database');
});

const redisUrl = process.env.KIOSK_TEST_REDIS_URL;
describe.skipIf(!redisUrl)('sign-in throttling under concurrency, counters in Redis', () => {
  let redis: RedisRateLimiter;
  let app: TestApp;
  beforeAll(async () => {
    redis = await RedisRateLimiter.connect(redisUrl!, createLogger('silent'));
  });
  afterAll(() => redis.close());
  beforeEach(async () => {
    app = await createTestApp({ rateLimiter: redis, resetDatabase: false });
  });
  throttlesConcurrentGuesses(() => app, 'redis');
});
