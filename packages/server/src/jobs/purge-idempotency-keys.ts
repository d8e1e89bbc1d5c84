import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { idempotencySettings } from '../middleware/idempotency.js';
import type { Job } from './scheduler.js';

/**
 * Deletes Idempotency-Keys older than the retention (24 h by default: a client retries for
 * minutes, not days), finished or with an expired claim; a key a retry holds right now is
 * left alone. In batches, each its own short statement, so no lock is held for long;
 * `SKIP LOCKED` lets several instances purge side by side without waiting on each other.
 */
export const purgeIdempotencyKeysJob: Job = {
  name: 'purge-idempotency-keys',
  everyMs: 10 * 60 * 1000,
  run: (deps) => {
    const now = deps.now();
    const before = new Date(now.getTime() - idempotencySettings(deps).retentionMs);
    return purgeIdempotencyKeys(deps.db, before, now);
  },
};

/** Returns how many keys were deleted; stops after `maxBatches` (the next run goes on). */
export async function purgeIdempotencyKeys(
  db: Db,
  before: Date,
  now: Date,
  { batchSize = 1000, maxBatches = 100 } = {},
): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const old = db
      .select({ storeId: idempotencyKeys.storeId, key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(
        and(
          lt(idempotencyKeys.createdAt, before),
          or(isNotNull(idempotencyKeys.completedAt), lt(idempotencyKeys.lockedUntil, now)),
        ),
      )
      .orderBy(idempotencyKeys.createdAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await db
      .delete(idempotencyKeys)
      .where(sql`(${idempotencyKeys.storeId}, ${idempotencyKeys.key}) in (${old})`)
      .returning({ key: idempotencyKeys.key });
    deleted += rows.length;
    if (rows.length < batchSize) break;
  }
  return deleted;
}
