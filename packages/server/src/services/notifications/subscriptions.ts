import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import {
  type NotificationChannel,
  type NotificationSubscriptionRow,
  type NotificationTopic,
  notificationMessages,
  notificationSubscriptions,
  products,
} from '../../db/schema/index.js';
import { derivedToken, randomToken, sha256 } from '../secrets.js';

const subs = notificationSubscriptions;

/** A double opt-in link works for 7 days; after that the shopper subscribes again. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Most subscriptions one list answer holds (a shopper has a handful). */
export const MAX_LISTED_SUBSCRIPTIONS = 200;

/**
 * The error code a pending message gets when its subscription is removed before it went out.
 * Not a failure: campaign counts leave these out of `failed`.
 */
export const UNSUBSCRIBED = 'unsubscribed';

/**
 * The subscriptions messages may go to: confirmed (double opt-in done, or never needed) and
 * not removed. Every sender and trigger selects with this, so an unsubscribe is final.
 */
export function isLive(): SQL {
  return and(isNull(subs.removedAt), isNotNull(subs.confirmedAt))!;
}

/**
 * A subscription's unsubscribe token: derived from the store's signing secret and the
 * subscription's id, so every message's unsubscribe link (List-Unsubscribe, the push link)
 * can carry it while the database keeps only its SHA-256.
 */
export function unsubscribeToken(tokenSecret: string, subscriptionId: string): string {
  return derivedToken(tokenSecret, 'notification-unsubscribe', subscriptionId);
}

export interface SubscribeInput {
  storeId: string;
  /** The store's signing secret (stores.token_secret): the unsubscribe token derives from it. */
  tokenSecret: string;
  customerId: string | null;
  channel: NotificationChannel;
  topic: NotificationTopic;
  productId: string | null;
  /** The email (normalized) or the push endpoint. */
  address: string;
  push: { p256dh: string; auth: string } | null;
  locale: string;
  timeZone: string;
  landingUrl: string | null;
  /** False for an email the shopper typed: it waits for the double opt-in. */
  confirmed: boolean;
}

/**
 * A subscription made now (`created`, with the unsubscribe token the device keeps; the server
 * holds its hash), or the same live one found again (no token). `confirmToken`: a double
 * opt-in link to mail, for a new pending subscription or a pending one asked for again.
 */
export type SubscribeResult = { row: NotificationSubscriptionRow; confirmToken: string | null } & (
  | { created: true; unsubscribeToken: string }
  | { created: false }
);

/** The live row (pending or confirmed) for the same store, channel, topic, address and product. */
function sameSubscription(input: SubscribeInput): SQL {
  return and(
    eq(subs.storeId, input.storeId),
    eq(subs.channel, input.channel),
    eq(subs.topic, input.topic),
    eq(subs.address, input.address),
    input.productId ? eq(subs.productId, input.productId) : isNull(subs.productId),
    isNull(subs.removedAt),
  )!;
}

/**
 * Subscribes, or finds the live subscription that already says the same. The unique index
 * on live rows decides between concurrent identical requests: one inserts, the others find
 * its row. A repeat by someone who proves the address (a signed-in shopper's own email, the
 * browser holding the push endpoint) confirms a pending row and attaches their account. A
 * typed address asked again while pending gets a fresh link (the last mail may be lost);
 * once its link has expired, the pending row gives way to a new subscription.
 */
