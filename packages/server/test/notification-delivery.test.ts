import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  notificationMessages,
  notificationSubscriptions,
  orders,
  pointsAllocations,
  pointsEntries,
} from '../src/db/schema/index.js';
import { formatMoney } from '../src/hosted/format-money.js';
import { expireOrdersJob } from '../src/jobs/expire-orders.js';
import { notifyPointsExpiryJob } from '../src/jobs/notify-points-expiry.js';
import { sendNotificationsJob } from '../src/jobs/send-notifications.js';
import { claimDueMessages, LEASE_MS, MAX_ATTEMPTS } from '../src/services/notifications/outbox.js';
import { sendDueMessages } from '../src/services/notifications/outbox-worker.js';
import { receiptToken } from '../src/services/notifications/receipts.js';
import { vapidKeys } from '../src/services/notifications/vapid-keys.js';
import { TestPushService } from '../src/testing/push-service.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  runJob,
  type TestStore,
  useTestApp,
} from './harness.js';
import { messagesOf, openHours, subscribe, workerDeps } from './notification-delivery-fixtures.js';

const t = useTestApp();
let push: TestPushService;
beforeAll(async () => {
  push = await TestPushService.start();
});
afterAll(() => push.close());

async function soldOutTee(s: TestStore) {
  return createTestProduct(t.current.db, s.store, {
    handle: 'tee',
    title: 'Tee',
    variants: [{ title: 'S', stock: 0, prices: { USD: 2500, EUR: 2300 } }],
  });
}

function patchVariant(s: TestStore, productId: string, variantId: string, body: unknown) {
  return t.current.request(`/admin/v1/products/${productId}/variants/${variantId}`, {
    method: 'PATCH',
    token: s.sk,
    body,
  });
}

describe('back in stock, end to end at the server', () => {
  it('a restock from 0 sends one push, decrypted in the shopper’s language; 5 → 6 sends none', async () => {
    const s = await createTestStore(t.current.db, {
      settings: {
        ...openHours,
        notifications: {
          ...openHours.notifications,
          productUrlTemplate: 'https://brand.example/p/{handle}',
        },
      },
    });
    const tee = await soldOutTee(s);
    const [variant] = tee.variantIds;
    const de = await subscribe(t.current.db, s.store, push, {
      topic: 'back-in-stock',
      productId: tee.id,
      locale: 'de-DE',
    });
    const unconfirmed = await subscribe(t.current.db, s.store, push, {
      topic: 'back-in-stock',
      productId: tee.id,
      confirmed: false,
    });

    expect((await patchVariant(s, tee.id, variant!, { stock: 5 })).status).toBe(200);
    const [message] = await messagesOf(t.current.db, de.id);
    expect(message).toMatchObject({ status: 'pending', topic: 'back-in-stock' });
    expect(await messagesOf(t.current.db, unconfirmed.id)).toEqual([]);

    await runJob(t.current, sendNotificationsJob);
    const [received, ...more] = push.pushesTo(de.endpoint!);
    expect(more).toEqual([]);
    expect(received!.payload).toEqual({
      id: message!.id,
      title: 'Wieder auf Lager',
      body: 'Tee ist wieder erhältlich.',
      url: 'https://brand.example/p/tee?kiosk_product=tee&kiosk_campaign=back-in-stock',
      tag: message!.id,
      receipt: {
        endpoint: 'http://localhost/v1/notifications/receipts',
        token: receiptToken(s.store.tokenSecret, message!.id),
      },
    });
    expect(received!.topic).toBe(message!.id.replaceAll('-', ''));
    expect(received!.urgency).toBe('normal');
    expect(received!.ttl).toBeGreaterThan(0);
    expect(received!.vapidKey).toBe((await vapidKeys(t.current.db)).publicKey);
    expect((await messagesOf(t.current.db, de.id))[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
      claimedUntil: null,
    });

    // 5 → 6 is not "back": nothing new.
    await patchVariant(s, tee.id, variant!, { stockAdjustment: 1 });
    expect(await messagesOf(t.current.db, de.id)).toHaveLength(1);

    // Sold out, then restocked: a new cause, a new message.
    await patchVariant(s, tee.id, variant!, { stock: 0 });
    await patchVariant(s, tee.id, variant!, { stockAdjustment: 3 });
    await runJob(t.current, sendNotificationsJob);
    expect(push.pushesTo(de.endpoint!)).toHaveLength(2);
    expect((await messagesOf(t.current.db, de.id)).map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(push.rejected).toEqual([]);
  });

  it('stock released by an expired order tells subscribers, in the same transaction', async () => {
    const s = await createTestStore(t.current.db, { settings: openHours });
    const tee = await createTestProduct(t.current.db, s.store, {
      title: 'Tee',
      variants: [{ stock: 1, prices: { USD: 2500 } }],
    });
    const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      body: { variantId: tee.variantIds[0], quantity: 1 },
    });
    const order = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      body: { email: 'guest@example.com' },
    });
    expect(order.status).toBe(201);
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'back-in-stock',
      productId: tee.id,
    });
    // The hold runs out: the expiry sweep gives the unit back, 0 → 1.
    t.current.advanceClock(31 * 60_000);
    await runJob(t.current, expireOrdersJob);
    expect(await messagesOf(t.current.db, sub.id)).toHaveLength(1);
    await sendDueMessages(workerDeps(t.current));
    expect(push.pushesTo(sub.endpoint!)).toHaveLength(1);
  });
});

