import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { campaigns } from '../src/db/schema/index.js';
import {
  createTestApp,
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestProduct,
  type TestStore,
} from './harness.js';
import { insertMessage, oneClick, subscribePush } from './notifications-fixtures.js';

let t: TestApp;
let s: TestStore;
let shirt: TestProduct;

beforeEach(async () => {
  t = await createTestApp();
  s = await createTestStore(t.db, {
    pointsRules: { rates: { USD: 1 }, tiers: [{ name: 'Gold', minLifetime: 1000 }] },
  });
  shirt = await createTestProduct(t.db, s.store, { handle: 'linen-shirt' });
});

const create = (body: unknown, sk = s.sk) =>
  t.request('/admin/v1/campaigns', { method: 'POST', token: sk, body });

const valid = {
  title: { en: 'Summer sale', de: 'Sommerschlussverkauf' },
  body: { en: 'Everything 20 % off', de: 'Alles 20 % günstiger' },
};

describe('POST /admin/v1/campaigns', () => {
  it('schedules a campaign with products by handle stored as ids', async () => {
    const sendAt = new Date(t.now().getTime() + 3600_000).toISOString();
    const res = await create({
      ...valid,
      title: { ...valid.title, 'pt-br': 'Liquidação' },
      body: { ...valid.body, 'pt-br': 'Tudo 20 % off' },
      product: 'linen-shirt',
      audience: {
        topic: 'back-in-stock',
        tier: 'Gold',
        locale: 'de',
        country: 'DE',
        watchers: 'linen-shirt',
        buyers: shirt.id,
      },
      sendAt,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      sendAt,
      productId: shirt.id,
      url: null,
      audience: {
        topic: 'back-in-stock',
        tier: 'Gold',
        locale: 'de',
        country: 'DE',
        watchers: shirt.id,
        buyers: shirt.id,
      },
      counts: { targeted: 0, sent: 0, delivered: 0, clicked: 0, failed: 0, unsubscribed: 0 },
    });
    expect(res.body.title['pt-BR']).toBe('Liquidação');
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, res.body.id));
    expect(row!.storeId).toBe(s.store.id);
  });

  it('defaults to promotions, now', async () => {
    const res = await create({ ...valid, url: 'https://shop.example/sale' });
    expect(res.status).toBe(201);
    expect(res.body.audience).toEqual({ topic: 'promotions' });
    expect(res.body.url).toBe('https://shop.example/sale');
    expect(Math.abs(new Date(res.body.sendAt).getTime() - t.now().getTime())).toBeLessThan(5000);
  });

  const past = () => new Date(Date.now() - 5 * 60_000).toISOString();
  const cases: [string, () => unknown][] = [
    ['no title', () => ({ body: valid.body })],
    ['an empty title map', () => ({ ...valid, title: {} })],
    ['a blank title', () => ({ ...valid, title: { en: '   ' } })],
    ['a 201-character title', () => ({ ...valid, title: { en: 'x'.repeat(201) } })],
    ['a 1001-character body', () => ({ ...valid, body: { en: 'x'.repeat(1001) } })],
    ['a title keyed by no language', () => ({ ...valid, title: { 'not a tag!': 'x' } })],
    ['a number for a text', () => ({ ...valid, body: { en: 5 } })],
    [
      'a product and a url',
      () => ({ ...valid, product: 'linen-shirt', url: 'https://shop.example/' }),
    ],
    ['a url on another origin', () => ({ ...valid, url: 'https://evil.example/' })],
    ['a javascript: url', () => ({ ...valid, url: 'javascript:alert(1)' })],
    ['an unknown topic', () => ({ ...valid, audience: { topic: 'gossip' } })],
    ['an unknown audience field', () => ({ ...valid, audience: { everyone: true } })],
    ['an unknown field', () => ({ ...valid, audiance: { tier: 'Gold' } })],
    ['an unknown tier', () => ({ ...valid, audience: { tier: 'Platinum' } })],
    ['a country that is no code', () => ({ ...valid, audience: { country: 'Germany' } })],
    ['a send time in the past', () => ({ ...valid, sendAt: past() })],
    ['a send time that is no date', () => ({ ...valid, sendAt: 'tomorrow' })],
    ['an array', () => []],
  ];
  it.each(cases)('refuses %s with validation_failed', async (_, body) => {
    const res = await create(body());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await t.db.select().from(campaigns)).toHaveLength(0);
  });

  it('answers product_not_found for a product of no (or another) store', async () => {
    const other = await createTestStore(t.db);
    const theirs = await createTestProduct(t.db, other.store);
    for (const body of [
      { ...valid, product: 'nope' },
      { ...valid, product: theirs.id },
      { ...valid, audience: { watchers: theirs.handle } },
      { ...valid, audience: { buyers: 'nope' } },
    ]) {
      const res = await create(body);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('product_not_found');
    }
  });

  it('needs the secret key', async () => {
    expect((await create(valid, 'sk_test_nope')).status).toBe(401);
    const res = await t.request('/admin/v1/campaigns', { method: 'POST', key: s.pk, body: valid });
    expect(res.status).toBe(401);
  });
});

