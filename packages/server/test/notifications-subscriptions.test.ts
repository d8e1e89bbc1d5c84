import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { idempotencyKeys, notificationSubscriptions } from '../src/db/schema/index.js';
import { unsubscribeToken } from '../src/services/notifications/subscriptions.js';
import { vapidKeys } from '../src/services/notifications/vapid-keys.js';
import {
  createTestApp,
  createTestCustomer,
  createTestProduct,
  createTestStore,
  statusCounts,
  type TestApp,
  type TestProduct,
  type TestStore,
} from './harness.js';
import { type Mailbox, openMailbox } from './mailbox.js';
import {
  formAction,
  insertMessage,
  messageRow,
  pushSubscription,
  subscribePush,
  subscriptionRow,
} from './notifications-fixtures.js';
import { postForm } from './oauth-fixtures.js';

let mailbox: Mailbox;
let t: TestApp;
let s: TestStore;
let shirt: TestProduct;

beforeAll(async () => {
  mailbox = await openMailbox();
});
afterAll(() => mailbox.close());
beforeEach(async () => {
  t = await createTestApp({ mailer: mailbox.mailer });
  s = await createTestStore(t.db, { name: 'Aurora' });
  shirt = await createTestProduct(t.db, s.store, { handle: 'linen-shirt', title: 'Linen shirt' });
});

const subscribe = (body: Record<string, unknown>, options: { token?: string; key?: string } = {}) =>
  t.request('/v1/notifications/subscriptions', { key: s.pk, body, ...options });

const linkOf = (text: string | undefined) =>
  /http:\/\/localhost(\/v1\/notifications\/confirm\?token=\S+)/.exec(text ?? '')?.[1];