export async function subscribe(
  db: Db,
  input: SubscribeInput,
  now: Date,
): Promise<SubscribeResult> {
  const id = randomUUID();
  const token = unsubscribeToken(input.tokenSecret, id);
  const confirmToken = input.confirmed ? null : randomToken();
  const [row] = await db
    .insert(subs)
    .values({
      id,
      storeId: input.storeId,
      customerId: input.customerId,
      channel: input.channel,
      topic: input.topic,
      productId: input.productId,
      address: input.address,
      pushP256dh: input.push?.p256dh ?? null,
      pushAuth: input.push?.auth ?? null,
      locale: input.locale,
      timeZone: input.timeZone,
      landingUrl: input.landingUrl,
      confirmedAt: input.confirmed ? now : null,
      confirmHash: confirmToken ? sha256(confirmToken) : null,
      unsubscribeHash: sha256(token),
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return { created: true, row, unsubscribeToken: token, confirmToken };

  const [existing] = await db.select().from(subs).where(sameSubscription(input)).limit(1);
  // Removed between the insert and this read: the shopper's retry subscribes afresh.
  if (!existing) return subscribe(db, input, now);
  const pending = !existing.confirmedAt;
  if (pending && !input.confirmed && isExpired(existing, now)) {
    await db
      .update(subs)
      .set({ removedAt: now })
      .where(and(eq(subs.id, existing.id), isNull(subs.confirmedAt), isNull(subs.removedAt)));
    return subscribe(db, input, now);
  }
  const confirms = pending && input.confirmed;
  const remails = pending && !input.confirmed;
  const attaches = input.customerId !== null && existing.customerId === null;
  if (!confirms && !remails && !attaches) {
    return { created: false, row: existing, confirmToken: null };
  }
  const [updated] = await db
    .update(subs)
    .set({
      ...(confirms ? { confirmedAt: now, confirmHash: null } : {}),
      ...(remails ? { confirmHash: sha256(confirmToken!) } : {}),
      ...(attaches ? { customerId: input.customerId } : {}),
    })
    .where(and(eq(subs.id, existing.id), isNull(subs.removedAt)))
    .returning();
  return {
    created: false,
    row: updated ?? existing,
    confirmToken: remails && updated ? confirmToken : null,
  };
}

const isExpired = (row: NotificationSubscriptionRow, now: Date) =>
  row.createdAt.getTime() <= now.getTime() - CONFIRM_TTL_MS;

/** Deletes a subscription that never was: its opt-in mail could not be sent. */
export async function forgetSubscription(db: Db, id: string): Promise<void> {
  await db.delete(subs).where(and(eq(subs.id, id), isNull(subs.confirmedAt)));
}

export interface ListedSubscription {
  row: NotificationSubscriptionRow;
  product: { id: string; handle: string; title: string } | null;
}

async function listWhere(db: Db, where: SQL): Promise<ListedSubscription[]> {
  const rows = await db
    .select({
      row: subs,
      productId: products.id,
      handle: products.handle,
      title: products.title,
    })
    .from(subs)
    .leftJoin(products, eq(products.id, subs.productId))
    .where(and(where, isNull(subs.removedAt)))
    .orderBy(desc(subs.createdAt), desc(subs.id))
    .limit(MAX_LISTED_SUBSCRIPTIONS);
  return rows.map((r) => ({
    row: r.row,
    product:
      r.productId && r.handle && r.title
        ? { id: r.productId, handle: r.handle, title: r.title }
        : null,
  }));
}

/** A signed-in shopper's live subscriptions (every channel), newest first. */
export function listCustomerSubscriptions(db: Db, storeId: string, customerId: string) {
  return listWhere(db, and(eq(subs.storeId, storeId), eq(subs.customerId, customerId))!);
}

/** The live subscriptions whose unsubscribe tokens a device holds (a guest's). */
export function listByTokens(db: Db, storeId: string, tokens: string[]) {
  if (tokens.length === 0) return Promise.resolve([]);
  return listWhere(
    db,
    and(eq(subs.storeId, storeId), inArray(subs.unsubscribeHash, tokens.map(sha256)))!,
  );
}

/** One subscription with its product, as the answers show it. */
export async function listedSubscription(
  db: Db,
  row: NotificationSubscriptionRow,
): Promise<ListedSubscription> {
  if (!row.productId) return { row, product: null };
  const [product] = await db
    .select({ id: products.id, handle: products.handle, title: products.title })
    .from(products)
    .where(eq(products.id, row.productId));
  return { row, product: product ?? null };
}

/**
 * Removes the live subscription matching `where` and drops its messages not yet sent, in
 * one transaction: after an unsubscribe nothing more goes out (a message a worker has
 * already claimed is past recall, which the sender's check of isLive() narrows further).
 */
async function removeWhere(
  db: Db,
  where: SQL,
  now: Date,
): Promise<NotificationSubscriptionRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(subs)
      .set({ removedAt: now })
      .where(and(where, isNull(subs.removedAt)))
      .returning();
    if (!row) return undefined;
    await tx
      .update(notificationMessages)
      .set({ status: 'dropped', error: UNSUBSCRIBED })
      .where(
        and(
          eq(notificationMessages.subscriptionId, row.id),
          eq(notificationMessages.status, 'pending'),
        ),
      );
    return row;
  });
}

/** Removes one of a signed-in shopper's subscriptions; undefined if it is not theirs. */
export function removeCustomerSubscription(
  db: Db,
  key: { storeId: string; customerId: string; id: string },
  now: Date,
) {
  return removeWhere(
    db,
    and(eq(subs.storeId, key.storeId), eq(subs.customerId, key.customerId), eq(subs.id, key.id))!,
    now,
  );
}

/** Removes the subscription `id` if `token` is its unsubscribe token (a guest's device). */
export function removeSubscriptionWithToken(
  db: Db,
  key: { storeId: string; id: string; token: string },
  now: Date,
) {
  return removeWhere(
    db,
    and(
      eq(subs.storeId, key.storeId),
      eq(subs.id, key.id),
      eq(subs.unsubscribeHash, sha256(key.token)),
    )!,
    now,
  );
}

