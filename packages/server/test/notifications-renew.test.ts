// POST /v1/notifications/subscriptions/renew: kiosk-sw.js tells the store that the browser's
// push service rotated its subscription (`pushsubscriptionchange`). Chromium cannot fire that
// event on demand, so the route is tested here on its own (see kiosk-sw.ts).
import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { notificationSubscriptions } from '../src/db/schema/index.js';
import {
  createTestApp,
  createTestProduct,
  createTestStore,
  statusCounts,
  type TestApp,
  type TestStore,
} from './harness.js';
import {
  insertMessage,
  messageRow,
  pushSubscription,
  subscribePush,
  subscriptionRow,
} from './notifications-fixtures.js';

let t: TestApp;
let s: TestStore;

beforeEach(async () => {
  t = await createTestApp();
  s = await createTestStore(t.db);
  await createTestProduct(t.db, s.store, { handle: 'linen-shirt' });
});

const renew = (body: unknown, pk = s.pk) =>
  t.request('/v1/notifications/subscriptions/renew', { key: pk, body });

/** The live push subscriptions at `endpoint`, as rows. */
const liveAt = (endpoint: string) =>
  t.db
    .select()
    .from(notificationSubscriptions)
    .where(
      and(
        eq(notificationSubscriptions.address, endpoint),
        isNull(notificationSubscriptions.removedAt),
      ),
    );

