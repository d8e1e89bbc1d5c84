import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  type NotificationMessageRow,
  notificationMessages,
  notificationSubscriptions,
} from '../src/db/schema/index.js';
import type { TestApp } from './harness.js';
import { postForm } from './oauth-fixtures.js';

/** A browser's push subscription as PushSubscription.toJSON() gives it, with real P-256 keys. */
export function pushSubscription(endpoint = `https://push.example/send/${randomUUID()}`) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

/** POST /v1/notifications/subscriptions for push from a new browser (or `push`). */
export function subscribePush(
  t: TestApp,
  pk: string,
  fields: Record<string, unknown> = {},
  push = pushSubscription(),
) {
  return t.request('/v1/notifications/subscriptions', {
    key: pk,
    body: { topic: 'promotions', channel: 'push', push, ...fields },
  });
}

/** A message row as the outbox would hold it (the sending is another part's). */
export async function insertMessage(
  t: TestApp,
  subscriptionId: string,
  fields: Partial<typeof notificationMessages.$inferInsert> = {},
): Promise<NotificationMessageRow> {
  const [sub] = await t.db
    .select()
    .from(notificationSubscriptions)
    .where(eq(notificationSubscriptions.id, subscriptionId));
  const [row] = await t.db
    .insert(notificationMessages)
    .values({
      id: randomUUID(),
      storeId: sub!.storeId,
      subscriptionId,
      topic: sub!.topic,
      dedupeKey: `test:${randomUUID()}`,
      payload: { title: 'Hello', body: 'Back soon', url: 'https://shop.example/p/shirt' },
      status: 'pending',
      notBefore: t.now(),
      ...fields,
    })
    .returning();
  return row!;
}

export async function messageRow(t: TestApp, id: string): Promise<NotificationMessageRow> {
  const [row] = await t.db
    .select()
    .from(notificationMessages)
    .where(eq(notificationMessages.id, id));
  return row!;
}

export async function subscriptionRow(t: TestApp, id: string) {
  const [row] = await t.db
    .select()
    .from(notificationSubscriptions)
    .where(eq(notificationSubscriptions.id, id));
  return row!;
}

/** The one-click unsubscribe a mail provider makes (RFC 8058): no origin, the form body. */
export function oneClick(t: TestApp, token: string, fields = { 'List-Unsubscribe': 'One-Click' }) {
  return postForm(t, `/v1/notifications/unsubscribe?token=${token}`, fields, {});
}

/** The form action of a hosted page (its button's POST target). */
export function formAction(page: string): string | undefined {
  return /<form method="post" action="([^"]*)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
}
