import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reviews } from '../src/db/schema/index.js';
import { createTestCustomer, type TestStore, useTestApp } from './harness.js';
import { aReview, reviewRoutes } from './reviews-fixtures.js';

/** What shoppers read: the cursor-paged list, the summary, and the routes' description. */
const t = useTestApp();
const { setup, write, list } = reviewRoutes(t);

describe('listing', () => {
  /** 12 reviews: ratings with ties, some sharing a timestamp, helpful counts with ties. */
  async function seed(s: TestStore & { product: { id: string } }) {
    const ratings = [5, 3, 5, 1, 4, 5, 2, 3, 5, 4, 1, 5];
    const helpful = [0, 2, 2, 7, 0, 1, 2, 0, 7, 3, 0, 2];
    const made: { id: string; rating: number; helpful: number; at: number }[] = [];
    for (const [i, rating] of ratings.entries()) {
      // Three reviews per timestamp, so the id decides between them.
      if (i % 3 === 0) t.current.advanceClock(1000);
      const c = await createTestCustomer(t.current, s.store);
      const res = await write(s, s.product.id, { ...aReview, rating }, c);
      expect(res.status).toBe(201);
      await t.current.db
        .update(reviews)
        .set({ helpfulCount: helpful[i]! })
        .where(eq(reviews.id, res.body.id));
      made.push({
        id: res.body.id,
        rating,
        helpful: helpful[i]!,
        at: Date.parse(res.body.createdAt),
      });
    }
    return made;
  }

  async function walk(s: TestStore, product: string, query: string, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const q = `?first=${first}${query}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const res = await list(s, product, q);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(first);
      ids.push(...res.body.items.map((r: { id: string }) => r.id));
      after = res.body.nextCursor;
      if (!after) return ids;
    }
    throw new Error('cursor never ended');
  }

  it('walks every sort and star filter in cursor pages, each review exactly once', async () => {
    const s = await setup();
    const made = await seed(s);
    type R = (typeof made)[number];
    const recent = (a: R, b: R) => b.at - a.at || (a.id < b.id ? 1 : -1);
    const orders: Record<string, (a: R, b: R) => number> = {
      recent,
      helpful: (a, b) => b.helpful - a.helpful || recent(a, b),
      rating_desc: (a, b) => b.rating - a.rating || recent(a, b),
      rating_asc: (a, b) => a.rating - b.rating || recent(a, b),
    };
    for (const [sort, cmp] of Object.entries(orders)) {
      const expected = [...made].sort(cmp).map((r) => r.id);
      for (const first of [1, 5, 12, 100]) {
        expect(await walk(s, s.product.id, `&sort=${sort}`, first), `${sort}/${first}`).toEqual(
          expected,
        );
      }
      for (const rating of [1, 2, 3, 4, 5]) {
        const filtered = [...made]
          .filter((r) => r.rating === rating)
          .sort(cmp)
          .map((r) => r.id);
        expect(await walk(s, s.product.id, `&sort=${sort}&rating=${rating}`, 2)).toEqual(filtered);
      }
    }
    // The default: recent, 10 per page.
    const page = await list(s, s.product.id);
    expect(page.body.items).toHaveLength(10);
    expect(page.body.items.map((r: { id: string }) => r.id)).toEqual(
      [...made]
        .sort(recent)
        .slice(0, 10)
        .map((r) => r.id),
    );
  });

  it('keeps cursors exact for timestamps finer than a millisecond', async () => {
    const s = await setup();
    const made: { id: string; micros: number }[] = [];
    for (const micros of [1, 2, 2, 3, 999]) {
      const c = await createTestCustomer(t.current, s.store);
      const { id } = (await write(s, s.product.id, aReview, c)).body;
      const at = `2025-01-01T00:00:00.${String(micros).padStart(6, '0')}Z`;
      await t.current.db
        .update(reviews)
        .set({ createdAt: sql`${at}::timestamptz` })
        .where(eq(reviews.id, id));
      made.push({ id, micros });
    }
    const expected = made
      .sort((a, b) => b.micros - a.micros || (a.id < b.id ? 1 : -1))
      .map((r) => r.id);
    expect(await walk(s, s.product.id, '&sort=recent', 1)).toEqual(expected);
    expect(await walk(s, s.product.id, '&sort=rating_asc', 2)).toEqual(expected);
  });

  it('refuses bad list parameters and cursors', async () => {
    const s = await setup();
    const c1 = await createTestCustomer(t.current, s.store);
    const c2 = await createTestCustomer(t.current, s.store);
    await write(s, s.product.id, aReview, c1);
    await write(s, s.product.id, aReview, c2);
    const page = await list(s, s.product.id, '?first=1&sort=helpful');
    const cursor = page.body.nextCursor as string;
    expect(cursor).toBeTruthy();
    for (const q of [
      '?sort=best',
      '?rating=0',
      '?rating=6',
      '?rating=2.5',
      '?rating=five',
      '?first=0',
      '?first=101',
      '?first=-1',
      '?after=garbage',
      `?after=${Buffer.from('["recent","x","y"]').toString('base64url')}`,
      `?after=${Buffer.from('{"a":1}').toString('base64url')}`,
      `?sort=recent&after=${cursor}`,
    ]) {
      const res = await list(s, s.product.id, q);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await list(s, s.product.id, `?first=1&sort=helpful&after=${cursor}`)).status).toBe(200);
  });

  it("does not show another store's reviews or pending ones", async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store);
    await write(s, s.product.id, aReview, c);
    const other = await setup();
    const oc = await createTestCustomer(t.current, other.store);
    await write(other, other.product.id, aReview, oc);
    const page = await list(s, s.product.id);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].productId).toBe(s.product.id);
  });
});

describe('summary', () => {
  it('is zero with no reviews', async () => {
    const s = await setup();
    const res = await t.current.request(`/v1/products/${s.product.handle}/reviews/summary`, {
      key: s.pk,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      average: 0,
      count: 0,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    });
  });

  it('averages to one decimal with a histogram of approved reviews, with ETag and 304', async () => {
    const s = await setup({ reviewsAutoApprove: false });
    const ids: string[] = [];
    for (const rating of [5, 4, 4, 1]) {
      const c = await createTestCustomer(t.current, s.store);
      ids.push((await write(s, s.product.id, { ...aReview, rating }, c)).body.id);
    }
    for (const id of ids.slice(0, 3)) {
      await t.current.request(`/admin/v1/reviews/${id}/moderation`, {
        token: s.sk,
        body: { status: 'approved' },
      });
    }
    const url = `/v1/products/${s.product.id}/reviews/summary`;
    const res = await t.current.request(url, { key: s.pk });
    expect(res.body).toEqual({
      average: 4.3,
      count: 3,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 },
    });
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await t.current.request(url, { key: s.pk, headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();

    await t.current.request(`/admin/v1/reviews/${ids[3]}/moderation`, {
      token: s.sk,
      body: { status: 'approved' },
    });
    const changed = await t.current.request(url, {
      key: s.pk,
      headers: { 'if-none-match': etag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ average: 3.5, count: 4 });
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

describe('the OpenAPI document', () => {
  it('describes the review routes', async () => {
    const doc = (await t.current.request('/openapi.json')).body;
    expect(Object.keys(doc.paths['/v1/products/{product}/reviews'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(doc.paths['/v1/products/{product}/reviews/summary'].get).toBeDefined();
    expect(doc.paths['/v1/products/{product}/reviews/mine'].get).toBeDefined();
    expect(doc.paths['/v1/reviews/{id}/votes'].post).toBeDefined();
    expect(doc.paths['/v1/reviews/{id}/votes'].delete).toBeDefined();
    expect(doc.paths['/admin/v1/reviews'].get).toBeDefined();
    expect(doc.paths['/admin/v1/reviews/{id}/moderation'].post).toBeDefined();
    expect(doc.paths['/admin/v1/reviews/{id}/reply'].put).toBeDefined();
    expect(doc.components.schemas.Review.properties.viewerVote).toBeDefined();
  });
});