describe('price drop and order updates', () => {
  it('a lowered price tells price-drop subscribers with the new price; a raised one does not', async () => {
    const s = await createTestStore(t.current.db, { settings: openHours });
    const tee = await createTestProduct(t.current.db, s.store, {
      handle: 'tee',
      title: 'Tee',
      variants: [{ stock: 4, prices: { USD: 2500, EUR: 2300 } }],
    });
    const fr = await subscribe(t.current.db, s.store, push, {
      topic: 'price-drop',
      productId: tee.id,
      locale: 'fr',
      landingUrl: 'https://shop.example/boutique?x=1',
    });
    const restock = await subscribe(t.current.db, s.store, push, {
      topic: 'back-in-stock',
      productId: tee.id,
    });
    await patchVariant(s, tee.id, tee.variantIds[0]!, { prices: { USD: '30.00' } });
    expect(await messagesOf(t.current.db, fr.id)).toEqual([]);
    await patchVariant(s, tee.id, tee.variantIds[0]!, { prices: { USD: '19.00', EUR: '18.00' } });
    await sendDueMessages(workerDeps(t.current));
    const [received] = push.pushesTo(fr.endpoint!);
    expect(received!.payload).toMatchObject({
      title: 'Baisse de prix',
      body: `Tee coûte maintenant ${formatMoney({ amount: '19.00', currency: 'USD' }, 'fr')}.`,
      url: 'https://shop.example/boutique?x=1&kiosk_product=tee&kiosk_campaign=price-drop',
    });
    expect(push.pushesTo(restock.endpoint!)).toEqual([]);
  });

  it('an order paid tells the customer’s order-updates subscriptions, even in quiet hours', async () => {
    // Quiet all day long and a cap of 0: order updates are transactional, they still go.
    const s = await createTestStore(t.current.db, {
      settings: {
        notifications: { quietHours: { start: '00:00', end: '23:59' }, maxPerDay: 0 },
      },
    });
    const tee = await createTestProduct(t.current.db, s.store, { title: 'Tee' });
    const shopper = await createTestCustomer(t.current, s.store);
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'order-updates',
      customerId: shopper.id,
      locale: 'es',
    });
    const other = await subscribe(t.current.db, s.store, push, { topic: 'order-updates' });
    const cart = await t.current.request('/v1/carts', {
      key: s.pk,
      body: {},
      token: shopper.token,
    });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token: shopper.token,
      body: { variantId: tee.variantIds[0], quantity: 1 },
    });
    const order = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      token: shopper.token,
      body: {},
    });
    expect(await messagesOf(t.current.db, sub.id)).toEqual([]);
    const paid = await t.current.request(`/admin/v1/orders/${order.body.orderId}/mark-paid`, {
      method: 'POST',
      token: s.sk,
    });
    expect(paid.status).toBe(200);
    // Paying twice is one payment: still one message.
    await t.current.request(`/admin/v1/orders/${order.body.orderId}/mark-paid`, {
      method: 'POST',
      token: s.sk,
    });
    await sendDueMessages(workerDeps(t.current));
    const received = push.pushesTo(sub.endpoint!);
    expect(received).toHaveLength(1);
    const reference = (order.body.orderId as string).slice(0, 8).toUpperCase();
    expect(received[0]!.payload).toMatchObject({
      title: 'Pedido confirmado',
      body: `Hemos recibido tu pago del pedido ${reference}. ¡Gracias!`,
    });
    expect(received[0]!.urgency).toBe('high');
    expect(push.pushesTo(other.endpoint!)).toEqual([]);

    // Refunded (twice: one refund): a second message, saying so.
    for (let i = 0; i < 2; i++) {
      const refunded = await t.current.request(`/admin/v1/orders/${order.body.orderId}/refund`, {
        method: 'POST',
        token: s.sk,
      });
      expect(refunded.status).toBe(200);
    }
    await sendDueMessages(workerDeps(t.current));
    expect(push.pushesTo(sub.endpoint!).map((p) => p.payload)).toMatchObject([
      { title: 'Pedido confirmado' },
      {
        title: 'Pedido reembolsado',
        body: `Hemos reembolsado el pedido ${reference}. Puede tardar unos días en verse.`,
      },
    ]);
  });

  it('a cancelled order tells a guest’s order-updates email subscription to the order’s address', async () => {
    const s = await createTestStore(t.current.db);
    const tee = await createTestProduct(t.current.db, s.store, { title: 'Tee' });
    const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      body: { variantId: tee.variantIds[0], quantity: 1 },
    });
    const order = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      body: {},
    });
    expect(order.status).toBe(201);
    await t.current.db
      .update(orders)
      .set({ email: 'Guest@Example.com' })
      .where(eq(orders.id, order.body.orderId));
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'order-updates',
      email: 'guest@example.com',
      locale: 'de',
    });
    const cancelled = await t.current.request(`/admin/v1/orders/${order.body.orderId}/cancel`, {
      method: 'POST',
      token: s.sk,
    });
    expect(cancelled.status).toBe(200);
    const [message] = await messagesOf(t.current.db, sub.id);
    expect(message).toMatchObject({
      topic: 'order-updates',
      payload: { title: 'Bestellung storniert' },
    });
  });
});