describe('POST /v1/notifications/subscriptions/renew', () => {
  it('moves every live subscription of the browser to the new endpoint and keys', async () => {
    const browser = pushSubscription();
    const promotions = await subscribePush(t, s.pk, {}, browser);
    const restock = await subscribePush(
      t,
      s.pk,
      { topic: 'back-in-stock', product: 'linen-shirt' },
      browser,
    );
    const pending = await insertMessage(t, restock.body.id);
    const rotated = pushSubscription();

    const res = await renew({ oldEndpoint: browser.endpoint, push: rotated });
    expect(res.status).toBe(204);
    for (const id of [promotions.body.id, restock.body.id]) {
      expect(await subscriptionRow(t, id)).toMatchObject({
        address: rotated.endpoint,
        pushP256dh: rotated.keys.p256dh,
        pushAuth: rotated.keys.auth,
        removedAt: null,
      });
    }
    // The message waiting for it goes to the new endpoint: same subscription, still pending.
    expect((await messageRow(t, pending.id)).status).toBe('pending');
    expect(await liveAt(browser.endpoint)).toHaveLength(0);

    // The old endpoint is spent: renewing from it again finds nothing.
    const again = await renew({ oldEndpoint: browser.endpoint, push: pushSubscription() });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('subscription_not_found');
  });

  it('removes, instead of moving, what the browser already has at the new endpoint', async () => {
    const browser = pushSubscription();
    const rotated = pushSubscription();
    const oldPromotions = await subscribePush(t, s.pk, {}, browser);
    const oldRestock = await subscribePush(
      t,
      s.pk,
      { topic: 'back-in-stock', product: 'linen-shirt' },
      browser,
    );
    const pending = await insertMessage(t, oldPromotions.body.id);
    // The page subscribed to promotions again with the rotated subscription first.
    const newPromotions = await subscribePush(t, s.pk, {}, rotated);

    expect((await renew({ oldEndpoint: browser.endpoint, push: rotated })).status).toBe(204);
    const live = await liveAt(rotated.endpoint);
    expect(live.map((r) => r.id).sort()).toEqual(
      [newPromotions.body.id, oldRestock.body.id].sort(),
    );
    expect((await subscriptionRow(t, oldPromotions.body.id)).removedAt).not.toBeNull();
    expect(await messageRow(t, pending.id)).toMatchObject({
      status: 'dropped',
      error: 'unsubscribed',
    });
  });

  it('answers subscription_not_found for an unknown endpoint, email addresses included', async () => {
    const unknown = await renew({
      oldEndpoint: pushSubscription().endpoint,
      push: pushSubscription(),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('subscription_not_found');

    // A removed subscription's endpoint renews nothing either.
    const browser = pushSubscription();
    const sub = await subscribePush(t, s.pk, {}, browser);
    const token = sub.body.unsubscribeToken;
    await t.request(`/v1/notifications/subscriptions/${sub.body.id}`, {
      method: 'DELETE',
      key: s.pk,
      headers: { 'x-kiosk-unsubscribe-token': token },
    });
    const removed = await renew({ oldEndpoint: browser.endpoint, push: pushSubscription() });
    expect(removed.status).toBe(404);
    expect((await subscriptionRow(t, sub.body.id)).address).toBe(browser.endpoint);
  });

  it("is scoped to the store: another store's key renews nothing of this one", async () => {
    const other = await createTestStore(t.db);
    const browser = pushSubscription();
    const mine = await subscribePush(t, s.pk, {}, browser);
    const theirs = await subscribePush(t, other.pk, {}, browser);
    const rotated = pushSubscription();

    expect((await renew({ oldEndpoint: browser.endpoint, push: rotated }, other.pk)).status).toBe(
      204,
    );
    expect((await subscriptionRow(t, theirs.body.id)).address).toBe(rotated.endpoint);
    expect(await subscriptionRow(t, mine.body.id)).toMatchObject({
      address: browser.endpoint,
      pushP256dh: browser.keys.p256dh,
    });
  });

  const junk: [string, unknown][] = [
    ['no body fields', {}],
    ['no new subscription', { oldEndpoint: 'https://push.example/send/a' }],
    ['an old endpoint that is no URL', { oldEndpoint: 'not a url', push: pushSubscription() }],
    [
      'an old endpoint too long',
      { oldEndpoint: `https://push.example/${'a'.repeat(2100)}`, push: pushSubscription() },
    ],
    [
      'a new endpoint on plain http',
      {
        oldEndpoint: 'https://push.example/send/a',
        push: { ...pushSubscription(), endpoint: 'http://push.example/send/b' },
      },
    ],
    [
      'a short p256dh key',
      {
        oldEndpoint: 'https://push.example/send/a',
        push: { ...pushSubscription(), keys: { p256dh: 'AAAA', auth: 'AAAAAAAAAAAAAAAAAAAAAA' } },
      },
    ],
    ['an array body', []],
    ['a JSON string', '"renew please"'],
  ];
  it.each(junk)('refuses %s with validation_failed, changing nothing', async (_, body) => {
    const browser = pushSubscription();
    await subscribePush(t, s.pk, {}, browser);
    const res = await renew(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await liveAt(browser.endpoint)).toHaveLength(1);
  });

  it('refuses a body that is no JSON with invalid_json', async () => {
    const res = await renew('{"oldEndpoint": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('needs the store key', async () => {
    const res = await t.request('/v1/notifications/subscriptions/renew', {
      body: { oldEndpoint: pushSubscription().endpoint, push: pushSubscription() },
    });
    expect(res.status).toBe(401);
  });

  it('renews once when the same change is reported twice at once', async () => {
    const browser = pushSubscription();
    const subs = await Promise.all(
      ['promotions', 'back-in-stock'].map((topic) =>
        subscribePush(
          t,
          s.pk,
          topic === 'promotions' ? {} : { topic, product: 'linen-shirt' },
          browser,
        ),
      ),
    );
    const rotated = pushSubscription();
    const answers = await Promise.all(
      [1, 2, 3].map(() => renew({ oldEndpoint: browser.endpoint, push: rotated })),
    );
    expect(statusCounts(answers)).toEqual({ 204: 1, 404: 2 });
    const live = await liveAt(rotated.endpoint);
    expect(live.map((r) => r.id).sort()).toEqual(subs.map((r) => r.body.id).sort());
  });

  it('keeps one live subscription when the page subscribes anew during the renewal', async () => {
    const browser = pushSubscription();
    await subscribePush(t, s.pk, {}, browser);
    const rotated = pushSubscription();
    const [renewed, subscribed] = await Promise.all([
      renew({ oldEndpoint: browser.endpoint, push: rotated }),
      subscribePush(t, s.pk, {}, rotated),
    ]);
    expect(renewed.status).toBe(204);
    expect([200, 201]).toContain(subscribed.status);
    expect(await liveAt(rotated.endpoint)).toHaveLength(1);
    expect(await liveAt(browser.endpoint)).toHaveLength(0);
  });

  it('is rate limited with subscribing, per client address', async () => {
    t = await createTestApp({
      rateLimits: { 'notification-subscriptions': { limit: 2, windowMs: 60_000 } },
    });
    s = await createTestStore(t.db);
    const browser = pushSubscription();
    await subscribePush(t, s.pk, {}, browser);
    const first = await renew({ oldEndpoint: browser.endpoint, push: pushSubscription() });
    const second = await renew({ oldEndpoint: browser.endpoint, push: pushSubscription() });
    expect([first.status, second.status]).toEqual([204, 429]);
    expect(second.body.error.code).toBe('rate_limited');
  });
});
