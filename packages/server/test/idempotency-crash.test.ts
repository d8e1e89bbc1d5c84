import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { isPostgresUrl, openDatabase } from '../src/db/index.js';
import { selectRows } from '../src/db/rows.js';
import { cartLines, idempotencyKeys } from '../src/db/schema/index.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';
import { killHard, startServerProcess as startProcess } from './server-process.js';

/**
 * `kill -9` of the real server process while idempotent writes are in flight, then a new
 * process on the same database: no key stays stuck, each either replays its answer or runs
 * once, and nothing is written twice. On PostgreSQL, row locks held from a separate
 * connection freeze the writes at chosen points, so the crash hits them for certain. PGlite
 * (one process owns its data folder, nothing can hold a lock from outside) is killed as the
 * first answer arrives, with the others in flight.
 */
const t = useTestApp();
const databaseUrl = inject('databaseUrl');
const CLAIM_SECONDS = 3;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** The server process with a short claim time, killed after each test whatever happens. */
async function startServerProcess(db: string) {
  const started = await startProcess(db, [], {
    KIOSK_IDEMPOTENCY_CLAIM_SECONDS: String(CLAIM_SECONDS),
  });
  children.push(started.child);
  return started;
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A connection that holds row locks in its own transaction until it ends it. */
async function lockRows(query: string, params: unknown[]): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query(query, params);
  return client;
}

/** Storefront writes with the publishable key (and an Idempotency-Key when given). */
function storefront(url: string, pk: string) {
  return (path: string, body: unknown, key?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'x-kiosk-key': pk,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    });
}

/**
 * Sends a write again until it is not 409 in progress, as a client honouring Retry-After
 * does. A dead process's claim holds at most CLAIM_SECONDS: never stuck past that.
 */
async function retryUntilSettled(send: () => Promise<Response>) {
  let res = await send();
  for (let attempt = 0; res.status === 409 && attempt < 10; attempt++) {
    expect(((await res.json()) as any).error.code).toBe('idempotency_in_progress');
    const wait = Number(res.headers.get('retry-after'));
    expect(wait).toBeLessThanOrEqual(CLAIM_SECONDS);
    await new Promise((r) => setTimeout(r, wait * 1000));
    res = await send();
  }
  const outcome = { status: res.status, replayed: res.headers.get('idempotent-replayed') };
  await res.arrayBuffer();
  return outcome;
}

describe('kill -9 with idempotent writes in flight (real server process)', () => {
  it(
    'leaves no key stuck: each replays or runs once, and no line is written twice',
    {
      timeout: 240_000,
    },
    () => (isPostgresUrl(databaseUrl) ? crashOnPostgres() : crashOnPglite()),
  );
});