describe('the worker’s rules', () => {
  /** A sold-out tee and `watchers` back-in-stock push subscribers; `restock()` 0 → 1. */
  async function watchedTee(settings: object, watchers = 1, input: object = {}) {
    const s = await createTestStore(t.current.db, { settings });
    const tee = await createTestProduct(t.current.db, s.store, {
      title: 'Tee',
      variants: [{ stock: 0, prices: { USD: 2500 } }],
    });
    const subs = [];
    for (let i = 0; i < watchers; i++) {
      subs.push(
        await subscribe(t.current.db, s.store, push, {
          topic: 'back-in-stock',
          productId: tee.id,
          ...input,
        }),
      );
    }
    const setStock = (stock: number) => patchVariant(s, tee.id, tee.variantIds[0]!, { stock });
    return { s, subs, sub: subs[0]!, restock: () => setStock(1), sellOut: () => setStock(0) };
  }

  /** Restocked, sent, sold out again: one back-in-stock message each time. */
  async function restockRounds(tee: Awaited<ReturnType<typeof watchedTee>>, rounds: number) {
    for (let i = 0; i < rounds; i++) {
      await tee.restock();
      await tee.sellOut();
      await sendDueMessages(workerDeps(t.current));
    }
  }

  const statuses = async (subscriptionId: string) =>
    (await messagesOf(t.current.db, subscriptionId)).map((m) => m.status);

  it('caps messages per shopper per day and week: the one over is `capped`, never sent', async () => {
    const tee = await watchedTee({
      notifications: { quietHours: null, maxPerDay: 2, maxPerWeek: 3 },
    });
    await restockRounds(tee, 3);
    expect(await statuses(tee.sub.id)).toEqual(['sent', 'sent', 'capped']);
    expect(push.pushesTo(tee.sub.endpoint!)).toHaveLength(2);
  });

  it('counts the week too, and a day later the daily cap has room again', async () => {
    const tee = await watchedTee({
      notifications: { quietHours: null, maxPerDay: 1, maxPerWeek: 2 },
    });
    await restockRounds(tee, 2); // the second the same day: capped
    t.current.advanceClock(25 * 60 * 60_000);
    await restockRounds(tee, 1); // a new day: sent (2 this week)
    t.current.advanceClock(25 * 60 * 60_000);
    await restockRounds(tee, 1); // a new day, but the week holds 2 already
    expect(await statuses(tee.sub.id)).toEqual(['sent', 'capped', 'sent', 'capped']);
  });

  it('holds a message in quiet hours until they end in the shopper’s time zone', async () => {
    const tee = await watchedTee(
      { notifications: { quietHours: { start: '21:00', end: '09:00' } } },
      1,
      { timeZone: 'Asia/Tokyo' },
    );
    await tee.restock();
    // 23:30 in Tokyo (UTC+9), whatever the real clock says: 14:30 UTC.
    const now = t.current.now();
    const utc = (days: number, hours: number, minutes = 0) =>
      new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hours, minutes),
      );
    const at = (d: Date) => ({ ...workerDeps(t.current), now: () => d });
    await sendDueMessages(at(utc(1, 14, 30)));
    const [held] = await messagesOf(t.current.db, tee.sub.id);
    expect(held).toMatchObject({ status: 'pending', attempts: 0, claimedUntil: null });
    // 09:00 the next morning in Tokyo = 00:00 UTC the day after.
    expect(held!.notBefore.toISOString()).toBe(utc(2, 0).toISOString());
    await sendDueMessages(at(new Date(held!.notBefore.getTime() - 60_000)));
    expect(push.pushesTo(tee.sub.endpoint!)).toEqual([]);
    await sendDueMessages(at(held!.notBefore));
    expect(push.pushesTo(tee.sub.endpoint!)).toHaveLength(1);
  });

  it('404 and 410 drop the message and remove the subscription', async () => {
    for (const status of [404, 410]) {
      const tee = await watchedTee(openHours, 2);
      const [gone, fine] = tee.subs;
      push.answer(gone!.endpoint!, status);
      await tee.restock();
      await sendDueMessages(workerDeps(t.current));
      expect(await messagesOf(t.current.db, gone!.id)).toMatchObject([
        { status: 'dropped', error: `push_${status}`, attempts: 1 },
      ]);
      const [row] = await t.current.db
        .select()
        .from(notificationSubscriptions)
        .where(eq(notificationSubscriptions.id, gone!.id));
      expect(row!.removedAt).not.toBeNull();
      expect(push.pushesTo(fine!.endpoint!)).toHaveLength(1);
      // A removed subscription is told nothing more.
      await tee.sellOut();
      await tee.restock();
      expect(await messagesOf(t.current.db, gone!.id)).toHaveLength(1);
    }
  });

  it('a message whose subscription was removed before the send is not sent', async () => {
    const tee = await watchedTee(openHours);
    await tee.restock();
    await t.current.db
      .update(notificationSubscriptions)
      .set({ removedAt: t.current.now() })
      .where(eq(notificationSubscriptions.id, tee.sub.id));
    await sendDueMessages(workerDeps(t.current));
    expect(await messagesOf(t.current.db, tee.sub.id)).toMatchObject([
      { status: 'dropped', error: 'unsubscribed' },
    ]);
    expect(push.pushesTo(tee.sub.endpoint!)).toEqual([]);
  });

  it('a 500 is retried with exponential backoff, then the message fails', async () => {
    const { sub, restock } = await watchedTee(openHours);
    push.answer(sub.endpoint!, 500);
    await restock();
    let clock = t.current.now();
    const deps = { ...workerDeps(t.current), now: () => clock };
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // Not due a moment before its time: nothing is claimed.
      const [before] = await messagesOf(t.current.db, sub.id);
      clock = new Date(before!.notBefore.getTime() - 1);
      if (attempt > 1) expect(await sendDueMessages(deps)).toBe(0);
      clock = before!.notBefore;
      expect(await sendDueMessages(deps)).toBe(1);
      const [after] = await messagesOf(t.current.db, sub.id);
      expect(after!.attempts).toBe(attempt);
      if (after!.status === 'pending') waits.push(after!.notBefore.getTime() - clock.getTime());
    }
    expect(waits).toEqual([2000, 4000, 8000, 16000, 32000]);
    expect(await messagesOf(t.current.db, sub.id)).toMatchObject([
      { status: 'failed', error: 'push_500', attempts: MAX_ATTEMPTS },
    ]);
    // A push service back to health is no reason to send a failed message.
    push.answer(sub.endpoint!, null);
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await sendDueMessages(deps)).toBe(0);
    expect(push.pushesTo(sub.endpoint!)).toEqual([]);
  });

  it('a worker killed mid-batch: its lease runs out, another worker sends each message once', async () => {
    const tee = await watchedTee(openHours, 5);
    await tee.restock();
    // The "crashed" worker: claims (committed), then never sends nor finishes.
    const claimed = await claimDueMessages(t.current.db, t.current.now(), 3);
    expect(claimed).toHaveLength(3);
    // Another worker now: only the two unclaimed go.
    expect(await sendDueMessages(workerDeps(t.current))).toBe(2);
    // Before the lease is over, still nothing.
    expect(await sendDueMessages(workerDeps(t.current, { aheadMs: LEASE_MS - 1000 }))).toBe(0);
    // Past it, the other worker takes the three over.
    expect(await sendDueMessages(workerDeps(t.current, { aheadMs: LEASE_MS + 1000 }))).toBe(3);
    for (const sub of tee.subs) {
      expect(push.pushesTo(sub.endpoint!)).toHaveLength(1);
      expect(await messagesOf(t.current.db, sub.id)).toMatchObject([
        { status: 'sent', attempts: claimed.some((c) => c.subscriptionId === sub.id) ? 2 : 1 },
      ]);
    }
    const rows = await t.current.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.storeId, tee.s.store.id));
    expect(rows).toHaveLength(5);
  });
});

