import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reviews } from '../src/db/schema/index.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestCustomer,
  type TestStore,
  useTestApp,
} from './harness.js';
import { aReview, insertOrder } from './reviews-fixtures.js';

const t = useTestApp();

async function setup(settings?: { reviewsAutoApprove: boolean }) {
  const s = await createTestStore(t.current.db, settings ? { settings } : {});
  const product = await createTestProduct(t.current.db, s.store);
  return { ...s, product };
}

function write(s: TestStore, product: string, body: unknown, customer?: TestCustomer) {
  return t.current.request(`/v1/products/${product}/reviews`, {
    key: s.pk,
    ...(customer ? { token: customer.token } : {}),
    method: 'POST',
    body,
  });
}

function list(s: TestStore, product: string, query = '', customer?: TestCustomer) {
  return t.current.request(`/v1/products/${product}/reviews${query}`, {
    key: s.pk,
    ...(customer ? { token: customer.token } : {}),
  });
}

async function countRows() {
  return (await t.current.db.select({ id: reviews.id }).from(reviews)).length;
}

describe('writing a review', () => {
  it('creates a review (201) that the product list then shows', async () => {
    const s = await setup();
    const jane = await createTestCustomer(t.current, s.store, { name: 'Jane  van Doe' });
    const res = await write(s, s.product.id, { ...aReview, incentivized: true }, jane);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      productId: s.product.id,
      rating: 4,
      title: 'Nice',
      body: 'Fits well.',
      author: { name: 'Jane D.' },
      verified: false,
      incentivized: true,
      helpfulCount: 0,
      reply: null,
      viewerVote: null,
      status: 'approved',
    });
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    const page = await list(s, s.product.handle);
    expect(page.status).toBe(200);
    expect(page.body.nextCursor).toBeNull();
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({ id: res.body.id, author: { name: 'Jane D.' } });
    expect(page.body.items[0]).not.toHaveProperty('status');
  });

  it('shows a first name alone, or Anonymous when there is no name', async () => {
    const s = await setup();
    const cher = await createTestCustomer(t.current, s.store, { name: 'Cher' });
    const none = await createTestCustomer(t.current, s.store, { name: '  ' });
    expect((await write(s, s.product.id, aReview, cher)).body.author.name).toBe('Cher');
    expect((await write(s, s.product.id, aReview, none)).body.author.name).toBe('Anonymous');
  });

  it('edits the existing review on a second POST (200): one review per customer', async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store);
    const first = await write(s, s.product.id, aReview, c);
    t.current.advanceClock(60_000);
    const second = await write(
      s,
      s.product.handle,
      { rating: 2, title: 'Changed my mind', body: 'Shrank.' },
      c,
    );
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, rating: 2, title: 'Changed my mind' });
    expect(second.body.createdAt).toBe(first.body.createdAt);
    expect(Date.parse(second.body.updatedAt)).toBeGreaterThan(Date.parse(first.body.updatedAt));
    expect(await countRows()).toBe(1);
    const mine = await t.current.request(`/v1/products/${s.product.id}/reviews/mine`, {
      key: s.pk,
      token: c.token,
    });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: first.body.id, rating: 2, status: 'approved' });
  });

  it('stores and returns text verbatim, never HTML-escaped (only trimmed)', async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store, { name: '<b>Eve</b> Smith' });
    const title = `<img src=x onerror="alert(1)"> & 'quotes'`;
    const body = `<script>alert("xss")</script>\n&amp; <b>bold</b> é 中文 😀`;
    const res = await write(s, s.product.id, { ...aReview, title: `  ${title}\n`, body }, c);
    expect(res.status).toBe(201);
    expect(res.body.title).toBe(title);
    expect(res.body.body).toBe(body);
    expect(res.body.author.name).toBe('<b>Eve</b> S.');
    const [row] = await t.current.db.select().from(reviews);
    expect(row!.body).toBe(body);
    const raw = await t.current.app.request(`/v1/products/${s.product.id}/reviews`, {
      headers: { 'x-kiosk-key': s.pk },
    });
    expect(raw.headers.get('content-type')).toContain('application/json');
    const text = await raw.text();
    expect(text).toContain('<script>alert(\\"xss\\")</script>');
    expect(text).not.toContain('&lt;');
    expect(JSON.parse(text).items[0].body).toBe(body);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store);
    const bad: unknown[] = [
      { ...aReview, rating: 0 },
      { ...aReview, rating: 6 },
      { ...aReview, rating: 2.5 },
      { ...aReview, rating: '5' },
      { ...aReview, rating: null },
      { title: 'x', body: 'y' },
      { ...aReview, title: '' },
      { ...aReview, title: '   ' },
      { ...aReview, body: '' },
      { ...aReview, body: ' \n\t ' },
      { ...aReview, title: 'x'.repeat(151) },
      { ...aReview, body: 'x'.repeat(5001) },
      { ...aReview, body: 42 },
      { ...aReview, body: 'nul \u0000 byte' },
      { ...aReview, incentivized: 'yes' },
      [],
      'null',
    ];
    for (const body of bad) {
      const res = await write(s, s.product.id, body, c);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const junk = await write(s, s.product.id, '{"rating": 5,', c);
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('invalid_json');
    expect(await countRows()).toBe(0);
    // The limits themselves are allowed.
    const edge = await write(
      s,
      s.product.id,
      { rating: 5, title: 'x'.repeat(150), body: 'y'.repeat(5000) },
      c,
    );
    expect(edge.status).toBe(201);
  });

  it('needs a signed-in customer (401), even before the body is checked', async () => {
    const s = await setup();
    const guest = await write(s, s.product.id, aReview);
    expect(guest.status).toBe(401);
    expect(guest.body.error.code).toBe('unauthenticated');
    const guestBad = await write(s, s.product.id, { rating: 9 });
    expect(guestBad.body.error.code).toBe('unauthenticated');
    const forged = await t.current.request(`/v1/products/${s.product.id}/reviews`, {
      key: s.pk,
      token: 'not-a-token',
      body: aReview,
    });
    expect(forged.status).toBe(401);
    // A customer of another store is nobody here.
    const other = await createTestStore(t.current.db);
    const stranger = await createTestCustomer(t.current, other.store);
    const res = await write(s, s.product.id, aReview, stranger);
    expect(res.status).toBe(401);
    expect(await countRows()).toBe(0);
  });

  it("answers 404 product_not_found for unknown, draft and other stores' products", async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store);
    const other = await createTestStore(t.current.db);
    const theirs = await createTestProduct(t.current.db, other.store);
    const draft = await createTestProduct(t.current.db, s.store, { status: 'draft' });
    for (const product of [
      'no-such-handle',
      '00000000-0000-4000-8000-000000000000',
      theirs.id,
      theirs.handle,
      draft.id,
      '%20',
    ]) {
      for (const res of [
        await write(s, product, aReview, c),
        await list(s, product),
        await t.current.request(`/v1/products/${product}/reviews/summary`, { key: s.pk }),
        await t.current.request(`/v1/products/${product}/reviews/mine`, {
          key: s.pk,
          token: c.token,
        }),
      ]) {
        expect(res.status, product).toBe(404);
        expect(res.body.error.code).toBe('product_not_found');
      }
    }
    expect(await countRows()).toBe(0);
  });

  it('GET …/reviews/mine: 404 before writing, 401 for guests', async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store);
    const none = await t.current.request(`/v1/products/${s.product.id}/reviews/mine`, {
      key: s.pk,
      token: c.token,
    });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('review_not_found');
    const guest = await t.current.request(`/v1/products/${s.product.id}/reviews/mine`, {
      key: s.pk,
    });
    expect(guest.status).toBe(401);
  });
});

