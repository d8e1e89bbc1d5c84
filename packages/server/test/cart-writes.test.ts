// Cart line writes keep their Idempotency-Key in their own transaction (services/write-once.ts,
// docs/decisions/012): few statements, one answer per key, nothing left by a failed write.
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { isPostgresUrl } from '../src/db/index.js';
import { cartLines, idempotencyKeys, variants } from '../src/db/schema/index.js';
import { countStatements } from '../src/db/statement-count.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();
const onPostgres = isPostgresUrl(inject('databaseUrl'));

/** A store, a tee with `stock`, a guest cart holding one of it, and keyed cart line writes. */
async function fixture(stock = 50) {
  const s = await createTestStore(t.current.db);
  const p = await createTestProduct(t.current.db, s.store, { variants: [{ stock }] });
  const variantId = p.variantIds[0]!;
  const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
  const cartId = cart.body.id as string;
  const first = await t.current.request(`/v1/carts/${cartId}/lines`, {
    key: s.pk,
    body: { variantId, quantity: 1 },
  });
  expect(first.status).toBe(200);
  const lineId = first.body.lines[0].id as string;
  const keyed = (key: string) => ({ key: s.pk, headers: { 'idempotency-key': key } });
  return {
    s,
    variantId,
    cartId,
    lineId,
    add: (key: string, quantity = 1) =>
      t.current.request(`/v1/carts/${cartId}/lines`, {
        ...keyed(key),
        body: { variantId, quantity },
      }),
    patch: (key: string, quantity: number) =>
      t.current.request(`/v1/carts/${cartId}/lines/${lineId}`, {
        ...keyed(key),
        method: 'PATCH',
        body: { quantity },
      }),
    remove: (key: string) =>
      t.current.request(`/v1/carts/${cartId}/lines/${lineId}`, { ...keyed(key), method: 'DELETE' }),
    quantities: async () =>
      (await t.current.db.select().from(cartLines).where(eq(cartLines.cartId, cartId))).map(
        (l) => l.quantity,
      ),
    keys: () => t.current.db.select().from(idempotencyKeys),
  };
}

describe('a cart line write', () => {
  it('runs at most 5 statements besides what every request costs, its Idempotency-Key included', async () => {
    const f = await fixture();
    // What a request costs before its route runs (the store key; adding a line also counts
    // against a rate limit): the same write refused by validation runs nothing else.
    const overhead = async (refused: () => Promise<{ status: number }>) => {
      const { result, statements } = await countStatements(refused);
      expect(result.status).toBe(400);
      return statements;
    };
    const beforePatch = await overhead(() => f.patch('refused', -1));
    const beforeAdd = await overhead(() => f.add('refused', 0));
    const writes = [
      { write: () => f.patch('p1', 3), overhead: beforePatch },
      { write: () => f.add('a1', 2), overhead: beforeAdd },
      { write: () => f.remove('r1'), overhead: beforePatch },
      { write: () => f.add('a2', 1), overhead: beforeAdd }, // a new line
    ];
    for (const { write, overhead } of writes) {
      const { result, statements } = await countStatements(write);
      expect(result.status).toBe(200);
      expect(statements - overhead).toBeLessThanOrEqual(5);
    }
    // Each write stored its answer.
    expect((await f.keys()).map((k) => k.key).sort()).toEqual(['a1', 'a2', 'p1', 'r1']);
  });

  it('answers in the shape and with the totals a read of the cart gives', async () => {
    const f = await fixture();
    const patched = await f.patch('p1', 4);
    const read = await t.current.request(`/v1/carts/${f.cartId}`, { key: f.s.pk });
    expect(patched.body).toEqual(read.body);
    expect(patched.body.itemCount).toBe(4);
    expect(patched.body.subtotal).toEqual({ amount: '100.00', currency: 'USD' });
  });
});

describe('Idempotency-Key on cart line writes', () => {
  it('replays the first answer to a retry, even after the cart changed, and writes once', async () => {
    const f = await fixture();
    const first = await f.add('k1', 2);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.body.lines[0].quantity).toBe(3);

    expect((await f.patch('other', 7)).status).toBe(200);
    const retry = await f.add('k1', 2);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await f.quantities()).toEqual([7]);
  });

  it('lets exactly one of concurrent requests with one key write; all answer what it answered', async () => {
    const f = await fixture();
    const results = await Promise.all(Array.from({ length: 8 }, () => f.add('same', 2)));
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.body.lines[0].quantity).toBe(3);
    }
    const ran = results.filter((r) => r.headers.get('idempotent-replayed') === null);
    expect(ran).toHaveLength(1);
    expect(await f.quantities()).toEqual([3]);
    expect(await f.keys()).toHaveLength(1);
  });

  // PGlite runs one transaction at a time and nothing can hold its locks from outside: the
  // duplicates there run one after the other (the test above). On PostgreSQL both are made
  // to read the key before the first one's answer commits, so the second must find the key
  // taken when it stores its answer, roll its write back and replay the first one's.
  it.skipIf(!onPostgres)(
    'rolls back a duplicate that could not yet see the first answer, and replays it',
    async () => {
      const f = await fixture();
      const holder = new pg.Client({ connectionString: inject('databaseUrl') });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select id from carts where id = $1 for update', [f.cartId]);
        const both = [f.add('dup', 2), f.add('dup', 2)];
        for (let i = 0; i < 500; i++) {
          const waiting = await holder.query(
            "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
          );
          if (waiting.rows[0].n >= 2) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        await holder.query('commit');
        const [a, b] = await Promise.all(both);
        expect([a!.status, b!.status]).toEqual([200, 200]);
        expect(a!.body).toEqual(b!.body);
        const replayed = [a, b].map((r) => r!.headers.get('idempotent-replayed'));
        expect(replayed.sort()).toEqual(['true', null].sort());
        expect(await f.quantities()).toEqual([3]);
        expect(await f.keys()).toHaveLength(1);
      } finally {
        await holder.end();
      }
    },
  );

  it('leaves nothing behind when the write fails, so a retry runs again', async () => {
    const f = await fixture(3);
    const refused = await f.patch('k1', 5);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('out_of_stock');
    expect(await f.quantities()).toEqual([1]);
    expect(await f.keys()).toEqual([]);

    await t.current.db.update(variants).set({ stock: 10 }).where(eq(variants.id, f.variantId));
    const retry = await f.patch('k1', 5);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await f.quantities()).toEqual([5]);
  });

  it('leaves nothing behind when the line is not in the cart', async () => {
    const f = await fixture();
    expect((await f.remove('k1')).status).toBe(200);
    const again = await f.patch('k2', 2);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('line_not_found');
    expect((await f.keys()).map((k) => k.key)).toEqual(['k1']);
  });

  it('refuses a key reused for a different request, and writes nothing', async () => {
    const f = await fixture();
    expect((await f.patch('k1', 2)).status).toBe(200);
    const reused = await f.patch('k1', 4);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(await f.quantities()).toEqual([2]);
  });

  it('writes without a key as before, storing nothing', async () => {
    const f = await fixture();
    const res = await t.current.request(`/v1/carts/${f.cartId}/lines/${f.lineId}`, {
      key: f.s.pk,
      method: 'PATCH',
      body: { quantity: 2 },
    });
    expect(res.status).toBe(200);
    expect(await f.quantities()).toEqual([2]);
    expect(await f.keys()).toEqual([]);
  });
});
