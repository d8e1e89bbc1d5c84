import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.js';
import {
  stores,
  type WebhookDeliveryRow,
  type WebhookEvent,
  webhookDeliveries,
  webhookEndpoints,
} from '../../db/schema/index.js';
import type { OrderView } from '../../schemas/orders.js';
import { randomToken } from '../secrets.js';

/**
 * When each attempt is made, counted from the previous one: the Standard Webhooks
 * suggestion (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). After the last one
 * fails the delivery is `failed`.
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

/** How long a claimed delivery is a worker's: well past the send timeout. */
export const LEASE_MS = 60_000;

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
 * Takes up to `limit` due deliveries for this worker: pending, due, not leased to a live
 * worker. `FOR UPDATE SKIP LOCKED` lets instances claim side by side without taking the same
 * row; the lease and the attempt are written in the same statement, which commits at once, so
 * no transaction stays open while the requests are made.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const d = webhookDeliveries;
  const due = db
    .select({ id: d.id })
    .from(d)
    .where(
      and(
        eq(d.status, 'pending'),
        lte(d.nextAttemptAt, now),
        or(isNull(d.claimedUntil), lt(d.claimedUntil, now)),
      ),
    )
    .orderBy(d.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(d)
    .set({ claimedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${d.attempts} + 1` })
    .where(inArray(d.id, due))
    .returning();
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
 * (the schedule done) failed. Only while this worker still holds the delivery: pending, and
 * the attempt count the claim gave it (a lease run out and claimed again is the other's).
 */
export async function recordAttempt(
  db: Db,
  delivery: Pick<WebhookDeliveryRow, 'id' | 'attempts'>,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> {
  const next = RETRY_SCHEDULE_MS[delivery.attempts];
  const d = webhookDeliveries;
  await db
    .update(d)
    .set({
      claimedUntil: null,
      lastStatus: outcome.status,
      lastError: outcome.error,
      lastAttemptAt: now,
      ...(outcome.ok
        ? { status: 'delivered' as const, deliveredAt: now }
        : next === undefined
          ? { status: 'failed' as const }
          : { nextAttemptAt: new Date(now.getTime() + next) }),
    })
    .where(and(eq(d.id, delivery.id), eq(d.status, 'pending'), eq(d.attempts, delivery.attempts)));
}
