import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/index.js';
import {
  type NotificationMessageRow,
  type NotificationTopic,
  notificationMessages,
} from '../../db/schema/index.js';
import type { MessageContent } from './message-content.js';

/**
 * The outbox (docs/decisions/009): messages are rows of `notification_messages`, written in
 * the transaction of their cause and claimed by the send-notifications job with a lease.
 */

type Conn = Db | Tx;

/** How long a claimed message is a worker's: past it, another worker may claim it again. */
export const LEASE_MS = 60_000;
/** Sends tried before a message is `failed` (backoff 2, 4, 8, 16, 32 s between them). */
export const MAX_ATTEMPTS = 6;

export interface NewMessage {
  subscriptionId: string;
  topic: NotificationTopic;
  /** The cause: one message per subscription and dedupe key (`campaign:<id>`, …). */
  dedupeKey: string;
  campaignId?: string | null;
  content: MessageContent;
}

/**
 * Writes messages into the outbox (in the caller's transaction, so they exist exactly when
 * their cause does). A message whose subscription already has one for that cause is left
 * out: the unique key is "at most once per subscription". Returns how many were written.
 */
export async function enqueueMessages(
  conn: Conn,
  storeId: string,
  messages: NewMessage[],
  notBefore: Date,
): Promise<number> {
  let written = 0;
  // Chunked: one statement per 500 rows keeps the parameter count far below the limit.
  for (let i = 0; i < messages.length; i += 500) {
    const rows = await conn
      .insert(notificationMessages)
      .values(
        messages.slice(i, i + 500).map((m) => ({
          id: randomUUID(),
          storeId,
          subscriptionId: m.subscriptionId,
          campaignId: m.campaignId ?? null,
          topic: m.topic,
          dedupeKey: m.dedupeKey,
          payload: { ...m.content },
          status: 'pending' as const,
          notBefore,
        })),
      )
      .onConflictDoNothing({
        target: [notificationMessages.subscriptionId, notificationMessages.dedupeKey],
      })
      .returning({ id: notificationMessages.id });
    written += rows.length;
  }
  return written;
}

/**
 * Takes up to `limit` due messages for this worker: pending, due, and not leased to a live
 * worker. `FOR UPDATE SKIP LOCKED` lets instances claim side by side without waiting or
 * taking the same row; the lease and the attempt count are written in the same statement,
 * which commits at once, so no transaction stays open while the messages are sent.
 */
export async function claimDueMessages(
  db: Db,
  now: Date,
  limit: number,
): Promise<NotificationMessageRow[]> {
  const due = db
    .select({ id: notificationMessages.id })
    .from(notificationMessages)
    .where(
      and(
        eq(notificationMessages.status, 'pending'),
        lte(notificationMessages.notBefore, now),
        or(isNull(notificationMessages.claimedUntil), lt(notificationMessages.claimedUntil, now)),
      ),
    )
    .orderBy(notificationMessages.notBefore)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(notificationMessages)
    .set({
      claimedUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${notificationMessages.attempts} + 1`,
    })
    .where(inArray(notificationMessages.id, due))
    .returning();
}

/** Finishing a claimed message: only while it is still pending (a lease may have run out). */
async function finish(
  db: Db,
  id: string,
  set: PgUpdateSetSource<typeof notificationMessages>,
): Promise<boolean> {
  const rows = await db
    .update(notificationMessages)
    .set(set)
    .where(and(eq(notificationMessages.id, id), eq(notificationMessages.status, 'pending')))
    .returning({ id: notificationMessages.id });
  return rows.length > 0;
}

export const markSent = (db: Db, id: string, now: Date) =>
  finish(db, id, { status: 'sent', sentAt: now, claimedUntil: null, error: null });

/**
 * Never sent: the subscription is gone (404/410, unsubscribed) or the cap is reached. A place
 * under the cap it held (`sentAt`) is given back.
 */
export const markNotSent = (db: Db, id: string, status: 'dropped' | 'capped', error: string) =>
  finish(db, id, { status, sentAt: null, claimedUntil: null, error });

/**
 * Quiet hours: back to pending until `until`, the attempt given back (it was not one).
 */
export const deferMessage = (db: Db, id: string, until: Date) =>
  finish(db, id, {
    notBefore: until,
    claimedUntil: null,
    attempts: sql`${notificationMessages.attempts} - 1`,
  });

/**
 * A send that failed for a reason that may pass (5xx, timeout, SMTP down): retried after
 * 2^attempts seconds, until MAX_ATTEMPTS, then `failed`.
 */
export function retryOrFail(
  db: Db,
  message: Pick<NotificationMessageRow, 'id' | 'attempts'>,
  now: Date,
  error: string,
) {
  // Either way the place it held under the frequency cap (`sentAt`) is given back.
  if (message.attempts >= MAX_ATTEMPTS) {
    return finish(db, message.id, { status: 'failed', sentAt: null, claimedUntil: null, error });
  }
  const backoffMs = 2 ** message.attempts * 1000;
  return finish(db, message.id, {
    notBefore: new Date(now.getTime() + backoffMs),
    sentAt: null,
    claimedUntil: null,
    error,
  });
}