describe('points expiry', () => {
  it('a customer with points expiring within a week is told once, what is left of them', async () => {
    const s = await createTestStore(t.current.db, { name: 'Tee Shop', settings: openHours });
    const shopper = await createTestCustomer(t.current, s.store);
    const other = await createTestCustomer(t.current, s.store);
    const now = t.current.now();
    const days = (n: number) => new Date(now.getTime() + n * 24 * 60 * 60_000);
    const lot = (customerId: string, points: number, expiresAt: Date) => ({
      id: randomUUID(),
      storeId: s.store.id,
      customerId,
      kind: 'adjust' as const,
      points,
      availableAt: days(-10),
      expiresAt,
    });
    const soon = lot(shopper.id, 300, days(3));
    const later = lot(shopper.id, 40, days(6));
    const redeem = { ...lot(shopper.id, -50, days(0)), kind: 'redeem' as const, expiresAt: null };
    await t.current.db
      .insert(pointsEntries)
      .values([soon, later, lot(shopper.id, 500, days(30)), redeem, lot(other.id, 100, days(2))]);
    await t.current.db.insert(pointsAllocations).values({
      id: randomUUID(),
      storeId: s.store.id,
      lotId: soon.id,
      debitId: redeem.id,
      points: 50,
    });
    const sub = await subscribe(t.current.db, s.store, push, {
      topic: 'points-expiry',
      customerId: shopper.id,
      locale: 'de',
      timeZone: 'Europe/Berlin',
    });
    await runJob(t.current, notifyPointsExpiryJob);
    await runJob(t.current, notifyPointsExpiryJob);
    await sendDueMessages(workerDeps(t.current));
    const received = push.pushesTo(sub.endpoint!);
    expect(received).toHaveLength(1);
    const date = new Intl.DateTimeFormat('de', {
      dateStyle: 'long',
      timeZone: 'Europe/Berlin',
    }).format(soon.expiresAt);
    expect(received[0]!.payload).toMatchObject({
      title: 'Punkte verfallen bald',
      body: `290 Ihrer Punkte bei Tee Shop verfallen am ${date}.`,
    });
    expect(await messagesOf(t.current.db, sub.id)).toMatchObject([
      { topic: 'points-expiry', dedupeKey: `points-expiry:${soon.id}` },
    ]);
  });
});

