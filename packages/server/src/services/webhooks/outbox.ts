import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.js';
import {
  stores,
  type WebhookDeliveryRow,
  type WebhookEvent,
  webhookDeliveries,
  webhookEndpoints,
} from '../../db/schema/index.js';
import type { OrderView } from '../../schemas/orders.js';
import { claimDue, finishAttempt, nextAttemptAt } from '../leased-outbox.js';
import { randomToken } from '../secrets.js';

/**
 * Puts `type` about `order` into the outbox for each of the store's endpoints that asked for
 * it, in the caller's transaction: a change rolled back sends nothing, one committed is never
 * lost. One `msg_…` id per event, the same for every endpoint and every attempt.
 */
export async function enqueueOrderEvent(
  tx: Tx,
  storeId: string,
  type: WebhookEvent,
  order: OrderView,
  now: Date,
): Promise<void> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.storeId, storeId), sql`${type} = any(${webhookEndpoints.events})`),
    );
  if (endpoints.length === 0) return;
  const messageId = `msg_${randomToken(18)}`;
  const payload = { type, timestamp: now.toISOString(), data: { order } };
  await tx.insert(webhookDeliveries).values(
    endpoints.map((e) => ({
      id: randomUUID(),
      storeId,
      endpointId: e.id,
      messageId,
      eventType: type,
      payload,
      status: 'pending' as const,
      nextAttemptAt: now,
    })),
  );
}

export interface ClaimedDelivery {
  delivery: WebhookDeliveryRow;
  url: string;
  secret: string;
  mode: 'test' | 'live';
}

/**
 * Takes up to `limit` due deliveries for this worker (claimDue: a lease, `SKIP LOCKED`), with
 * each one's endpoint URL, secret and store mode.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const claimed = await claimDue(db, webhookDeliveries, now, limit);
  if (claimed.length === 0) return [];
  const endpoints = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      mode: stores.mode,
    })
    .from(webhookEndpoints)
    .innerJoin(stores, eq(stores.id, webhookEndpoints.storeId))
    .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((c) => c.endpointId))]));
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  // An endpoint deleted meanwhile took its deliveries with it: nothing to send.
  return claimed.flatMap((delivery) => {
    const endpoint = byId.get(delivery.endpointId);
    return endpoint ? [{ delivery, ...endpoint }] : [];
  });
}

export interface AttemptOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * Writes an attempt's outcome: delivered, else the next attempt per RETRY_SCHEDULE_MS, else
 * (the schedule done) failed; only while this worker still holds the delivery (finishAttempt).
 */
export async function recordAttempt(
  db: Db,
  delivery: Pick<WebhookDeliveryRow, 'id' | 'attempts'>,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> {
  const next = nextAttemptAt(delivery.attempts, now);
  await finishAttempt(db, webhookDeliveries, delivery, {
    claimedUntil: null,
    lastStatus: outcome.status,
    lastError: outcome.error,
    lastAttemptAt: now,
    ...(outcome.ok
      ? { status: 'delivered' as const, deliveredAt: now }
      : next === undefined
        ? { status: 'failed' as const }
        : { nextAttemptAt: next }),
  });
}