describe('verified buyers', () => {
  it('is verified only with a PAID order of this product in this store', async () => {
    const s = await setup();
    const otherProduct = await createTestProduct(t.current.db, s.store);
    const paid = await createTestCustomer(t.current, s.store);
    const pending = await createTestCustomer(t.current, s.store);
    const refunded = await createTestCustomer(t.current, s.store);
    const elsewhere = await createTestCustomer(t.current, s.store);
    await insertOrder(t.current, s.store, paid.id, s.product, 'paid');
    await insertOrder(t.current, s.store, pending.id, s.product, 'pending');
    await insertOrder(t.current, s.store, refunded.id, s.product, 'refunded');
    await insertOrder(t.current, s.store, elsewhere.id, otherProduct, 'paid');
    expect((await write(s, s.product.id, aReview, paid)).body.verified).toBe(true);
    expect((await write(s, s.product.id, aReview, pending)).body.verified).toBe(false);
    expect((await write(s, s.product.id, aReview, refunded)).body.verified).toBe(false);
    expect((await write(s, s.product.id, aReview, elsewhere)).body.verified).toBe(false);
  });

  it('becomes verified when the customer edits after paying', async () => {
    const s = await setup();
    const c = await createTestCustomer(t.current, s.store);
    const orderId = await insertOrder(t.current, s.store, c.id, s.product, 'pending');
    expect((await write(s, s.product.id, aReview, c)).body.verified).toBe(false);
    const { orders } = await import('../src/db/schema/index.js');
    await t.current.db.update(orders).set({ status: 'paid' }).where(eq(orders.id, orderId));
    const edited = await write(s, s.product.id, aReview, c);
    expect(edited.status).toBe(200);
    expect(edited.body.verified).toBe(true);
  });
});

