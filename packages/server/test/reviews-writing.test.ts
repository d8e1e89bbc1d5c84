import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reviews } from '../src/db/schema/index.js';
import { createTestCustomer, createTestProduct, createTestStore, useTestApp } from './harness.js';
import { aReview, insertOrder, reviewRoutes } from './reviews-fixtures.js';

const t = useTestApp();
const { setup, write, list, countRows } = reviewRoutes(t);

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
