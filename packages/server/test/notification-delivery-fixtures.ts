// What the delivery tests share (the outbox, the worker, triggers): subscriptions written
// straight into the table, a subscription's messages, the worker's deps and open hours. The
// API's own tests share notifications-fixtures.ts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../src/context.js';
import type { Db } from '../src/db/index.js';
import {
  type NotificationMessageRow,
  type NotificationTopic,
  notificationMessages,
  notificationSubscriptions,
} from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import type { Mailer } from '../src/mail/mailer.js';
import { unsubscribeToken } from '../src/services/notifications/subscriptions.js';
import { sha256 } from '../src/services/secrets.js';
import type { Store } from '../src/services/stores.js';
import type { TestPushService } from '../src/testing/push-service.js';
import type { TestApp } from './harness.js';

export interface SubscriptionInput {
  topic: NotificationTopic;
  productId?: string;
  customerId?: string;
  locale?: string;
  timeZone?: string;
  landingUrl?: string;
  /** Default: a new push subscription at the test push service. */
  email?: string;
  confirmed?: boolean;
}

/**
 * A live subscription written straight into the table (as the subscribe route would), its
 * unsubscribe hash the one the worker's mails link to. Push: a fresh browser subscription
 * at `push` (its keys made there, so the service can decrypt).
 */
export async function subscribe(
  db: Db,
  store: Store,
  push: TestPushService,
  input: SubscriptionInput,
) {
  const id = randomUUID();
  const browser = input.email ? null : push.subscribe();
  await db.insert(notificationSubscriptions).values({
    id,
    storeId: store.id,
    customerId: input.customerId ?? null,
    channel: browser ? 'push' : 'email',
    topic: input.topic,
    productId: input.productId ?? null,
    address: browser ? browser.endpoint : input.email!.toLowerCase(),
    pushP256dh: browser?.keys.p256dh ?? null,
    pushAuth: browser?.keys.auth ?? null,
    locale: input.locale ?? 'en',
    timeZone: input.timeZone ?? 'UTC',
    landingUrl: input.landingUrl ?? 'https://shop.example/shop',
    confirmedAt: input.confirmed === false ? null : new Date(),
    unsubscribeHash: sha256(unsubscribeToken(store.tokenSecret, id)),
  });
  return { id, endpoint: browser?.endpoint ?? null };
}

export async function messagesOf(
  db: Db,
  subscriptionId: string,
): Promise<NotificationMessageRow[]> {
  return db
    .select()
    .from(notificationMessages)
    .where(eq(notificationMessages.subscriptionId, subscriptionId))
    .orderBy(notificationMessages.createdAt);
}

/** The app's deps as the scheduler hands them to a job, with the app's clock (+ `aheadMs`). */
export function workerDeps(
  t: TestApp,
  options: { db?: Db; mailer?: Mailer; aheadMs?: number } = {},
): AppDeps {
  return {
    db: options.db ?? t.db,
    log: createLogger('silent'),
    now: () => new Date(t.now().getTime() + (options.aheadMs ?? 0)),
    ...(options.mailer ? { mailer: options.mailer } : {}),
  };
}

/** Store settings with no quiet hours and roomy caps, so a test sees only what it tests. */
export const openHours = {
  notifications: { quietHours: null, maxPerDay: 100, maxPerWeek: 700 },
};
