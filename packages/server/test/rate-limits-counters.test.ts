import { afterAll, describe, expect, it } from 'vitest';
import { rateLimits as rateLimitRows } from '../src/db/schema/index.js';
import { purgeRateLimits } from '../src/jobs/rate-limits.js';
import { createLogger } from '../src/log.js';
import type { RateLimiter } from '../src/rate-limit/limiter.js';
import { PostgresRateLimiter } from '../src/rate-limit/postgres.js';
import { RedisRateLimiter } from '../src/rate-limit/redis.js';
import {
  createTestApp,
  createTestStore,
  statusCounts,
  type TestApp,
  type TestAppOptions,
} from './harness.js';
import { createCart, MINUTE, openDatabaseFirst } from './rate-limits-fixtures.js';

const redisUrl = process.env.KIOSK_TEST_REDIS_URL;

openDatabaseFirst();

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
