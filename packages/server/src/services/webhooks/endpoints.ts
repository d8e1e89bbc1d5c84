import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { type WebhookEvent, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import { ApiError } from '../../errors.js';
import { afterNewest, cursorTimestamp, toPage } from '../../pagination.js';

/** Endpoints one store may have: each one is a row written with every order change. */
export const MAX_ENDPOINTS_PER_STORE = 16;

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Adds an endpoint (its URL already checked) and returns it with its secret, the one time
 * the secret is shown. Under a lock on the store, so two at once cannot pass the limit.
 */
export async function createEndpoint(
  db: Db,
  storeId: string,
  input: { url: string; events: WebhookEvent[] },
  now: Date,
) {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`kiosk-webhooks:${storeId}`}, 0))`,
    );
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.storeId, storeId));
    if ((existing?.n ?? 0) >= MAX_ENDPOINTS_PER_STORE) {
      throw new ApiError(
        'webhook_limit_reached',
        `A store has at most ${MAX_ENDPOINTS_PER_STORE} webhook endpoints.`,
      );
    }
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        id: randomUUID(),
        storeId,
        url: input.url,
        events: [...new Set(input.events)],
        secret: newSecret(),
        createdAt: now,
      })
      .returning();
    return row!;
  });
}

const endpointFields = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  createdAt: webhookEndpoints.createdAt,
};

/** The store's endpoints, newest first, without their secrets. */
export async function listEndpoints(
  db: Db,
  storeId: string,
  page: { first: number; after?: string },
) {
  const e = webhookEndpoints;
  const rows = await db
    .select({ ...endpointFields, cursorAt: cursorTimestamp(e.createdAt) })
    .from(e)
    .where(
      and(
        eq(e.storeId, storeId),
        page.after ? afterNewest(page.after, e.createdAt, e.id) : undefined,
      ),
    )
    .orderBy(desc(e.createdAt), desc(e.id))
    .limit(page.first + 1);
  return toPage(rows, page.first, (r) => [r.cursorAt, r.id]);
}

export async function findEndpoint(db: Db, storeId: string, id: string) {
  const [row] = await db
    .select(endpointFields)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.storeId, storeId)));
  return row;
}

/** Deletes one of the store's endpoints, and with it every delivery it had. */
export async function deleteEndpoint(db: Db, storeId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.storeId, storeId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** An endpoint's deliveries, newest first: what was sent, how it went (no payloads). */
export async function listDeliveries(
  db: Db,
  endpointId: string,
  page: { first: number; after?: string },
) {
  const d = webhookDeliveries;
  const rows = await db
    .select({
      id: d.id,
      messageId: d.messageId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.nextAttemptAt,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
      cursorAt: cursorTimestamp(d.createdAt),
    })
    .from(d)
    .where(
      and(
        eq(d.endpointId, endpointId),
        page.after ? afterNewest(page.after, d.createdAt, d.id) : undefined,
      ),
    )
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(page.first + 1);
  return toPage(rows, page.first, (r) => [r.cursorAt, r.id]);
}
