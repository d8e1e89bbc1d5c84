import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, type Db, isPostgresUrl, openDatabase } from '../src/db/index.js';
import { notificationMessages, notificationSubscriptions } from '../src/db/schema/index.js';
import {
  purgeNotificationSubscriptions,
  purgeNotificationSubscriptionsJob,
  REMOVED_SUBSCRIPTION_RETENTION_MS,
} from '../src/jobs/purge-notification-subscriptions.js';
import { CONFIRM_TTL_MS } from '../src/services/notifications/subscriptions.js';
import { createTestStore, runJob, type TestStore, useTestApp } from './harness.js';
import { insertMessage, messageRow } from './notifications-fixtures.js';

const t = useTestApp();
const DAY = 24 * 60 * 60 * 1000;
const databaseUrl = inject('databaseUrl');
/** Another instance's database: on PostgreSQL its own pool; PGlite is one process's. */
let second: Database | undefined;
beforeAll(async () => {
  if (isPostgresUrl(databaseUrl)) second = await openDatabase(databaseUrl);
});
afterAll(() => second?.close());
const otherDb = (): Db => second?.db ?? t.current.db;

/** A subscription row made `ageMs` ago; `removedAgoMs` and `confirmed` as the test needs. */
async function subscription(
  s: TestStore,
  ageMs: number,
  state: { confirmed?: boolean; removedAgoMs?: number } = {},
) {
  const now = t.current.now().getTime();
  const id = randomUUID();
  await t.current.db.insert(notificationSubscriptions).values({
    id,
    storeId: s.store.id,
    channel: 'email',
    topic: 'promotions',
    address: `${id}@example.com`,
    locale: 'en',
    timeZone: 'UTC',
    confirmedAt: state.confirmed === false ? null : new Date(now - ageMs),
    unsubscribeHash: randomUUID(),
    removedAt: state.removedAgoMs === undefined ? null : new Date(now - state.removedAgoMs),
    createdAt: new Date(now - ageMs),
  });
  return id;
}

const subscriptionIds = async () =>
  (await t.current.db.select({ id: notificationSubscriptions.id }).from(notificationSubscriptions))
    .map((r) => r.id)
    .sort();

const campaignCounts = async (s: TestStore, id: string) =>
  (await t.current.request(`/admin/v1/campaigns/${id}`, { token: s.sk })).body.counts;

