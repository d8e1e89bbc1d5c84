import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { webhookDeliveries } from '../db/schema/index.js';
import type { Job } from './scheduler.js';

/** Finished deliveries are kept this long for the deliveries list, then deleted. */
export const WEBHOOK_DELIVERY_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Deletes delivered and failed webhook deliveries older than the retention (pending ones
 * are still to be sent: never). In batches, each its own short statement; `SKIP LOCKED`
 * lets several instances purge side by side.
 */
export const purgeWebhookDeliveriesJob: Job = {
  name: 'purge-webhook-deliveries',
  everyMs: 10 * 60 * 1000,
  run: (deps) =>
    purgeWebhookDeliveries(deps.db, new Date(deps.now().getTime() - WEBHOOK_DELIVERY_RETENTION_MS)),
};

/** Returns how many were deleted; stops after `maxBatches` (the next run goes on). */
export async function purgeWebhookDeliveries(
  db: Db,
  before: Date,
  { batchSize = 1000, maxBatches = 100 } = {},
): Promise<number> {
  const d = webhookDeliveries;
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const old = db
      .select({ id: d.id })
      .from(d)
      .where(and(lt(d.createdAt, before), inArray(d.status, ['delivered', 'failed'])))
      .orderBy(d.createdAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await db.delete(d).where(inArray(d.id, old)).returning({ id: d.id });
    deleted += rows.length;
    if (rows.length < batchSize) break;
  }
  return deleted;
}
