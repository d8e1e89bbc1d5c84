import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { isPostgresUrl } from '../src/db/index.js';
import { cartLines, idempotencyKeys, orders } from '../src/db/schema/index.js';
import {
  purgeIdempotencyKeys,
  purgeIdempotencyKeysJob,
} from '../src/jobs/purge-idempotency-keys.js';
import { createLogger } from '../src/log.js';
import { requestFingerprint } from '../src/middleware/idempotency.js';
import { createTestProduct, createTestStore, type TestStore, useTestApp } from './harness.js';

const t = useTestApp();
const onPostgres = isPostgresUrl(inject('databaseUrl'));
const CLAIM_MS = 10_000;

/** A store, a product and an empty guest cart; `add` posts a line with an Idempotency-Key. */
async function cartFixture() {
  const s = await createTestStore(t.current.db);
  const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock: 50 }] });
  const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
  const cartId = cart.body.id as string;
  const path = `/v1/carts/${cartId}/lines`;
  const body = { variantId: p.variantIds[0], quantity: 2 };
  const add = (key: string) =>
    t.current.request(path, { key: s.pk, body, headers: { 'idempotency-key': key } });
  const quantities = async () =>
    (await t.current.db.select().from(cartLines).where(eq(cartLines.cartId, cartId))).map(
      (l) => l.quantity,
    );
  return { s, cartId, path, body, add, quantities };
}

/** A claim row as a request that died mid-flight leaves it: no answer, held until `lockedUntil`. */
async function deadClaim(
  s: TestStore,
  key: string,
  path: string,
  body: unknown,
  lockedUntil: Date,
) {
  await t.current.db.insert(idempotencyKeys).values({
    storeId: s.store.id,
    key,
    fingerprint: requestFingerprint('POST', path, undefined, JSON.stringify(body)),
    lockedUntil,
    createdAt: new Date(lockedUntil.getTime() - CLAIM_MS),
  });
}