async function crashOnPostgres() {
  const { db } = t.current;
  const s = await createTestStore(db);
  const p = await createTestProduct(db, s.store, { variants: [{ stock: 100 }] });
  const first = await startServerProcess(databaseUrl);
  const cartIds: string[] = [];
  for (let i = 0; i < 9; i++) {
    const res = await storefront(first.url, s.pk)('/v1/carts', {});
    cartIds.push(((await res.json()) as any).id);
  }
  const keys = cartIds.map((_, i) => `crash-${i}`);
  const line = { variantId: p.variantIds[0], quantity: 1 };
  const addLine = (url: string, i: number) =>
    storefront(url, s.pk)(`/v1/carts/${cartIds[i]}/lines`, line, keys[i]);
  // Three groups of three: 0–2 finish before the crash; 3–5 have written their line and
  // wait to store their answer (the "order created, answer lost"); 6–8 wait
  // before writing. Cart line writes store their key with the answer, last (decision 012):
  // a key row inserted by a transaction that stays open holds 3–5 there (the primary key
  // waits for it); a cart row lock holds 6–8 before they write.
  const done = await Promise.all([0, 1, 2].map((i) => addLine(first.url, i)));
  for (const r of done) {
    expect(r.status).toBe(200);
    await r.arrayBuffer();
  }
  const beforeAnswer = await lockRows(
    `insert into idempotency_keys (store_id, key, fingerprint) select $1, k, 'holder'
       from unnest($2::text[]) k`,
    [s.store.id, keys.slice(3, 6)],
  );
  const beforeWrite = await lockRows('select id from carts where id = any($1) for update', [
    cartIds.slice(6),
  ]);
  const inFlight = cartIds.slice(3).map((_, j) =>
    addLine(first.url, j + 3).then(
      async (res) => ({ status: res.status, body: (await res.json()) as any }),
      () => null,
    ),
  );
  // Asked outside the holders: a transaction sees one snapshot of pg_stat_activity.
  await waitFor('6 writes blocked', async () => {
    const [row] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
    );
    return row!.n === 6;
  });

  await killHard(first.child);
  for (const holder of [beforeAnswer, beforeWrite]) {
    await holder.query('rollback');
    await holder.end();
  }
  for (const r of await Promise.all(inFlight)) expect(r).toBeNull();

  // What the crash left: three answers stored, and no line for the six (those of 3–5 were
  // written but never committed without their answer).
  const rows = await db.select().from(idempotencyKeys);
  expect(
    rows
      .filter((r) => r.completedAt !== null)
      .map((r) => r.key)
      .sort(),
  ).toEqual(keys.slice(0, 3));
  const orphanLines = await db
    .select()
    .from(cartLines)
    .where(inArray(cartLines.cartId, cartIds.slice(3)));
  expect(orphanLines).toEqual([]);

  const second = await startServerProcess(databaseUrl);
  const outcomes = [];
  for (let i = 0; i < 9; i++) outcomes.push(await retryUntilSettled(() => addLine(second.url, i)));
  expect(outcomes.slice(0, 3)).toEqual(Array(3).fill({ status: 200, replayed: 'true' }));
  expect(outcomes.slice(3)).toEqual(Array(6).fill({ status: 200, replayed: null }));

  for (const cartId of cartIds) {
    const lines = await db.select().from(cartLines).where(eq(cartLines.cartId, cartId));
    expect(lines.map((l) => l.quantity)).toEqual([1]);
  }
  const settled = await db.select().from(idempotencyKeys);
  expect(settled.every((r) => r.responseStatus === 200)).toBe(true);
  for (let i = 0; i < 9; i++) {
    expect(await retryUntilSettled(() => addLine(second.url, i))).toEqual({
      status: 200,
      replayed: 'true',
    });
  }
  await killHard(second.child);
}

async function crashOnPglite() {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  try {
    // The store is made before the server owns the folder (one process per PGlite folder).
    const setup = await openDatabase(dir);
    const s = await createTestStore(setup.db);
    const p = await createTestProduct(setup.db, s.store, { variants: [{ stock: 100 }] });
    await setup.close();
    const first = await startServerProcess(dir);
    const cartIds: string[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await storefront(first.url, s.pk)('/v1/carts', {});
      cartIds.push(((await res.json()) as any).id);
    }
    const line = { variantId: p.variantIds[0], quantity: 1 };
    const addLine = (url: string, i: number) =>
      storefront(url, s.pk)(`/v1/carts/${cartIds[i]}/lines`, line, `crash-${i}`);

    // Killed as soon as the first answer arrives: the other eight are claimed, running or
    // queued behind PGlite's one connection.
    let answered = 0;
    const inFlight = cartIds.map((_, i) =>
      addLine(first.url, i).then(
        async (res) => {
          answered++;
          if (answered === 1) first.child.kill('SIGKILL');
          return res.status;
        },
        () => null,
      ),
    );
    const before = await Promise.all(inFlight);
    await killHard(first.child);
    expect(before.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(before.filter((s) => s === null).length).toBeGreaterThanOrEqual(1);

    const second = await startServerProcess(dir);
    for (let i = 0; i < 9; i++) {
      const outcome = await retryUntilSettled(() => addLine(second.url, i));
      expect(outcome.status).toBe(200);
      // An answer the client got before the crash is replayed, never run again.
      if (before[i] === 200) expect(outcome.replayed).toBe('true');
      const cart = (await (
        await fetch(`${second.url}/v1/carts/${cartIds[i]}`, { headers: { 'x-kiosk-key': s.pk } })
      ).json()) as any;
      expect(cart.lines.map((l: any) => l.quantity)).toEqual([1]);
    }
    await killHard(second.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
