import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, type Db, isPostgresUrl, openDatabase } from '../src/db/index.js';
import {
  campaigns,
  notificationMessages,
  notificationSubscriptions,
  pointsEntries,
  returnRequests,
} from '../src/db/schema/index.js';
import { expandDueCampaigns } from '../src/services/notifications/campaign-expansion.js';
import { sendDueMessages } from '../src/services/notifications/outbox-worker.js';
import type { Store } from '../src/services/stores.js';
import { TestPushService } from '../src/testing/push-service.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestStore,
  useTestApp,
} from './harness.js';
import { messagesOf, openHours, subscribe, workerDeps } from './notification-delivery-fixtures.js';

const t = useTestApp();
const databaseUrl = inject('databaseUrl');
let push: TestPushService;
/**
 * A second instance's database: on PostgreSQL its own pool (its own connections, as another
 * server process would have); PGlite is one process's database, so the same one.
 */
let second: Database | undefined;
beforeAll(async () => {
  push = await TestPushService.start();
  if (isPostgresUrl(databaseUrl)) second = await openDatabase(databaseUrl);
});
afterAll(async () => {
  await push.close();
  await second?.close();
});
const otherDb = (): Db => second?.db ?? t.current.db;

async function campaign(
  store: Store,
  input: { audience?: Record<string, unknown>; productId?: string; url?: string; sendAt?: Date },
) {
  const id = randomUUID();
  await t.current.db.insert(campaigns).values({
    id,
    storeId: store.id,
    title: { en: 'Summer sale', de: 'Sommerschlussverkauf', 'pt-BR': 'Liquidação de verão' },
    body: {
      en: 'All tees 20 % off.',
      de: 'Alle T-Shirts 20 % günstiger.',
      pt: 'Camisetas com 20 % de desconto.',
    },
    productId: input.productId ?? null,
    url: input.url ?? null,
    audience: input.audience ?? {},
    sendAt: input.sendAt ?? t.current.now(),
    status: 'scheduled',
  });
  return id;
}

async function targeted(campaignId: string) {
  const rows = await t.current.db
    .select({ subscriptionId: notificationMessages.subscriptionId })
    .from(notificationMessages)
    .where(eq(notificationMessages.campaignId, campaignId));
  return rows.map((r) => r.subscriptionId).sort();
}

async function paidOrderOf(s: TestStore, token: string, variantId: string) {
  const cart = await t.current.request('/v1/carts', { key: s.pk, body: {}, token });
  await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    token,
    body: { variantId, quantity: 1 },
  });
  const order = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    token,
    body: {},
  });
  const paid = await t.current.request(`/admin/v1/orders/${order.body.orderId}/mark-paid`, {
    method: 'POST',
    token: s.sk,
  });
  expect(paid.status).toBe(200);
  return order.body.orderId as string;
}