describe('Idempotency-Key claims left by a dead request', () => {
  it('answers 409 with Retry-After while the claim holds, then a retry takes it over and runs once', async () => {
    const f = await cartFixture();
    await deadClaim(f.s, 'k1', f.path, f.body, new Date(t.current.now().getTime() + CLAIM_MS));

    const early = await f.add('k1');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('idempotency_in_progress');
    const retryAfter = Number(early.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(9);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(await f.quantities()).toEqual([]);

    t.current.advanceClock(CLAIM_MS + 1);
    const retry = await f.add('k1');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body.lines[0].quantity).toBe(2);

    const again = await f.add('k1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await f.quantities()).toEqual([2]);
  });

  it('does not let a different request take over an expired claim', async () => {
    const f = await cartFixture();
    await deadClaim(f.s, 'k1', f.path, { other: true }, new Date(t.current.now().getTime() - 1));
    const res = await f.add('k1');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency_key_reused');
    expect(await f.quantities()).toEqual([]);
  });

  it('lets exactly one of many concurrent retries run after the claim expired', async () => {
    const f = await cartFixture();
    await deadClaim(f.s, 'k1', f.path, f.body, new Date(t.current.now().getTime() - 1));
    const results = await Promise.all(Array.from({ length: 12 }, () => f.add('k1')));
    const ran = results.filter(
      (r) => r.status === 200 && r.headers.get('idempotent-replayed') === null,
    );
    expect(ran).toHaveLength(1);
    for (const r of results) {
      if (r.status === 409) expect(r.body.error.code).toBe('idempotency_in_progress');
      else expect(r.status).toBe(200);
    }
    expect(await f.quantities()).toEqual([2]);
    const [row] = await t.current.db.select().from(idempotencyKeys);
    expect(row!.responseStatus).toBe(200);
  });
});

describe('a request and its stored answer commit together', () => {
  it('rolls the write back when its answer cannot be stored, and frees the key', async () => {
    const f = await cartFixture();
    // Storing the answer fails (as if the process died between the write and the answer).
    await t.current.db.execute(sql`
      create or replace function kiosk_test_refuse_answer() returns trigger language plpgsql as $$
      begin raise exception 'answer not stored'; end $$`);
    await t.current.db.execute(sql`
      create trigger kiosk_test_refuse_answer before insert or update on idempotency_keys
      for each row when (new.completed_at is not null) execute function kiosk_test_refuse_answer()`);
    try {
      const failed = await f.add('k1');
      expect(failed.status).toBe(500);
      expect(await f.quantities()).toEqual([]);
      expect(await t.current.db.select().from(idempotencyKeys)).toEqual([]);
    } finally {
      await t.current.db.execute(sql`drop trigger kiosk_test_refuse_answer on idempotency_keys`);
      await t.current.db.execute(sql`drop function kiosk_test_refuse_answer()`);
    }
    const retry = await f.add('k1');
    expect(retry.status).toBe(200);
    expect(await f.quantities()).toEqual([2]);
  });

  it('rolls back a request that outlived its claim and was superseded by a retry', async () => {
    const f = await cartFixture();
    expect((await f.add('line')).status).toBe(200);
    // Checkout keeps the middleware's keys (cart line writes claim none: cart-writes.test.ts).
    const checkout = (key: string) =>
      t.current.request(`/v1/carts/${f.cartId}/checkout`, {
        key: f.s.pk,
        body: {},
        headers: { 'idempotency-key': key },
      });
    // On PostgreSQL the first request is held on the cart's row lock past its claim, so the
    // retry takes over while it still runs. PGlite runs one transaction at a time: there the
    // first finishes before the retry looks, and the retry replays it.
    const holder = onPostgres ? new pg.Client({ connectionString: inject('databaseUrl') }) : null;
    await holder?.connect();
    try {
      await holder?.query('begin');
      await holder?.query('select id from carts where id = $1 for update', [f.cartId]);
      const first = checkout('k1');
      for (let i = 0; i < 200; i++) {
        if ((await t.current.db.select().from(idempotencyKeys)).length > 1) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      t.current.advanceClock(CLAIM_MS + 1);
      const retry = checkout('k1');
      if (holder) {
        for (let i = 0; i < 200; i++) {
          const [row] = await t.current.db
            .select()
            .from(idempotencyKeys)
            .where(eq(idempotencyKeys.key, 'k1'));
          if (row!.lockedUntil.getTime() > t.current.now().getTime()) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        await holder.query('commit');
      }
      const [a, b] = await Promise.all([first, retry]);
      if (onPostgres) {
        expect(a.status).toBe(409);
        expect(a.body.error.code).toBe('idempotency_in_progress');
        expect(b.status).toBe(201);
        expect(b.headers.get('idempotent-replayed')).toBeNull();
      } else {
        expect(a.status).toBe(201);
        expect(b.headers.get('idempotent-replayed')).toBe('true');
      }
      expect(await t.current.db.select().from(orders)).toHaveLength(1);
    } finally {
      await holder?.end();
    }
  });

  it('stores a 4xx refusal of a route it keys and replays it', async () => {
    const f = await cartFixture();
    // Checkout keeps the middleware's keys (cart line writes keep their own: cart-writes.test.ts).
    const send = () =>
      t.current.request(`/v1/carts/${f.cartId}/checkout`, {
        key: f.s.pk,
        body: {},
        headers: { 'idempotency-key': 'empty' },
      });
    const first = await send();
    expect(first.status).toBe(422);
    expect(first.body.error.code).toBe('empty_cart');
    const again = await send();
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});

describe('purging old Idempotency-Keys', () => {
  const HOUR = 3_600_000;

  async function keyRow(
    storeId: string,
    key: string,
    ageMs: number,
    state: { completed?: boolean; lockedForMs?: number },
  ) {
    const now = t.current.now().getTime();
    await t.current.db.insert(idempotencyKeys).values({
      storeId,
      key,
      fingerprint: 'f',
      createdAt: new Date(now - ageMs),
      lockedUntil: new Date(now + (state.lockedForMs ?? -ageMs + CLAIM_MS)),
      ...(state.completed
        ? { responseStatus: 200, responseBody: {}, completedAt: new Date(now - ageMs) }
        : {}),
    });
  }

  it('deletes keys past the retention that are finished or expired, and nothing else', async () => {
    const { store } = await createTestStore(t.current.db);
    await keyRow(store.id, 'old-done', 25 * HOUR, { completed: true });
    await keyRow(store.id, 'old-dead-claim', 25 * HOUR, {});
    await keyRow(store.id, 'old-taken-over-now', 25 * HOUR, { lockedForMs: 5_000 });
    await keyRow(store.id, 'recent-done', 23 * HOUR, { completed: true });
    await keyRow(store.id, 'recent-dead-claim', 2 * HOUR, {});
    await keyRow(store.id, 'running', 1_000, { lockedForMs: 9_000 });

    const deps = { db: t.current.db, log: createLogger('silent'), now: t.current.now };
    expect(await purgeIdempotencyKeysJob.run(deps)).toBe(2);
    const left = (await t.current.db.select().from(idempotencyKeys)).map((r) => r.key).sort();
    expect(left).toEqual(['old-taken-over-now', 'recent-dead-claim', 'recent-done', 'running']);

    // A shorter configured retention purges sooner.
    const short = { ...deps, idempotency: { retentionMs: HOUR } };
    expect(await purgeIdempotencyKeysJob.run(short)).toBe(2);
    const rest = (await t.current.db.select().from(idempotencyKeys)).map((r) => r.key).sort();
    expect(rest).toEqual(['old-taken-over-now', 'running']);
  });

  it('deletes in batches until none is left', async () => {
    const { store } = await createTestStore(t.current.db);
    for (let i = 0; i < 7; i++) await keyRow(store.id, `k${i}`, 25 * HOUR, { completed: true });
    const now = t.current.now();
    const before = new Date(now.getTime() - 24 * HOUR);
    expect(
      await purgeIdempotencyKeys(t.current.db, before, now, { batchSize: 3, maxBatches: 2 }),
    ).toBe(6);
    expect(await t.current.db.select().from(idempotencyKeys)).toHaveLength(1);
    expect(await purgeIdempotencyKeys(t.current.db, before, now, { batchSize: 3 })).toBe(1);
    expect(await t.current.db.select().from(idempotencyKeys)).toHaveLength(0);
  });

  it('is safe when several instances purge at once', async () => {
    const { store } = await createTestStore(t.current.db);
    for (let i = 0; i < 30; i++) await keyRow(store.id, `k${i}`, 25 * HOUR, { completed: true });
    const deps = { db: t.current.db, log: createLogger('silent'), now: t.current.now };
    const counts = await Promise.all([1, 2, 3].map(() => purgeIdempotencyKeysJob.run(deps)));
    expect((counts as number[]).reduce((a, b) => a + b, 0)).toBe(30);
    expect(await t.current.db.select().from(idempotencyKeys)).toHaveLength(0);
  });
});