describe('store settings', () => {
  it('the admin store PATCH takes the notification settings, merged a level deep, and checks them', async () => {
    const s = await createTestStore(t.current.db);
    const patch = (settings: unknown) =>
      t.current.request('/admin/v1/store', { method: 'PATCH', token: s.sk, body: { settings } });
    const set = await patch({
      notifications: {
        quietHours: { start: '22:00', end: '07:30' },
        productUrlTemplate: 'https://brand.example/p/{handle}',
      },
    });
    expect(set.status).toBe(200);
    const capped = await patch({ notifications: { maxPerDay: 3 } });
    expect(capped.body.settings.notifications).toEqual({
      quietHours: { start: '22:00', end: '07:30' },
      productUrlTemplate: 'https://brand.example/p/{handle}',
      maxPerDay: 3,
    });
    expect(
      (await patch({ notifications: { quietHours: null } })).body.settings.notifications,
    ).toMatchObject({ quietHours: null, maxPerDay: 3 });
    for (const bad of [
      { quietHours: { start: '24:00', end: '07:00' } },
      { quietHours: { start: '9:00', end: '07:00' } },
      { maxPerDay: -1 },
      { productUrlTemplate: 'https://brand.example/p/' },
      { productUrlTemplate: 'javascript:alert(1)//{handle}' },
      { sendEverything: true },
    ]) {
      const res = await patch({ notifications: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});
