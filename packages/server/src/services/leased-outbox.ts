import { and, eq, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../db/index.js';

/**
 * The outbox pattern of webhook deliveries and refunds: rows written in the transaction of
 * their cause, then claimed by a worker with a lease, tried outside any transaction, and
 * retried on a schedule until they succeed or the schedule is done.
 */

/**
 * When each attempt is made, counted from the previous one: the Standard Webhooks
 * suggestion (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). After the last one
 * fails the row is `failed`.
 */
export const RETRY_SCHEDULE_MS = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

/** How long a claimed row is a worker's: well past a provider's or a receiver's timeout. */
export const LEASE_MS = 60_000;

/** When a row that failed its `attempts`-th attempt is tried again; undefined: no more. */
export function nextAttemptAt(attempts: number, now: Date): Date | undefined {
  const wait = RETRY_SCHEDULE_MS[attempts];
  return wait === undefined ? undefined : new Date(now.getTime() + wait);
}

/** A table the worker leases rows of: pending until done, due at `nextAttemptAt`. */
export type LeasedTable = PgTable & {
  id: PgColumn;
  status: PgColumn;
  attempts: PgColumn;
  nextAttemptAt: PgColumn;
  claimedUntil: PgColumn;
};

/**
 * Takes up to `limit` due rows (and only those `where` names, if given) for this worker:
 * pending, due, not leased to a live worker. `FOR UPDATE SKIP LOCKED` lets instances claim
 * side by side without taking the same row; the lease and the attempt are written in the
 * same statement, which commits at once, so no transaction stays open while the work is done.
 */
export async function claimDue<T extends LeasedTable>(
  db: Db,
  table: T,
  now: Date,
  limit: number,
  where?: SQL,
): Promise<T['$inferSelect'][]> {
  const due = db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(
      and(
        eq(table.status, 'pending'),
        lte(table.nextAttemptAt, now),
        or(isNull(table.claimedUntil), lt(table.claimedUntil, now)),
        where,
      ),
    )
    .orderBy(table.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claim = {
    claimedUntil: new Date(now.getTime() + LEASE_MS),
    attempts: sql`${table.attempts} + 1`,
  } as PgUpdateSetSource<T>;
  return (await db
    .update(table)
    .set(claim)
    .where(inArray(table.id, due))
    .returning()) as T['$inferSelect'][];
}

/**
 * Writes the outcome of an attempt, only while this worker still holds the row: pending, and
 * the attempt count its claim gave it (a lease run out and claimed again is the other's).
 */
export async function finishAttempt<T extends LeasedTable>(
  db: Db,
  table: T,
  row: { id: string; attempts: number },
  set: PgUpdateSetSource<T>,
): Promise<void> {
  await db
    .update(table)
    .set(set)
    .where(
      and(eq(table.id, row.id), eq(table.status, 'pending'), eq(table.attempts, row.attempts)),
    );
}