describe('moderation', () => {
  it('auto-approves every rating, low ones included, when the store says so', async () => {
    const s = await setup({ reviewsAutoApprove: true });
    for (const rating of [1, 2, 5]) {
      const c = await createTestCustomer(t.current, s.store);
      const res = await write(s, s.product.id, { ...aReview, rating }, c);
      expect(res.body.status).toBe('approved');
    }
    expect((await list(s, s.product.id)).body.items).toHaveLength(3);
  });

  it('holds every review, five stars included, when the store moderates', async () => {
    const s = await setup({ reviewsAutoApprove: false });
    const c = await createTestCustomer(t.current, s.store, { name: 'Pat Lee' });
    const res = await write(s, s.product.id, { ...aReview, rating: 5 }, c);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    expect((await list(s, s.product.id)).body.items).toEqual([]);
    const summary = await t.current.request(`/v1/products/${s.product.id}/reviews/summary`, {
      key: s.pk,
    });
    expect(summary.body.count).toBe(0);
    const mine = await t.current.request(`/v1/products/${s.product.id}/reviews/mine`, {
      key: s.pk,
      token: c.token,
    });
    expect(mine.body.status).toBe('pending');

    const queue = await t.current.request('/admin/v1/reviews?status=pending', { token: s.sk });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({
      id: res.body.id,
      productId: s.product.id,
      status: 'pending',
      customer: { id: c.id, email: c.email },
      author: { name: 'Pat L.' },
    });

    const approve = await t.current.request(`/admin/v1/reviews/${res.body.id}/moderation`, {
      token: s.sk,
      body: { status: 'approved' },
    });
    expect(approve.status).toBe(200);
    expect(approve.body.status).toBe('approved');
    expect((await list(s, s.product.id)).body.items).toHaveLength(1);

    // An edit of an approved review goes back to the queue.
    const edit = await write(s, s.product.id, { ...aReview, body: 'Edited.' }, c);
    expect(edit.status).toBe(200);
    expect(edit.body.status).toBe('pending');
    expect((await list(s, s.product.id)).body.items).toEqual([]);

    await t.current.request(`/admin/v1/reviews/${res.body.id}/moderation`, {
      token: s.sk,
      body: { status: 'approved' },
    });
    const reject = await t.current.request(`/admin/v1/reviews/${res.body.id}/moderation`, {
      token: s.sk,
      body: { status: 'rejected' },
    });
    expect(reject.body.status).toBe('rejected');
    expect((await list(s, s.product.id)).body.items).toEqual([]);
    const rejected = await t.current.request('/admin/v1/reviews?status=rejected', {
      token: s.sk,
    });
    expect(rejected.body.items.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
  });
});

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