describe('campaign expansion', () => {
  it('one message per live confirmed promotions subscription, in each shopper’s language', async () => {
    const s = await createTestStore(t.current.db, {
      settings: {
        notifications: {
          ...openHours.notifications,
          productUrlTemplate: 'https://brand.example/p/{handle}',
        },
      },
    });
    const tee = await createTestProduct(t.current.db, s.store, { handle: 'tee' });
    const promo = (input: object = {}) =>
      subscribe(t.current.db, s.store, push, { topic: 'promotions', ...input });
    const en = await promo();
    const de = await promo({ locale: 'de-AT' });
    const br = await promo({ locale: 'pt-BR' });
    const pt = await promo({ locale: 'pt-PT' });
    await promo({ confirmed: false });
    const removed = await promo();
    await t.current.db
      .update(notificationSubscriptions)
      .set({ removedAt: t.current.now() })
      .where(eq(notificationSubscriptions.id, removed.id));
    await subscribe(t.current.db, s.store, push, { topic: 'back-in-stock', productId: tee.id });

    const later = await campaign(s.store, {
      productId: tee.id,
      sendAt: new Date(t.current.now().getTime() + 3_600_000),
    });
    const now = await campaign(s.store, { productId: tee.id });
    expect(await expandDueCampaigns(t.current.db, t.current.now())).toBe(4);
    expect(await targeted(now)).toEqual([en.id, de.id, br.id, pt.id].sort());
    expect(await targeted(later)).toEqual([]);

    await sendDueMessages(workerDeps(t.current));
    const payload = (endpoint: string | null) => push.pushesTo(endpoint!)[0]!.payload;
    const url = `https://brand.example/p/tee?kiosk_product=tee&kiosk_campaign=${now}`;
    expect(payload(en.endpoint)).toMatchObject({
      title: 'Summer sale',
      body: 'All tees 20 % off.',
      url,
    });
    expect(payload(de.endpoint)).toMatchObject({
      title: 'Sommerschlussverkauf',
      body: 'Alle T-Shirts 20 % günstiger.',
    });
    // pt-BR has its own title; the body falls back to the language (pt).
    expect(payload(br.endpoint)).toMatchObject({
      title: 'Liquidação de verão',
      body: 'Camisetas com 20 % de desconto.',
    });
    expect(payload(pt.endpoint)).toMatchObject({ title: 'Liquidação de verão' });
    const [row] = await t.current.db.select().from(campaigns).where(eq(campaigns.id, now));
    expect(row!.status).toBe('sent');
  });

  it('audience filters: locale, country, tier, watchers, buyers; a campaign URL', async () => {
    const s = await createTestStore(t.current.db, { settings: openHours });
    const tee = await createTestProduct(t.current.db, s.store, { handle: 'tee' });
    const mug = await createTestProduct(t.current.db, s.store, { handle: 'mug' });
    const gold = await createTestCustomer(t.current, s.store);
    const member = await createTestCustomer(t.current, s.store);
    await t.current.db.insert(pointsEntries).values({
      id: randomUUID(),
      storeId: s.store.id,
      customerId: gold.id,
      kind: 'adjust',
      points: 2500,
      availableAt: new Date(t.current.now().getTime() - 60_000),
    });
    const promo = (input: object = {}) =>
      subscribe(t.current.db, s.store, push, { topic: 'promotions', ...input });
    const goldPromo = await promo({ customerId: gold.id, locale: 'de-DE' });
    const memberPromo = await promo({ customerId: member.id, locale: 'pt-BR' });
    const guestPromo = await promo({ email: 'guest@example.com', locale: 'de' });
    // The guest watches the mug by email; the member bought the tee.
    await subscribe(t.current.db, s.store, push, {
      topic: 'back-in-stock',
      productId: mug.id,
      email: 'guest@example.com',
    });
    await paidOrderOf(s, member.token, tee.variantIds[0]!);
    // Gold by 2,500 points, then Silver: a return took 600 of them back.
    const returner = await createTestCustomer(t.current, s.store);
    const returnerPromo = await promo({ customerId: returner.id, locale: 'en' });
    const returned = await paidOrderOf(s, returner.token, mug.variantIds[0]!);
    const returnId = randomUUID();
    await t.current.db
      .insert(returnRequests)
      .values({ id: returnId, storeId: s.store.id, orderId: returned, reason: 'other' });
    const lot = randomUUID();
    const before = new Date(t.current.now().getTime() - 60_000);
    await t.current.db.insert(pointsEntries).values([
      {
        id: lot,
        storeId: s.store.id,
        customerId: returner.id,
        kind: 'adjust',
        points: 2500,
        availableAt: before,
      },
      {
        id: randomUUID(),
        storeId: s.store.id,
        customerId: returner.id,
        kind: 'reverse',
        points: -600,
        reversesId: lot,
        returnId,
        availableAt: before,
      },
    ]);
    const ledger = await t.current.request('/v1/points', { key: s.pk, token: returner.token });
    expect(ledger.body.tier.name).toBe('Silver');

    const expand = async (audience: Record<string, unknown>, extra: object = {}) => {
      const id = await campaign(s.store, { audience, ...extra });
      await expandDueCampaigns(t.current.db, t.current.now());
      return targeted(id);
    };
    expect(await expand({ locale: 'de' })).toEqual([goldPromo.id, guestPromo.id].sort());
    expect(await expand({ locale: 'de-DE' })).toEqual([goldPromo.id]);
    expect(await expand({ country: 'br' })).toEqual([memberPromo.id]);
    expect(await expand({ tier: 'Gold' })).toEqual([goldPromo.id]);
    expect(await expand({ tier: 'Silver' })).toEqual([returnerPromo.id]);
    expect(await expand({ tier: 'Member' })).toEqual([memberPromo.id]);
    expect(await expand({ tier: 'Platinum' })).toEqual([]);
    expect(await expand({ watchers: 'mug' })).toEqual([guestPromo.id]);
    expect(await expand({ watchers: mug.id })).toEqual([guestPromo.id]);
    expect(await expand({ buyers: 'tee' })).toEqual([memberPromo.id]);
    expect(await expand({ buyers: 'mug' })).toEqual([returnerPromo.id]);
    expect(await expand({ buyers: 'no-such-product' })).toEqual([]);

    const withUrl = await campaign(s.store, { url: 'https://brand.example/sale' });
    await expandDueCampaigns(t.current.db, t.current.now());
    const [message] = await messagesOf(t.current.db, goldPromo.id).then((rows) =>
      rows.filter((r) => r.campaignId === withUrl),
    );
    expect(message!.payload.url).toBe(`https://brand.example/sale?kiosk_campaign=${withUrl}`);
  });

  it('two instances expanding at once write each message once', async () => {
    const s = await createTestStore(t.current.db, { settings: openHours });
    const subs = [];
    for (let i = 0; i < 20; i++) {
      subs.push(await subscribe(t.current.db, s.store, push, { topic: 'promotions' }));
    }
    const ids = [await campaign(s.store, {}), await campaign(s.store, {})];
    const now = t.current.now();
    const written = await Promise.all([
      expandDueCampaigns(t.current.db, now),
      expandDueCampaigns(otherDb(), now),
      expandDueCampaigns(t.current.db, now),
    ]);
    expect(written.reduce((a, b) => a + b, 0)).toBe(40);
    for (const id of ids) expect(await targeted(id)).toHaveLength(20);
  });
});

