import { and, eq, inArray, isNotNull, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { notificationMessages, notificationSubscriptions } from '../db/schema/index.js';
import { CONFIRM_TTL_MS } from '../services/notifications/subscriptions.js';
import type { Job } from './scheduler.js';

/**
 * How long a removed subscription is kept: long enough for a campaign sent just before the
 * unsubscribe to count it, then it goes. Privacy: we do not keep the address of someone who
 * left (docs/server/notifications.md).
 */
export const REMOVED_SUBSCRIPTION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export const purgeNotificationSubscriptionsJob: Job = {
  name: 'purge-notification-subscriptions',
  everyMs: 60 * 60 * 1000,
  run: ({ db, now }) => purgeNotificationSubscriptions(db, now()),
};

const subs = notificationSubscriptions;
const m = notificationMessages;

/**
 * Deletes the subscriptions nobody can use any more, with their finished messages: typed
 * emails whose double opt-in link expired unconfirmed (no message ever went to them), and
 * subscriptions removed more than the retention ago. A subscription with a message still
 * pending (a worker's claim in flight) waits for the next run.
 *
 * Campaign counts (GET /admin/v1/campaigns/{id}) are computed from message rows, so a
 * campaign's messages are not deleted but detached: their subscription link is nulled and
 * the removal time copied onto them (the `unsubscribed` count), which keeps every count
 * and no address. Other messages go with their subscription (the foreign key cascades).
 *
 * In batches, each one short transaction; `SKIP LOCKED` lets instances purge side by side.
 * Returns how many subscriptions were deleted; stops after `maxBatches` (the next run goes on).
 */
export async function purgeNotificationSubscriptions(
  db: Db,
  now: Date,
  { batchSize = 500, maxBatches = 100 } = {},
): Promise<number> {
  const purgeable = and(
    or(
      // The same boundary as the confirm link's (subscriptions.ts): past it, it never confirms.
      and(isNull(subs.confirmedAt), lte(subs.createdAt, new Date(now.getTime() - CONFIRM_TTL_MS))),
      lt(subs.removedAt, new Date(now.getTime() - REMOVED_SUBSCRIPTION_RETENTION_MS)),
    ),
    notExists(
      db
        .select({ one: sql`1` })
        .from(m)
        .where(and(eq(m.subscriptionId, subs.id), eq(m.status, 'pending'))),
    ),
  );
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: subs.id })
        .from(subs)
        .where(purgeable)
        .orderBy(subs.createdAt)
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await tx
        .update(m)
        .set({
          subscriptionId: null,
          // The SET list reads the row as it was: the subquery sees the old link.
          subscriptionRemovedAt: sql`(select ${subs.removedAt} from ${subs} where ${subs.id} = ${m.subscriptionId})`,
        })
        .where(and(inArray(m.subscriptionId, ids), isNotNull(m.campaignId)));
      await tx.delete(subs).where(inArray(subs.id, ids));
      return ids.length;
    });
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
