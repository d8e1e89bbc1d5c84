import { and, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { Db, Tx } from '../../db/index.js';
import {
  type NotificationMessageRow,
  type NotificationSubscriptionRow,
  notificationMessages,
  notificationSubscriptions,
  stores,
} from '../../db/schema/index.js';
import { notificationMail } from '../../mail/notification-mail.js';
import type { Store } from '../stores.js';
import {
  capReached,
  type DeliveryRules,
  deliveryRules,
  isTransactional,
  quietUntil,
} from './delivery-rules.js';
import type { MessageContent } from './message-content.js';
import { claimDueMessages, deferMessage, markNotSent, markSent, retryOrFail } from './outbox.js';
import { receiptToken } from './receipts.js';
import { type PushOptions, type SendOutcome, sendEmail, sendPush } from './senders.js';
import { unsubscribeToken } from './subscriptions.js';
import { type VapidKeys, vapidKeys } from './vapid-keys.js';

export interface WorkerOptions {
  /** Messages claimed per round trip. */
  batchSize?: number;
  /** Sends in flight at once (different shoppers; one shopper's messages go one by one). */
  concurrency?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A push service keeps a message for an offline browser this long (then it is stale). */
const PUSH_TTL_SECONDS = 24 * 60 * 60;

interface Context {
  deps: AppDeps;
  origin: string;
  vapid: () => Promise<VapidKeys>;
}

/**
 * VAPID `sub`: the server's public URL when it is https (what push services want), else a
 * mailto: at its host (a laptop or test server has no https URL to give).
 */
function vapidSubject(origin: string): string {
  const url = new URL(origin);
  return url.protocol === 'https:' ? url.origin : `mailto:notifications@${url.hostname}`;
}

/** Whose messages share one frequency cap: the shopper's account, else the address. */
const shopperOf = (sub: NotificationSubscriptionRow) =>
  `${sub.storeId}:${sub.customerId ?? sub.address}`;

/**
 * Messages sent to the same shopper (their customer account, or the same address) in the
 * last day and week, order updates not counted. A message being sent right now (reserved:
 * still pending, `sentAt` set) counts as sent, `message` itself aside.
 */
async function recentlySent(
  tx: Tx,
  sub: NotificationSubscriptionRow,
  message: NotificationMessageRow,
  now: Date,
) {
  const s = notificationSubscriptions;
  const m = notificationMessages;
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const [row] = await tx
    .select({
      lastDay:
        sql<number>`count(*) filter (where ${m.sentAt} > ${new Date(now.getTime() - DAY_MS)})`.mapWith(
          Number,
        ),
      lastWeek: sql<number>`count(*)`.mapWith(Number),
    })
    .from(m)
    .innerJoin(s, eq(s.id, m.subscriptionId))
    .where(
      and(
        eq(m.storeId, sub.storeId),
        inArray(m.status, ['sent', 'pending']),
        ne(m.id, message.id),
        ne(m.topic, 'order-updates'),
        gt(m.sentAt, since),
        or(
          eq(s.address, sub.address),
          sub.customerId
            ? and(isNotNull(s.customerId), eq(s.customerId, sub.customerId))
            : undefined,
        ),
      ),
    );
  return row ?? { lastDay: 0, lastWeek: 0 };
}

/**
 * The frequency cap, exact across instances: under a lock on the shopper (a transaction-scoped
 * advisory lock, so two workers with messages for the same shopper take turns), count what was
 * sent or is being sent, and either reserve a place for `message` (its `sentAt`, while it is
 * still pending) or say the cap is reached. A send that then fails gives the place back.
 */
async function reserveUnderCap(
  db: Db,
  sub: NotificationSubscriptionRow,
  message: NotificationMessageRow,
  rules: DeliveryRules,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`kiosk-notify-cap:${shopperOf(sub)}`}, 0))`,
    );
    if (capReached(await recentlySent(tx, sub, message, now), rules)) return false;
    await tx
      .update(notificationMessages)
      .set({ sentAt: now })
      .where(
        and(eq(notificationMessages.id, message.id), eq(notificationMessages.status, 'pending')),
      );
    return true;
  });
}

/** Sends one claimed message, or decides it is not to be sent (now, or ever). */
async function deliver(
  ctx: Context,
  message: NotificationMessageRow,
  sub: NotificationSubscriptionRow | undefined,
  store: Store | undefined,
): Promise<void> {
  const { db } = ctx.deps;
  const now = ctx.deps.now();
  // Unsubscribed (or deleted) after the message was written: it is not sent.
  if (!sub || !store || sub.removedAt) {
    await markNotSent(db, message.id, 'dropped', 'unsubscribed');
    return;
  }
  if (!isTransactional(message.topic)) {
    const rules = deliveryRules(store.settings);
    const until = quietUntil(now, sub.timeZone, rules.quietHours);
    if (until) {
      await deferMessage(db, message.id, until);
      return;
    }
    if (!(await reserveUnderCap(db, sub, message, rules, now))) {
      await markNotSent(db, message.id, 'capped', 'cap');
      return;
    }
  }
  const content = message.payload as unknown as MessageContent;
  const token = receiptToken(store.tokenSecret, message.id);
  let outcome: SendOutcome;
  if (sub.channel === 'push') {
    const options: PushOptions = {
      vapid: await ctx.vapid(),
      subject: vapidSubject(ctx.origin),
      ttlSeconds: PUSH_TTL_SECONDS,
      urgency: message.topic === 'order-updates' ? 'high' : 'normal',
    };
    outcome = await sendPush(
      sub,
      {
        id: message.id,
        title: content.title,
        body: content.body,
        url: content.url,
        ...(content.image ? { image: content.image } : {}),
        tag: message.id,
        receipt: { endpoint: `${ctx.origin}/v1/notifications/receipts`, token },
      },
      options,
    );
  } else if (ctx.deps.mailer) {
    const mail = await notificationMail({
      to: sub.address,
      locale: sub.locale,
      store: store.name,
      messageId: message.id,
      host: new URL(ctx.origin).hostname,
      title: content.title,
      body: content.body,
      link: content.url ? `${ctx.origin}/n/${message.id}.${token}` : null,
      unsubscribeUrl: `${ctx.origin}/v1/notifications/unsubscribe?token=${unsubscribeToken(store.tokenSecret, sub.id)}`,
    });
    outcome = await sendEmail(ctx.deps.mailer, mail);
  } else {
    outcome = { ok: false, gone: false, error: 'mail_unavailable' };
  }
  const done = ctx.deps.now();
  if (outcome.ok) {
    await markSent(db, message.id, done);
  } else if (outcome.gone) {
    // The push service (or mail server) says the address is gone for good: stop writing to it.
    await markNotSent(db, message.id, 'dropped', outcome.error);
    await db
      .update(notificationSubscriptions)
      .set({ removedAt: done })
      .where(
        and(eq(notificationSubscriptions.id, sub.id), isNull(notificationSubscriptions.removedAt)),
      );
  } else {
    await retryOrFail(db, message, done, outcome.error);
  }
}

/**
 * One round of the outbox worker: claims a batch (committed at once, with a lease), then
 * sends with no transaction open. One shopper's messages go one after another, so the
 * frequency cap sees each one sent before it counts the next; different shoppers in
 * parallel. Returns how many messages were claimed.
 */
export async function sendDueMessages(deps: AppDeps, options: WorkerOptions = {}) {
  const { batchSize = 200, concurrency = 32 } = options;
  const claimed = await claimDueMessages(deps.db, deps.now(), batchSize);
  if (claimed.length === 0) return 0;
  // Only a purged subscription's finished messages lack one, and those are never claimed.
  const subIds = [...new Set(claimed.flatMap((m) => m.subscriptionId ?? []))];
  const storeIds = [...new Set(claimed.map((m) => m.storeId))];
  const [subRows, storeRows] = await Promise.all([
    deps.db
      .select()
      .from(notificationSubscriptions)
      .where(inArray(notificationSubscriptions.id, subIds)),
    deps.db.select().from(stores).where(inArray(stores.id, storeIds)),
  ]);
  const byId = new Map(subRows.map((s) => [s.id, s]));
  const subOf = (message: NotificationMessageRow) =>
    message.subscriptionId ? byId.get(message.subscriptionId) : undefined;
  const storeOf = new Map(storeRows.map((s) => [s.id, s]));

  let keys: Promise<VapidKeys> | undefined;
  const ctx: Context = {
    deps,
    origin: deps.publicOrigins?.primary ?? 'http://localhost',
    vapid: () => {
      keys ??= vapidKeys(deps.db);
      return keys;
    },
  };

  const byShopper = new Map<string, NotificationMessageRow[]>();
  for (const message of claimed) {
    const sub = subOf(message);
    const shopper = sub ? shopperOf(sub) : message.id;
    byShopper.set(shopper, [...(byShopper.get(shopper) ?? []), message]);
  }
  const queues = [...byShopper.values()];
  let failure: unknown;
  const lane = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const message of queue) {
        try {
          await deliver(ctx, message, subOf(message), storeOf.get(message.storeId));
        } catch (error) {
          // The database failed mid-way: the lease runs out and the message is claimed again.
          failure ??= error;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, lane));
  if (failure) throw failure;
  return claimed.length;
}