describe('two instances sharing the outbox', () => {
  it('keep one shopper’s frequency cap exact when both send to them at once', async () => {
    const s = await createTestStore(t.current.db, {
      settings: { notifications: { quietHours: null, maxPerDay: 1, maxPerWeek: 10 } },
    });
    const shopper = await createTestCustomer(t.current, s.store);
    // Two devices of one shopper, one message each: a cap of one lets one through.
    const devices = [];
    for (let i = 0; i < 2; i++) {
      devices.push(
        await subscribe(t.current.db, s.store, push, {
          topic: 'promotions',
          customerId: shopper.id,
        }),
      );
    }
    await campaign(s.store, {});
    await expandDueCampaigns(t.current.db, t.current.now());
    // Each instance claims one of the two and sends it at the same moment.
    await Promise.all([
      sendDueMessages(workerDeps(t.current), { batchSize: 1 }),
      sendDueMessages(workerDeps(t.current, { db: otherDb() }), { batchSize: 1 }),
    ]);
    const sent = devices.flatMap((d) => push.pushesTo(d.endpoint!));
    expect(sent).toHaveLength(1);
    const statuses = await Promise.all(
      devices.map(async (d) => (await messagesOf(t.current.db, d.id))[0]!.status),
    );
    expect(statuses.sort()).toEqual(['capped', 'sent']);
  });

  it('claim side by side and never send a message twice', async () => {
    const s = await createTestStore(t.current.db, { settings: openHours });
    const subs = [];
    for (let i = 0; i < 60; i++) {
      subs.push(await subscribe(t.current.db, s.store, push, { topic: 'promotions' }));
    }
    await campaign(s.store, {});
    await expandDueCampaigns(t.current.db, t.current.now());
    const one = workerDeps(t.current);
    const two = workerDeps(t.current, { db: otherDb() });
    // Small batches, many rounds each, both at once: they interleave claims.
    const drain = async (deps: typeof one) => {
      let total = 0;
      for (;;) {
        const claimed = await sendDueMessages(deps, { batchSize: 7, concurrency: 4 });
        if (claimed === 0) return total;
        total += claimed;
      }
    };
    const [a, b] = await Promise.all([drain(one), drain(two)]);
    expect(a + b).toBe(60);
    for (const sub of subs) expect(push.pushesTo(sub.endpoint!)).toHaveLength(1);
    const rows = await t.current.db
      .select({ status: notificationMessages.status, attempts: notificationMessages.attempts })
      .from(notificationMessages)
      .where(eq(notificationMessages.storeId, s.store.id));
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
