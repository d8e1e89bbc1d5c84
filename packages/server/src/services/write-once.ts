import { and, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { selectRows } from '../db/rows.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { ApiError } from '../errors.js';

/**
 * Idempotency-Keys kept by the write itself, in its own transaction (the cart line writes:
 * docs/decisions/012). The middleware (middleware/idempotency.ts) claims a key, runs the
 * route, then clones and stores its response: three commits and a copy of every answer.
 * Here the answer is stored by the write's last statement before COMMIT, so the write and
 * its answer commit together or not at all, and a failed write (any 4xx or 5xx) leaves no
 * key behind: a retry runs again. The same request key row and fingerprint as the
 * middleware's, so both kinds of route share one table, one purge and one meaning of a key.
 */

/** A request's Idempotency-Key as a write sees it: scoped to the store, bound to its request. */
export interface WriteKey {
  storeId: string;
  key: string;
  /** requestFingerprint of the request: a key reused for another request is refused. */
  fingerprint: string;
}

/** What a keyed write answers: its own result, or (replayed) the one stored under its key. */
export type WriteOutcome<T> =
  | { kind: 'done'; body: T; replayed: false }
  | { kind: 'replayed'; status: number; body: unknown; replayed: true }
  /** A claim of the middleware holds the key (a request of an older instance still runs). */
  | { kind: 'in-progress'; waitMs: number };

interface StoredKey {
  fingerprint: string;
  status: number | null;
  body: unknown;
  lockedUntil: string;
}

/**
 * A column for the statement that takes the write's row lock: what is stored under the key,
 * if anything, so the common retry (its first attempt committed long ago) is answered by
 * the first statement. Its snapshot may predate a concurrent duplicate's commit: then the
 * duplicate is found by `storeAnswer` instead (the primary key), and this one rolls back.
 */
export function storedUnder(key: WriteKey | null): SQL<StoredKey | null> {
  if (!key) return sql<null>`null`;
  // Spelled out: drizzle leaves columns unqualified in the single-table select it joins.
  return sql<StoredKey | null>`(
    select json_build_object('fingerprint', ik.fingerprint, 'status', ik.response_status,
      'body', ik.response_body, 'lockedUntil', ik.locked_until)
    from ${idempotencyKeys} ik where ik.store_id = ${key.storeId} and ik.key = ${key.key}
  )`;
}

/** Thrown inside the write's transaction to roll it back and answer `outcome` instead. */
class Settled extends Error {
  constructor(readonly outcome: WriteOutcome<never>) {
    super(outcome.kind);
  }
}

/** Thrown when another request stored an answer under the key first: roll back, look again. */
class Taken extends Error {}

/**
 * Judges what the write's lock statement found under the key: returns when the write may
 * run, else ends the transaction with the stored answer or the key's refusal.
 */
export function checkStored(key: WriteKey | null, stored: StoredKey | null, now: Date): void {
  if (!key || !stored) return;
  const outcome = judge(key, stored, now);
  if (outcome) throw new Settled(outcome);
}

function judge(key: WriteKey, stored: StoredKey, now: Date): WriteOutcome<never> | null {
  if (stored.fingerprint !== key.fingerprint) {
    throw new ApiError(
      'idempotency_key_reused',
      'This Idempotency-Key was used for a different request.',
    );
  }
  if (stored.status !== null) {
    return { kind: 'replayed', status: stored.status, body: stored.body, replayed: true };
  }
  const waitMs = new Date(stored.lockedUntil).getTime() - now.getTime();
  // An expired claim of a request that died: storeAnswer takes it over.
  return waitMs > 0 ? { kind: 'in-progress', waitMs } : null;
}

/**
 * Runs `write` in one transaction and, when the request has a key, stores its answer (200,
 * `body`) by the transaction's last statement. `write` takes its row lock with a statement
 * that selects `storedUnder(key)` and hands the result to `checkStored` before it writes.
 * Concurrent duplicates queue on that row lock; a duplicate whose lock statement could not
 * yet see the first one's answer runs, finds the key taken when it stores its own, and rolls
 * back: of several requests with one key exactly one writes, and every one of them answers
 * what that one answered.
 */
export async function writeOnce<T>(
  db: Db,
  key: WriteKey | null,
  now: Date,
  write: (tx: Tx) => Promise<T>,
): Promise<WriteOutcome<T>> {
  // Twice at most: a key taken by a request that then rolled back is free again.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const body = await db.transaction(async (tx) => {
        const answer = await write(tx);
        if (key && !(await storeAnswer(tx, key, answer, now))) throw new Taken();
        return answer;
      });
      return { kind: 'done', body, replayed: false };
    } catch (err) {
      if (err instanceof Settled) return err.outcome;
      if (!(err instanceof Taken) || !key) throw err;
    }
    const [row] = await selectRows<{ stored: StoredKey | null }>(
      db,
      sql`select ${storedUnder(key)} as stored`,
    );
    const outcome = row?.stored && judge(key, row.stored, now);
    if (outcome) return outcome;
  }
  return { kind: 'in-progress', waitMs: 1000 };
}

/**
 * Inserts the key with its answer; false when the key is already there (a concurrent
 * duplicate committed first, or a claim still held). A key claim left by a request that
 * died is taken over, as the middleware does, when it was for the same request.
 */
async function storeAnswer(tx: Tx, key: WriteKey, body: unknown, now: Date): Promise<boolean> {
  const answer = { responseStatus: 200, responseBody: body, completedAt: now, lockedUntil: now };
  const stored = await tx
    .insert(idempotencyKeys)
    .values({ ...key, ...answer, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.storeId, idempotencyKeys.key],
      set: answer,
      setWhere: and(
        isNull(idempotencyKeys.completedAt),
        lt(idempotencyKeys.lockedUntil, now),
        eq(idempotencyKeys.fingerprint, key.fingerprint),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  return stored.length > 0;
}
