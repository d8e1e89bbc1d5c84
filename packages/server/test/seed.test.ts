import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, products, reviews, reviewVotes, stores } from '../src/db/schema/index.js';
import { DEMO_ORIGINS, seedDemo } from '../src/seed/demo.js';
import { DEMO_GOLD_MEMBER } from '../src/seed/membership.js';
import { demoId } from '../src/seed/rows.js';
import { seedTestFixtures } from '../src/seed/test-fixtures.js';
import { signAccessToken } from '../src/services/access-tokens.js';
import { verifyPassword } from '../src/services/passwords.js';
import { createTestApp, createTestCustomer, useTestApp } from './harness.js';

const t = useTestApp();
const AURORA_CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'RUB', 'BRL'];

async function allProducts(pk: string, currency?: string) {
  const items: any[] = [];
  let after: string | null = null;
  do {
    const qs: string = `first=100${after ? `&after=${after}` : ''}${currency ? `&currency=${currency}` : ''}`;
    const res = await t.current.request(`/v1/products?${qs}`, { key: pk });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    after = res.body.nextCursor;
  } while (after);
  return items;
}

describe('seedDemo', () => {
  it('creates aurora and borealis with working fixed keys, once', async () => {
    const started = Date.now();
    expect(await seedDemo(t.current.db)).toBe(true);
    const took = Date.now() - started;
    expect(took).toBeLessThan(15_000); // generous: the budget (< 3 s on PGlite) is checked by hand

    const aurora = await t.current.request('/v1/store', { key: 'pk_test_aurora' });
    expect(aurora.status).toBe(200);
    expect(aurora.body).toMatchObject({
      handle: 'aurora',
      name: 'Aurora Apparel',
      currencies: AURORA_CURRENCIES,
      locales: ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt-BR', 'ar'],
      points: { pendingDays: 0, expiryDays: 365, baseCurrency: 'USD' },
      mode: 'test',
    });
    expect(aurora.body.points.tiers.map((x: any) => x.name)).toEqual(['Member', 'Silver', 'Gold']);
    const admin = await t.current.request('/admin/v1/store', { token: 'sk_test_aurora' });
    expect(admin.body).toMatchObject({
      allowedOrigins: DEMO_ORIGINS,
      settings: { reviewsAutoApprove: false },
    });
    expect(Object.keys(admin.body.pointsRules.rates).sort()).toEqual([...AURORA_CURRENCIES].sort());

    const borealis = await t.current.request('/v1/store', { key: 'pk_test_borealis' });
    expect(borealis.body).toMatchObject({
      handle: 'borealis',
      name: 'Borealis Outdoor',
      currencies: ['EUR', 'USD'],
      mode: 'test',
    });
    const bAdmin = await t.current.request('/admin/v1/store', { token: 'sk_test_borealis' });
    expect(bAdmin.body.allowedOrigins).toEqual(DEMO_ORIGINS);

    // A second run changes nothing.
    const count = async () =>
      (await t.current.db.select({ n: sql<number>`count(*)::int` }).from(products))[0]!.n;
    const before = await count();
    expect(await seedDemo(t.current.db)).toBe(false);
    expect(await count()).toBe(before);
    expect(await t.current.db.select().from(stores)).toHaveLength(2);
  });

  it('gives aurora 60+ apparel products priced in all six currencies, with stock variety', async () => {
    await seedDemo(t.current.db);
    const items = await allProducts('pk_test_aurora');
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((p) => p.handle)).size).toBe(items.length);
    expect(items.slice(0, 3).map((p) => p.handle)).toEqual([
      'aurora-classic-tee',
      'aurora-organic-pocket-tee',
      'aurora-heavyweight-tee',
    ]);
    for (const p of items) {
      // One picture per colour, and each variant shows its colour's.
      expect(p.images.length, p.handle).toBe(p.options[0].values.length);
      for (const v of p.variants) expect(v.image.alt, v.title).toContain(v.options.Colour);
      expect(p.variants.length, p.handle).toBeGreaterThanOrEqual(1);
      expect(p.options[0].name).toBe('Colour');
    }
    for (const currency of AURORA_CURRENCIES) {
      const priced = await allProducts('pk_test_aurora', currency);
      for (const p of priced) {
        expect(p.currency, `${p.handle} ${currency}`).toBe(currency);
        for (const v of p.variants) {
          expect(Number(v.price.amount)).toBeGreaterThan(0);
          if (v.compareAtPrice)
            expect(Number(v.compareAtPrice.amount)).toBeGreaterThan(Number(v.price.amount));
        }
      }
    }
    const variants = items.flatMap((p) => p.variants);
    expect(variants.length).toBeGreaterThan(300);
    expect(variants.some((v) => v.compareAtPrice)).toBe(true);
    expect(variants.some((v) => !v.available && v.quantityAvailable === 0)).toBe(true);
    expect(variants.some((v) => v.quantityAvailable > 0 && v.quantityAvailable <= 3)).toBe(true);
    const soldOut = items.filter((p) => p.variants.every((v: any) => !v.available));
    expect(soldOut.map((p) => p.handle)).toEqual(['aurora-limited-parka']);
    expect(items.some((p) => p.options.some((o: any) => o.name === 'Size'))).toBe(true);
    expect(items.filter((p) => p.rating.count > 0).length).toBeGreaterThanOrEqual(20);

    const tee = items[0];
    expect(tee.id).toBe(demoId('aurora/product/aurora-classic-tee'));
    expect(tee.variants.find((v: any) => v.title === 'Black / M')).toMatchObject({
      price: { amount: '25.00', currency: 'USD' },
      available: true,
      quantityAvailable: 50,
    });
    expect(tee.variants.find((v: any) => v.title === 'White / XXL').available).toBe(false);
  });

  it('has approved reviews of real shoppers (no hostile fixtures), and pending ones not counted', async () => {
    await seedDemo(t.current.db);
    const [store] = await t.current.db.select().from(stores).where(eq(stores.handle, 'aurora'));
    const rows = await t.current.db.select().from(reviews).where(eq(reviews.storeId, store!.id));
    const approved = rows.filter((r) => r.status === 'approved');
    expect(approved.length).toBeGreaterThan(50);
    expect(new Set(approved.map((r) => r.rating)).size).toBeGreaterThanOrEqual(4);
    expect(approved.some((r) => r.verified)).toBe(true);
    expect(approved.some((r) => !r.verified)).toBe(true);
    expect(approved.some((r) => r.replyBody)).toBe(true);
    // The demo pages show these: no markup, scripts or other test fixtures among them.
    expect(rows.filter((r) => /[<>]/.test(r.title + r.body))).toEqual([]);
    const tee = await t.current.request('/v1/products/aurora-classic-tee', {
      key: 'pk_test_aurora',
    });
    const teeApproved = approved.filter((r) => r.productId === tee.body.id);
    expect(tee.body.rating.count).toBe(teeApproved.length);
    expect(teeApproved).toHaveLength(14);
    expect(rows.some((r) => r.productId === tee.body.id && r.status === 'pending')).toBe(true);
  });

  it("backs every review's helpful count with that many helpful votes, so a vote adds one", async () => {
    await seedDemo(t.current.db);
    const rows = await t.current.db.select().from(reviews);
    const votes = await t.current.db.select().from(reviewVotes);
    expect(rows.some((r) => r.helpfulCount > 3)).toBe(true);
    for (const r of rows) {
      const helpful = votes.filter((v) => v.reviewId === r.id && v.helpful);
      expect(helpful, r.id).toHaveLength(r.helpfulCount);
      expect(helpful.some((v) => v.customerId === r.customerId)).toBe(false);
    }

    // A new shopper's vote on the tee's most helpful review: the count it had, plus one.
    const [top] = await t.current
      .request('/v1/products/aurora-classic-tee/reviews?sort=helpful', {
        key: 'pk_test_aurora',
      })
      .then((res) => res.body.items);
    expect(top.helpfulCount).toBeGreaterThan(0);
    const aurora = await t.current.db.select().from(stores).where(eq(stores.handle, 'aurora'));
    const voter = await createTestCustomer(t.current, aurora[0]!);
    const voted = await t.current.request(`/v1/reviews/${top.id}/votes`, {
      key: 'pk_test_aurora',
      token: voter.token,
      body: { helpful: true },
    });
    expect(voted.body).toEqual({ helpfulCount: top.helpfulCount + 1, viewerVote: true });
    const unvoted = await t.current.request(`/v1/reviews/${top.id}/votes`, {
      key: 'pk_test_aurora',
      token: voter.token,
      method: 'DELETE',
    });
    expect(unvoted.body).toEqual({ helpfulCount: top.helpfulCount, viewerVote: null });
  });

  it('adds the hostile-content test fixtures only when asked: a script tag stored as text', async () => {
    await seedDemo(t.current.db);
    const tee = () =>
      t.current.request('/v1/products/aurora-classic-tee', { key: 'pk_test_aurora' });
    const before = (await tee()).body.rating.count;
    await seedTestFixtures(t.current.db);
    await seedTestFixtures(t.current.db); // twice: still one
    const markup = await t.current.db
      .select()
      .from(reviews)
      .where(eq(reviews.title, 'Nice <b>tee</b>'));
    expect(markup).toHaveLength(1);
    expect(markup[0]!.body).toContain('<script>alert(1)</script>');
    expect(markup[0]!.status).toBe('approved');
    // Seeding runs before a server starts: a new instance (no cached answers) sees the review.
    const started = await createTestApp({ resetDatabase: false });
    const after = await started.request('/v1/products/aurora-classic-tee', {
      key: 'pk_test_aurora',
    });
    expect(after.body.rating.count).toBe(before + 1);
    const votes = await t.current.db
      .select()
      .from(reviewVotes)
      .where(eq(reviewVotes.reviewId, markup[0]!.id));
    expect(votes.filter((v) => v.helpful)).toHaveLength(markup[0]!.helpfulCount);
  });

  it('gives borealis 8+ products in EUR and USD, invisible to aurora', async () => {
    await seedDemo(t.current.db);
    const items = await allProducts('pk_test_borealis');
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.every((p) => p.currency === 'EUR')).toBe(true);
    const usd = await allProducts('pk_test_borealis', 'USD');
    expect(usd.every((p) => p.currency === 'USD')).toBe(true);
    const cross = await t.current.request(`/v1/products/${items[0].id}`, { key: 'pk_test_aurora' });
    expect(cross.status).toBe(404);
  });

  it('serves its images', async () => {
    await seedDemo(t.current.db);
    const tee = await t.current.request('/v1/products/aurora-classic-tee', {
      key: 'pk_test_aurora',
    });
    expect(tee.body.images).toHaveLength(4);
    for (const image of tee.body.images) {
      expect(image).toMatchObject({
        width: 800,
        height: 800,
        alt: expect.stringContaining('Classic Tee'),
      });
      const res = await t.current.app.request(new URL(image.url).pathname);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await res.text();
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('Classic Tee');
      expect(svg).not.toContain('<script');
    }
  });

  it('gives aurora Silver and Gold perks and a Gold member who can sign in with a password', async () => {
    await seedDemo(t.current.db);
    const [aurora] = await t.current.db.select().from(stores).where(eq(stores.handle, 'aurora'));
    const [gold] = await t.current.db
      .select()
      .from(customers)
      .where(eq(customers.email, DEMO_GOLD_MEMBER.email));
    expect(await verifyPassword(DEMO_GOLD_MEMBER.password, gold!.passwordHash)).toBe(true);
    const { token } = await signAccessToken(aurora!, gold!.id, 'http://localhost', t.current.now());
    const membership = await t.current.request('/v1/membership', { key: 'pk_test_aurora', token });
    expect(membership.body).toMatchObject({ tier: 'Gold', perks: { pointsMultiplier: 2 } });
    const tee = await t.current.request('/v1/products/aurora-heavyweight-tee', {
      key: 'pk_test_aurora',
      token,
    });
    const v = tee.body.variants[0];
    expect(Number(v.memberPrice.amount)).toBeLessThan(Number(v.price.amount));
    const guest = await t.current.request('/v1/products/aurora-heavyweight-tee', {
      key: 'pk_test_aurora',
    });
    // The lowest member price is Gold's (15% off; Silver's is 5%).
    expect(guest.body.variants[0].memberPriceFrom.tier).toBe('Gold');
    const coat = await t.current.request('/v1/products/aurora-wool-overcoat', {
      key: 'pk_test_aurora',
    });
    expect(coat.body.earlyAccess).toEqual({
      until: '2030-01-01T00:00:00.000Z',
      tiers: ['Gold'],
      canBuy: false,
    });
  });
});