describe('GET /admin/v1/campaigns/{id}', () => {
  it("counts the campaign's messages", async () => {
    const campaign = (await create(valid)).body;
    const subs = [];
    for (let i = 0; i < 6; i++) subs.push((await subscribePush(t, s.pk)).body);
    const now = t.now();
    const at = (ms: number) => new Date(now.getTime() + ms);
    const c = { campaignId: campaign.id };
    await insertMessage(t, subs[0].id, { ...c, status: 'pending' });
    await insertMessage(t, subs[1].id, { ...c, status: 'sent', sentAt: now });
    await insertMessage(t, subs[2].id, { ...c, status: 'sent', sentAt: now, deliveredAt: at(1) });
    await insertMessage(t, subs[3].id, {
      ...c,
      status: 'sent',
      sentAt: now,
      deliveredAt: at(1),
      clickedAt: at(2),
    });
    await insertMessage(t, subs[4].id, { ...c, status: 'failed', error: 'http_500' });
    await insertMessage(t, subs[5].id, { ...c, status: 'dropped', error: 'gone' });
    // Not this campaign's.
    await insertMessage(t, subs[1].id, { status: 'sent', sentAt: now });

    // The shopper who got it unsubscribes; one whose message was never sent does too.
    t.advanceClock(1000);
    await oneClick(t, subs[2].unsubscribeToken);
    await oneClick(t, subs[0].unsubscribeToken);

    const res = await t.request(`/admin/v1/campaigns/${campaign.id}`, { token: s.sk });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({
      targeted: 6,
      sent: 3,
      delivered: 2,
      clicked: 1,
      // The pending message dropped by its unsubscribe is no failure.
      failed: 2,
      unsubscribed: 1,
    });
  });

  it("is 404 for another store's campaign, and 400 for an id that is none", async () => {
    const other = await createTestStore(t.db);
    const campaign = (await create(valid)).body;
    const res = await t.request(`/admin/v1/campaigns/${campaign.id}`, { token: other.sk });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('campaign_not_found');
    expect((await t.request('/admin/v1/campaigns/nope', { token: s.sk })).status).toBe(400);
    const list = await t.request('/admin/v1/campaigns', { token: other.sk });
    expect(list.body.items).toEqual([]);
  });
});

describe('GET /admin/v1/campaigns', () => {
  it('lists newest first, a page at a time, with counts', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await create(valid)).body.id);
      t.advanceClock(1000);
    }
    const first = await t.request('/admin/v1/campaigns?first=2', { token: s.sk });
    expect(first.status).toBe(200);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0].counts.targeted).toBe(0);
    const second = await t.request(`/admin/v1/campaigns?first=2&after=${first.body.nextCursor}`, {
      token: s.sk,
    });
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    expect((await t.request('/admin/v1/campaigns?after=junk', { token: s.sk })).status).toBe(400);
  });
});