describe('purge-notification-subscriptions job', () => {
  it('deletes expired unconfirmed and long-removed subscriptions, and nothing else', async () => {
    const s = await createTestStore(t.current.db);
    const expired = await subscription(s, CONFIRM_TTL_MS + DAY, { confirmed: false });
    const expiredAtBoundary = await subscription(s, CONFIRM_TTL_MS, { confirmed: false });
    const waiting = await subscription(s, CONFIRM_TTL_MS - DAY, { confirmed: false });
    const live = await subscription(s, 400 * DAY);
    const left = await subscription(s, 400 * DAY, {
      removedAgoMs: REMOVED_SUBSCRIPTION_RETENTION_MS + DAY,
    });
    const leftRecently = await subscription(s, 400 * DAY, {
      removedAgoMs: REMOVED_SUBSCRIPTION_RETENTION_MS - DAY,
    });
    // A claim still in flight: the worker finishes it (as dropped) before the row may go.
    const leftInFlight = await subscription(s, 400 * DAY, {
      removedAgoMs: REMOVED_SUBSCRIPTION_RETENTION_MS + DAY,
    });
    await insertMessage(t.current, leftInFlight, { status: 'pending' });
    const sent = await insertMessage(t.current, left, { status: 'sent', sentAt: new Date() });

    expect(await runJob(t.current, purgeNotificationSubscriptionsJob)).toBe(3);
    expect(await subscriptionIds()).toEqual([waiting, live, leftRecently, leftInFlight].sort());
    expect(await subscriptionIds()).not.toContain(expired);
    expect(await subscriptionIds()).not.toContain(expiredAtBoundary);
    // A message that was no campaign's goes with its subscription.
    expect(await messageRow(t.current, sent.id)).toBeUndefined();
    // Nothing more to do: a second run deletes nothing.
    expect(await runJob(t.current, purgeNotificationSubscriptionsJob)).toBe(0);
  });

  it("keeps a campaign's counts: its messages stay, detached, without the address", async () => {
    const s = await createTestStore(t.current.db);
    const created = await t.current.request('/admin/v1/campaigns', {
      token: s.sk,
      body: { title: { en: 'Sale' }, body: { en: '20 % off' }, audience: { topic: 'promotions' } },
    });
    expect(created.status).toBe(201);
    const campaignId: string = created.body.id;
    const now = t.current.now().getTime();
    const removedAgo = REMOVED_SUBSCRIPTION_RETENTION_MS + DAY;
    const sentBefore = new Date(now - removedAgo - DAY);
    const campaignMessage = { campaignId, status: 'sent' as const, sentAt: sentBefore };
    // Clicked, then unsubscribed: counts as sent, delivered, clicked and unsubscribed.
    const unsubscriber = await subscription(s, 400 * DAY, { removedAgoMs: removedAgo });
    const clicked = await insertMessage(t.current, unsubscriber, {
      ...campaignMessage,
      deliveredAt: sentBefore,
      clickedAt: sentBefore,
    });
    // Another message of no campaign to the same shopper: deleted with the subscription.
    const restock = await insertMessage(t.current, unsubscriber, { status: 'sent' });
    // Failed (the push service said gone), later removed: failed, not unsubscribed.
    const gone = await subscription(s, 400 * DAY, { removedAgoMs: removedAgo });
    await insertMessage(t.current, gone, {
      campaignId,
      status: 'dropped',
      error: 'gone',
      notBefore: sentBefore,
    });
    // Still subscribed: untouched.
    const stays = await subscription(s, 400 * DAY);
    await insertMessage(t.current, stays, campaignMessage);
    const before = await campaignCounts(s, campaignId);
    expect(before).toEqual({
      targeted: 3,
      sent: 2,
      delivered: 1,
      clicked: 1,
      failed: 1,
      unsubscribed: 1,
    });

    // When it was removed, as stored (the helper read the clock a moment after `now`).
    const [{ removedAt }] = (await t.current.db
      .select({ removedAt: notificationSubscriptions.removedAt })
      .from(notificationSubscriptions)
      .where(eq(notificationSubscriptions.id, unsubscriber))) as [{ removedAt: Date }];

    expect(await runJob(t.current, purgeNotificationSubscriptionsJob)).toBe(2);
    expect(await subscriptionIds()).toEqual([stays]);
    expect(await campaignCounts(s, campaignId)).toEqual(before);
    const detached = await messageRow(t.current, clicked.id);
    expect(detached).toMatchObject({ subscriptionId: null, campaignId });
    expect(detached.subscriptionRemovedAt).toEqual(removedAt);
    expect(await messageRow(t.current, restock.id)).toBeUndefined();
    const rows = await t.current.db.select().from(notificationMessages);
    expect(JSON.stringify(rows)).not.toContain('@example.com');
  });

  it('deletes in bounded batches; the next run goes on', async () => {
    const s = await createTestStore(t.current.db);
    for (let i = 0; i < 5; i++) await subscription(s, CONFIRM_TTL_MS + DAY, { confirmed: false });
    const now = t.current.now();
    const options = { batchSize: 2, maxBatches: 2 };
    expect(await purgeNotificationSubscriptions(t.current.db, now, options)).toBe(4);
    expect(await subscriptionIds()).toHaveLength(1);
    expect(await purgeNotificationSubscriptions(t.current.db, now, options)).toBe(1);
    expect(await subscriptionIds()).toHaveLength(0);
  });

  it('is safe when several instances purge at once', async () => {
    const s = await createTestStore(t.current.db);
    const { id: campaignId } = (
      await t.current.request('/admin/v1/campaigns', {
        token: s.sk,
        body: { title: { en: 'Sale' }, body: { en: 'Off' }, audience: { topic: 'promotions' } },
      })
    ).body;
    const removedAgoMs = REMOVED_SUBSCRIPTION_RETENTION_MS + DAY;
    for (let i = 0; i < 40; i++) {
      const id = await subscription(s, 400 * DAY, { removedAgoMs });
      await insertMessage(t.current, id, { campaignId, status: 'sent', sentAt: new Date(0) });
    }
    const now = t.current.now();
    const counts = await Promise.all(
      [t.current.db, otherDb(), t.current.db, otherDb()].map((db) =>
        purgeNotificationSubscriptions(db, now, { batchSize: 7 }),
      ),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(await subscriptionIds()).toHaveLength(0);
    const kept = await t.current.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.campaignId, campaignId));
    expect(kept).toHaveLength(40);
    expect(kept.every((m) => m.subscriptionId === null && m.subscriptionRemovedAt)).toBe(true);
    expect((await campaignCounts(s, campaignId)).unsubscribed).toBe(40);
  });
});