describe('GET /v1/notifications/config', () => {
  it('gives the VAPID key, the topics and the channels', async () => {
    const res = await t.request('/v1/notifications/config', { key: s.pk });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      vapidPublicKey: (await vapidKeys(t.db)).publicKey,
      topics: ['back-in-stock', 'price-drop', 'promotions', 'points-expiry', 'order-updates'],
      channels: { push: true, email: true },
    });
    expect(res.headers.get('cache-control')).toContain('public');
  });

  it('offers no email without mail, and refuses email subscriptions then', async () => {
    const bare = await createTestApp({ resetDatabase: false });
    const config = await bare.request('/v1/notifications/config', { key: s.pk });
    expect(config.body.channels).toEqual({ push: true, email: false });
    const res = await bare.request('/v1/notifications/subscriptions', {
      key: s.pk,
      body: { topic: 'promotions', channel: 'email', email: 'ann@example.com' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('channel_unavailable');
  });
});

describe('push subscriptions', () => {
  it('subscribes a browser at once and hands out its unsubscribe token once', async () => {
    const push = pushSubscription();
    const res = await subscribePush(
      t,
      s.pk,
      {
        topic: 'back-in-stock',
        product: 'linen-shirt',
        timeZone: 'Europe/Berlin',
        locale: 'de-at',
        landingUrl: 'https://shop.example/shirts?x=1',
      },
      push,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      topic: 'back-in-stock',
      channel: 'push',
      product: { id: shirt.id, handle: 'linen-shirt', title: 'Linen shirt' },
      status: 'active',
    });
    // Derived from the store's secret and the id: the sender puts it in every message's link.
    expect(res.body.unsubscribeToken).toBe(unsubscribeToken(s.store.tokenSecret, res.body.id));
    expect(res.body.unsubscribeToken).toMatch(/^[\w-]{43}$/);
    const row = await subscriptionRow(t, res.body.id);
    expect(row).toMatchObject({
      address: push.endpoint,
      pushP256dh: push.keys.p256dh,
      pushAuth: push.keys.auth,
      locale: 'de-AT',
      timeZone: 'Europe/Berlin',
      landingUrl: 'https://shop.example/shirts?x=1',
    });
    // Only the token's hash is kept.
    expect(JSON.stringify(row)).not.toContain(res.body.unsubscribeToken);

    const again = await subscribePush(t, s.pk, { topic: 'back-in-stock', product: shirt.id }, push);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    expect(again.body.unsubscribeToken).toBeUndefined();
  });

  it('never stores the token with an Idempotency-Key; a retry finds the subscription', async () => {
    const push = pushSubscription();
    const headers = { 'idempotency-key': 'subscribe-once-1' };
    const first = await t.request('/v1/notifications/subscriptions', {
      key: s.pk,
      headers,
      body: { topic: 'promotions', channel: 'push', push },
    });
    expect(first.status).toBe(201);
    const stored = await t.db.select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(first.body.unsubscribeToken);
    const retry = await t.request('/v1/notifications/subscriptions', {
      key: s.pk,
      headers,
      body: { topic: 'promotions', channel: 'push', push },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('makes one row of concurrent identical subscribes', async () => {
    const push = pushSubscription();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => subscribePush(t, s.pk, {}, push)),
    );
    expect(statusCounts(answers)).toEqual({ 201: 1, 200: 7 });
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await t.db
      .select()
      .from(notificationSubscriptions)
      .where(eq(notificationSubscriptions.address, push.endpoint));
    expect(rows).toHaveLength(1);
  });

  it('takes plain http only on loopback', async () => {
    const local = await subscribePush(
      t,
      s.pk,
      {},
      pushSubscription('http://127.0.0.1:9999/push/1'),
    );
    expect(local.status).toBe(201);
    const remote = await subscribePush(t, s.pk, {}, pushSubscription('http://push.example/1'));
    expect(remote.status).toBe(400);
    expect(remote.body.error.code).toBe('validation_failed');
  });
});

describe('email subscriptions', () => {
  it("confirms a signed-in shopper's own address at once, without a mail", async () => {
    const ann = await createTestCustomer(t, s.store, { email: 'Ann@Example.com' });
    const res = await subscribe(
      { topic: 'back-in-stock', product: 'linen-shirt', channel: 'email' },
      { token: ann.token },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'active', email: 'ann@example.com' });
    expect(await mailbox.count('ann@example.com')).toBe(0);
  });

  it('sends a typed address a double opt-in mail; only the button confirms, once', async () => {
    const res = await subscribe({
      topic: 'back-in-stock',
      product: 'linen-shirt',
      channel: 'email',
      email: ' Bob@Example.com',
      locale: 'fr',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', email: 'bob@example.com' });

    const mail = await mailbox.next('bob@example.com');
    expect(mail.subject).toBe('Confirmez vos notifications de Aurora');
    expect(mail.headers.get('content-language')).toBe('fr');
    expect(mail.text).toContain('De retour en stock: Linen shirt');
    const link = linkOf(mail.text);
    expect(link).toBeDefined();

    // Following the link (a mail scanner does) shows a page; it does not confirm.
    const page = await t.request(link!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="fr"');
    expect((await subscriptionRow(t, res.body.id)).confirmedAt).toBeNull();

    const confirmed = await postForm(t, formAction(page.body)!, {}, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain('Vous êtes abonné');
    expect((await subscriptionRow(t, res.body.id)).confirmedAt).not.toBeNull();

    const twice = await postForm(t, formAction(page.body)!, {}, {});
    expect(twice.status).toBe(400);
    expect((await t.request(link!)).status).toBe(400);
  });

  it('lets the confirmation link expire after 7 days; asking again then starts afresh', async () => {
    const first = await subscribe({
      topic: 'promotions',
      channel: 'email',
      email: 'cy@example.com',
    });
    const link = linkOf((await mailbox.next('cy@example.com')).text)!;
    t.advanceClock(7 * 24 * 3600_000 + 1000);
    expect((await t.request(link)).status).toBe(400);
    expect((await postForm(t, link, {}, {})).status).toBe(400);

    const again = await subscribe({
      topic: 'promotions',
      channel: 'email',
      email: 'cy@example.com',
    });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    expect((await subscriptionRow(t, first.body.id)).removedAt).not.toBeNull();
    const fresh = linkOf((await mailbox.next('cy@example.com')).text)!;
    expect((await postForm(t, fresh, {}, {})).status).toBe(200);
    expect((await subscriptionRow(t, again.body.id)).confirmedAt).not.toBeNull();
  });

  it('mails a fresh link when a pending address is asked for again', async () => {
    const body = { topic: 'promotions', channel: 'email', email: 'di@example.com' };
    const first = await subscribe(body);
    const oldLink = linkOf((await mailbox.next('di@example.com')).text)!;
    const again = await subscribe(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'pending' });
    expect(again.body.unsubscribeToken).toBeUndefined();
    const newLink = linkOf((await mailbox.next('di@example.com')).text)!;
    expect(newLink).not.toBe(oldLink);
    // The last mail's link is the one that works.
    expect((await postForm(t, oldLink, {}, {})).status).toBe(400);
    expect((await postForm(t, newLink, {}, {})).status).toBe(200);
    // Confirmed: asking again mails nothing more.
    expect((await subscribe(body)).body.status).toBe('active');
    expect(await mailbox.count('di@example.com')).toBe(2);
  });

  it('limits opt-in mails per address', async () => {
    const products = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createTestProduct(t.db, s.store, { handle: `p${i}` })),
    );
    const answers = [];
    for (const p of products) {
      answers.push(
        await subscribe(
          { topic: 'price-drop', product: p.handle, channel: 'email', email: 'dee@example.com' },
          {},
        ),
      );
    }
    expect(statusCounts(answers)).toEqual({ 201: 5, 429: 1 });
    expect(answers[5]!.body.error.code).toBe('rate_limited');
    expect(answers[5]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await mailbox.count('dee@example.com')).toBe(5);
  });
});

describe('bad input', () => {
  const push = pushSubscription();
  const cases: [string, Record<string, unknown>][] = [
    ['an unknown topic', { topic: 'gossip', channel: 'push', push }],
    ['an unknown channel', { topic: 'promotions', channel: 'sms' }],
    ['no product for back-in-stock', { topic: 'back-in-stock', channel: 'push', push }],
    [
      'a product for promotions',
      { topic: 'promotions', product: 'linen-shirt', channel: 'push', push },
    ],
    ['push without its subscription', { topic: 'promotions', channel: 'push' }],
    ['push with an email', { topic: 'promotions', channel: 'push', push, email: 'a@b.co' }],
    [
      'email with a push subscription',
      { topic: 'promotions', channel: 'email', email: 'a@b.co', push },
    ],
    ['a guest email channel without an address', { topic: 'promotions', channel: 'email' }],
    ['a junk email', { topic: 'promotions', channel: 'email', email: 'not an email' }],
    [
      'a 300-character email',
      { topic: 'promotions', channel: 'email', email: `${'a'.repeat(290)}@b.co` },
    ],
    [
      'an ftp endpoint',
      { topic: 'promotions', channel: 'push', push: { ...push, endpoint: 'ftp://push.example/1' } },
    ],
    [
      'an endpoint that is no URL',
      { topic: 'promotions', channel: 'push', push: { ...push, endpoint: 'push' } },
    ],
    [
      'a short p256dh key',
      {
        topic: 'promotions',
        channel: 'push',
        push: { ...push, keys: { ...push.keys, p256dh: 'AAAA' } },
      },
    ],
    [
      'a p256dh key that is no point',
      {
        topic: 'promotions',
        channel: 'push',
        push: {
          ...push,
          keys: { ...push.keys, p256dh: Buffer.alloc(65, 5).toString('base64url') },
        },
      },
    ],
    [
      'an auth secret of 15 bytes',
      {
        topic: 'promotions',
        channel: 'push',
        push: { ...push, keys: { ...push.keys, auth: Buffer.alloc(15).toString('base64url') } },
      },
    ],
    [
      'keys that are no base64url',
      {
        topic: 'promotions',
        channel: 'push',
        push: { ...push, keys: { p256dh: '!'.repeat(87), auth: '?'.repeat(22) } },
      },
    ],
    [
      'an unknown time zone',
      { topic: 'promotions', channel: 'push', push, timeZone: 'Mars/Olympus' },
    ],
    ['a locale that is no tag', { topic: 'promotions', channel: 'push', push, locale: 'en_US!' }],
    [
      'a landing page on another origin',
      { topic: 'promotions', channel: 'push', push, landingUrl: 'https://evil.example/' },
    ],
    [
      'a javascript: landing page',
      { topic: 'promotions', channel: 'push', push, landingUrl: 'javascript:alert(1)' },
    ],
    ['a number for the topic', { topic: 7, channel: 'push', push }],
    ['an array body', [] as unknown as Record<string, unknown>],
  ];
  it.each(cases)('refuses %s with validation_failed', async (_, body) => {
    const res = await subscribe(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await t.db.select().from(notificationSubscriptions)).toHaveLength(0);
  });

  it('answers product_not_found for a product of no (or another) store', async () => {
    const other = await createTestStore(t.db);
    const theirs = await createTestProduct(t.db, other.store, { handle: 'theirs' });
    for (const product of ['nope', 'theirs', theirs.id]) {
      const res = await subscribePush(t, s.pk, { topic: 'price-drop', product });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('product_not_found');
    }
  });

  it('asks a guest to sign in for account topics', async () => {
    for (const topic of ['points-expiry', 'order-updates']) {
      const res = await subscribePush(t, s.pk, { topic });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });
});

describe('seeing and removing subscriptions', () => {
  it("lists a signed-in shopper's subscriptions, every channel, with their products", async () => {
    const ann = await createTestCustomer(t, s.store);
    const push = await subscribePush(t, s.pk, { topic: 'back-in-stock', product: 'linen-shirt' });
    // A guest's push subscription is attached once the same browser subscribes signed in.
    const owned = await t.request('/v1/notifications/subscriptions', {
      key: s.pk,
      token: ann.token,
      body: { topic: 'order-updates', channel: 'email' },
    });
    const list = await t.request('/v1/notifications/subscriptions', {
      key: s.pk,
      token: ann.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([owned.body.id]);
    expect(list.body.items[0]).toMatchObject({
      topic: 'order-updates',
      channel: 'email',
      email: ann.email,
    });
    expect(push.body.product).toEqual({
      id: shirt.id,
      handle: 'linen-shirt',
      title: 'Linen shirt',
    });

    const guest = await t.request('/v1/notifications/subscriptions', { key: s.pk });
    expect(guest.status).toBe(401);
  });

  it("attaches a guest's subscription to the shopper who makes it again signed in", async () => {
    const ann = await createTestCustomer(t, s.store);
    const browser = pushSubscription();
    const first = await subscribePush(t, s.pk, {}, browser);
    const again = await t.request('/v1/notifications/subscriptions', {
      key: s.pk,
      token: ann.token,
      body: { topic: 'promotions', channel: 'push', push: browser },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const list = await t.request('/v1/notifications/subscriptions', {
      key: s.pk,
      token: ann.token,
    });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([first.body.id]);
  });

  it("looks up a guest's subscriptions by the tokens their device holds", async () => {
    const a = await subscribePush(t, s.pk);
    const b = await subscribePush(t, s.pk, { topic: 'price-drop', product: 'linen-shirt' });
    const res = await t.request('/v1/notifications/subscriptions/lookup', {
      key: s.pk,
      body: { tokens: [a.body.unsubscribeToken, b.body.unsubscribeToken, 'unknown'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [a.body.id, b.body.id].sort(),
    );
    const junk = await t.request('/v1/notifications/subscriptions/lookup', {
      key: s.pk,
      body: { tokens: Array(51).fill('x') },
    });
    expect(junk.status).toBe(400);
  });

  it('removes a subscription with its token and drops its messages not yet sent', async () => {
    const sub = await subscribePush(t, s.pk);
    const pending = await insertMessage(t, sub.body.id);
    const sent = await insertMessage(t, sub.body.id, { status: 'sent', sentAt: t.now() });
    const path = `/v1/notifications/subscriptions/${sub.body.id}`;

    const wrong = await t.request(path, {
      method: 'DELETE',
      key: s.pk,
      headers: { 'x-kiosk-unsubscribe-token': 'nope' },
    });
    expect(wrong.status).toBe(404);
    expect((await t.request(path, { method: 'DELETE', key: s.pk })).status).toBe(401);

    const res = await t.request(path, {
      method: 'DELETE',
      key: s.pk,
      headers: { 'x-kiosk-unsubscribe-token': sub.body.unsubscribeToken },
    });
    expect(res.status).toBe(204);
    expect((await subscriptionRow(t, sub.body.id)).removedAt).not.toBeNull();
    expect(await messageRow(t, pending.id)).toMatchObject({
      status: 'dropped',
      error: 'unsubscribed',
    });
    expect((await messageRow(t, sent.id)).status).toBe('sent');

    const lookup = await t.request('/v1/notifications/subscriptions/lookup', {
      key: s.pk,
      body: { tokens: [sub.body.unsubscribeToken] },
    });
    expect(lookup.body.items).toEqual([]);
    // Removed: subscribing again makes a new one.
    const again = await subscribePush(t, s.pk, {}, await subscriptionRowPush(sub.body.id));
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(sub.body.id);
  });

  it("removes a signed-in shopper's own subscription, never another's", async () => {
    const ann = await createTestCustomer(t, s.store);
    const bob = await createTestCustomer(t, s.store);
    const sub = await t.request('/v1/notifications/subscriptions', {
      key: s.pk,
      token: ann.token,
      body: { topic: 'promotions', channel: 'email' },
    });
    const path = `/v1/notifications/subscriptions/${sub.body.id}`;
    const notTheirs = await t.request(path, { method: 'DELETE', key: s.pk, token: bob.token });
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.error.code).toBe('subscription_not_found');
    expect((await t.request(path, { method: 'DELETE', key: s.pk, token: ann.token })).status).toBe(
      204,
    );
    expect((await t.request(path, { method: 'DELETE', key: s.pk, token: ann.token })).status).toBe(
      404,
    );
    const bad = await t.request('/v1/notifications/subscriptions/not-a-uuid', {
      method: 'DELETE',
      key: s.pk,
      token: ann.token,
    });
    expect(bad.status).toBe(400);
  });
});

describe('store isolation', () => {
  it("keeps one store's subscriptions invisible to another", async () => {
    const other = await createTestStore(t.db);
    const sub = await subscribePush(t, s.pk);
    const token = sub.body.unsubscribeToken;
    const lookup = await t.request('/v1/notifications/subscriptions/lookup', {
      key: other.pk,
      body: { tokens: [token] },
    });
    expect(lookup.body.items).toEqual([]);
    const removed = await t.request(`/v1/notifications/subscriptions/${sub.body.id}`, {
      method: 'DELETE',
      key: other.pk,
      headers: { 'x-kiosk-unsubscribe-token': token },
    });
    expect(removed.status).toBe(404);
    expect((await subscriptionRow(t, sub.body.id)).removedAt).toBeNull();
    // The same browser may subscribe to another store on its own.
    const theirs = await subscribePush(t, other.pk, {}, await subscriptionRowPush(sub.body.id));
    expect(theirs.status).toBe(201);
  });
});

describe('logs', () => {
  it('never hold a token or an address', async () => {
    const sub = await subscribePush(t, s.pk);
    await subscribe({ topic: 'promotions', channel: 'email', email: 'eve@example.com' });
    const link = linkOf((await mailbox.next('eve@example.com')).text)!;
    await t.request(link);
    await t.request(`/v1/notifications/unsubscribe?token=${sub.body.unsubscribeToken}`);
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(sub.body.unsubscribeToken);
    expect(logs).not.toContain(link.split('token=')[1]);
    expect(logs).not.toContain('eve@example.com');
  });
});

/** The push subscription a row was made from (to subscribe the same browser again). */
async function subscriptionRowPush(id: string) {
  const row = await subscriptionRow(t, id);
  return { endpoint: row.address, keys: { p256dh: row.pushP256dh!, auth: row.pushAuth! } };
}
