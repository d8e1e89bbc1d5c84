// The statement counter the benchmarks print per request (db/statement-count.ts): it counts what
// a request or a piece of work runs, and nothing outside it.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countStatements } from '../src/db/statement-count.js';
import { createTestApp, createTestProduct, createTestStore } from './harness.js';

describe('statement counting', () => {
  it('counts the statements of the work it wraps, and only those', async () => {
    const t = await createTestApp();
    const outside = t.db.execute(sql`select pg_sleep(0.05)`); // runs alongside, not counted
    const { result, statements } = await countStatements(async () => {
      await t.db.execute(sql`select 1`);
      await Promise.all([t.db.execute(sql`select 2`), t.db.execute(sql`select 3`)]);
      return 'done';
    });
    await outside;
    expect(result).toBe('done');
    expect(statements).toBe(3);
  });

  it('answers X-Kiosk-Statements where the app counts and the request asks, and nothing elsewhere', async () => {
    const counted = await createTestApp({ countStatements: true });
    const s = await createTestStore(counted.db);
    const tee = await createTestProduct(counted.db, s.store, { title: 'Tee' });
    const read = await counted.request(`/v1/products/${tee.id}`, {
      key: s.pk,
      headers: { 'x-kiosk-count-statements': '1' },
    });
    expect(read.status).toBe(200);
    expect(Number(read.headers.get('x-kiosk-statements'))).toBeGreaterThan(0);
    // Only a request that asks is counted.
    const unasked = await counted.request(`/v1/products/${tee.id}`, { key: s.pk });
    expect(unasked.headers.get('x-kiosk-statements')).toBeNull();

    const plain = await createTestApp({ resetDatabase: false });
    const again = await plain.request(`/v1/products/${tee.id}`, { key: s.pk });
    expect(again.status).toBe(200);
    expect(again.headers.get('x-kiosk-statements')).toBeNull();
  });
});