/** The subscription an unsubscribe link names, removed or not (the page says which). */
export async function findByUnsubscribeToken(
  db: Db,
  token: string,
): Promise<ListedSubscription | undefined> {
  const [row] = await db
    .select()
    .from(subs)
    .where(eq(subs.unsubscribeHash, sha256(token)))
    .limit(1);
  return row ? listedSubscription(db, row) : undefined;
}

/** One-click unsubscribe (RFC 8058): removes it; repeating it changes nothing. */
export function unsubscribeWithToken(db: Db, token: string, now: Date) {
  return removeWhere(db, eq(subs.unsubscribeHash, sha256(token)), now);
}

const confirmable = (token: string, now: Date) =>
  and(
    eq(subs.confirmHash, sha256(token)),
    isNull(subs.confirmedAt),
    isNull(subs.removedAt),
    gt(subs.createdAt, new Date(now.getTime() - CONFIRM_TTL_MS)),
  );

/** The pending subscription a double opt-in link names, while the link works. */
export async function findConfirmable(
  db: Db,
  token: string,
  now: Date,
): Promise<ListedSubscription | undefined> {
  const [row] = await db.select().from(subs).where(confirmable(token, now)).limit(1);
  return row ? listedSubscription(db, row) : undefined;
}

/** Follows the double opt-in link: confirmed once, the link spent. */
export async function confirmSubscription(
  db: Db,
  token: string,
  now: Date,
): Promise<ListedSubscription | undefined> {
  const [row] = await db
    .update(subs)
    .set({ confirmedAt: now, confirmHash: null })
    .where(confirmable(token, now))
    .returning();
  return row ? listedSubscription(db, row) : undefined;
}

/** The status a shopper sees: 'pending' until the double opt-in is done. */
export function subscriptionStatus(row: NotificationSubscriptionRow): 'active' | 'pending' {
  return row.confirmedAt ? 'active' : 'pending';
}

/** Product-less topics are about the store or the shopper's account. */
export const PRODUCT_TOPICS: readonly NotificationTopic[] = ['back-in-stock', 'price-drop'];
/** Topics about an account: a signed-in shopper only. */
export const ACCOUNT_TOPICS: readonly NotificationTopic[] = ['points-expiry', 'order-updates'];

/** A browser's push subscription as its push service rotated it: the new endpoint and keys. */
export interface RenewedPush {
  endpoint: string;
  p256dh: string;
  auth: string;
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/**
 * Moves a browser's live push subscriptions in a store from the endpoint its push service
 * retired to the one it rotated to (kiosk-sw.js on `pushsubscriptionchange`). The old
 * endpoint is the proof: an unguessable URL only the browser and we hold. A subscription the
 * browser already has again at the new endpoint (the page subscribed anew first) is removed
 * instead of moved, so the live ones stay unique. Returns how many were moved or removed;
 * 0: no live push subscription at `oldEndpoint` in this store (or a concurrent renewal got
 * there first).
 */
export async function renewPushSubscriptions(
  db: Db,
  storeId: string,
  oldEndpoint: string,
  push: RenewedPush,
  now: Date,
  retried = false,
): Promise<number> {
  const at = (address: string) =>
    and(
      eq(subs.storeId, storeId),
      eq(subs.channel, 'push'),
      eq(subs.address, address),
      isNull(subs.removedAt),
    )!;
  const sameTarget = (r: { topic: string; productId: string | null }) =>
    `${r.topic}:${r.productId ?? ''}`;
  try {
    return await db.transaction(async (tx) => {
      // Row locks: a concurrent renewal of the same endpoint waits, then finds none here.
      const old = await tx.select().from(subs).where(at(oldEndpoint)).for('update');
      if (old.length === 0) return 0;
      const there =
        push.endpoint === oldEndpoint
          ? new Set<string>()
          : new Set((await tx.select().from(subs).where(at(push.endpoint))).map(sameTarget));
      const twins = old.filter((r) => there.has(sameTarget(r))).map((r) => r.id);
      const moved = old.filter((r) => !there.has(sameTarget(r))).map((r) => r.id);
      if (moved.length > 0) {
        await tx
          .update(subs)
          .set({ address: push.endpoint, pushP256dh: push.p256dh, pushAuth: push.auth })
          .where(inArray(subs.id, moved));
      }
      if (twins.length > 0) {
        await tx.update(subs).set({ removedAt: now }).where(inArray(subs.id, twins));
        await tx
          .update(notificationMessages)
          .set({ status: 'dropped', error: UNSUBSCRIBED })
          .where(
            and(
              inArray(notificationMessages.subscriptionId, twins),
              eq(notificationMessages.status, 'pending'),
            ),
          );
      }
      return old.length;
    });
  } catch (err) {
    // The page subscribed at the new endpoint while this ran: once more, it is a twin now.
    if (retried || !isUniqueViolation(err)) throw err;
    return renewPushSubscriptions(db, storeId, oldEndpoint, push, now, true);
  }
}
