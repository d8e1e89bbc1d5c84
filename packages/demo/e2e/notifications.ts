import { expect } from '@playwright/test';
import { demoUrl } from './env.js';
import { admin } from './fixtures.js';

/** What a browser's `PushSubscription.toJSON()` holds. */
export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A push the demo's local push service received, decrypted (scripts/push-inbox.mjs). */
export interface ReceivedPush {
  endpoint: string;
  payload: {
    id: string;
    title: string;
    body?: string;
    url: string;
    receipt: { endpoint: string; token: string };
  };
}

/**
 * A browser-like subscription on the demo's local push service (fresh P-256 keys and auth
 * secret, made by the service, which decrypts what is pushed to it with them).
 */
export async function pushSubscription(): Promise<PushSubscriptionJson> {
  const response = await fetch(`${demoUrl}/__e2e/push/subscribe`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as PushSubscriptionJson;
}

/** The first push to `endpoint` in the push inbox, once there is one. */
export async function pushTo(endpoint: string): Promise<ReceivedPush> {
  let push: ReceivedPush | undefined;
  await expect
    .poll(async () => {
      const inbox = (await (await fetch(`${demoUrl}/push/messages.json`)).json()) as ReceivedPush[];
      push = inbox.findLast((p) => p.endpoint === endpoint);
      return !!push;
    }, `a push to ${endpoint}`)
    .toBe(true);
  return push!;
}

/**
 * Runs `body` with Aurora's quiet hours off (by default 21:00–09:00 in the shopper's time
 * zone, they would hold a message back until morning, whenever the test runs), and puts them
 * back after.
 */
export async function withoutQuietHours(body: () => Promise<void>): Promise<void> {
  const store = await admin<{ settings: { notifications?: { quietHours?: unknown } } }>(
    '/admin/v1/store',
  );
  const before = store.settings.notifications?.quietHours ?? { start: '21:00', end: '09:00' };
  const set = (quietHours: unknown) =>
    admin('/admin/v1/store', {
      method: 'PATCH',
      body: { settings: { notifications: { quietHours } } },
    });
  await set(null);
  try {
    await body();
  } finally {
    await set(before);
  }
}
