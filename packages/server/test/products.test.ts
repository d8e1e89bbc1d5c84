import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/index.js';
import { customers, reviews } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { encodeCursor } from '../src/pagination.js';
import { createTestCustomer, createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

async function addReview(
  db: Db,
  storeId: string,
  productId: string,
  rating: number,
  status: 'approved' | 'pending' = 'approved',
) {
  const customerId = randomUUID();
  await db
    .insert(customers)
    .values({ id: customerId, storeId, email: `${customerId}@example.com` });
  await db.insert(reviews).values({
    id: randomUUID(),
    storeId,
    productId,
    customerId,
    rating,
    title: 't',
    body: 'b',
    status,
  });
}

describe('GET /v1/products/{idOrHandle}', () => {
  it('returns a product by id and by handle, with prices, stock and rating', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store, {
      handle: 'blue-tee',
      title: 'Blue Tee',
      variants: [
        { title: 'S', options: { Size: 'S' }, stock: 3, prices: { USD: 2500, EUR: 2300 } },
        {
          title: 'M',
          options: { Size: 'M' },
          stock: 0,
          prices: { USD: 2000, EUR: 1800 },
          compareAt: { USD: 3000 },
        },
      ],
    });
    await addReview(t.current.db, store.id, p.id, 5);
    await addReview(t.current.db, store.id, p.id, 4);
    await addReview(t.current.db, store.id, p.id, 4);
    await addReview(t.current.db, store.id, p.id, 1, 'pending');

    const byHandle = await t.current.request('/v1/products/blue-tee', { key: pk });
    expect(byHandle.status).toBe(200);
    const byId = await t.current.request(`/v1/products/${p.id}`, { key: pk });
    expect(byId.body).toEqual(byHandle.body);
    const product = byHandle.body;
    expect(product).toMatchObject({
      id: p.id,
      handle: 'blue-tee',
      title: 'Blue Tee',
      currency: 'USD',
      priceRange: {
        min: { amount: '20.00', currency: 'USD' },
        max: { amount: '25.00', currency: 'USD' },
      },
      rating: { average: 4.3, count: 3 },
    });
    expect(product.variants).toEqual([
      {
        id: p.variantIds[0],
        title: 'S',
        options: { Size: 'S' },
        image: null,
        price: { amount: '25.00', currency: 'USD' },
        compareAtPrice: null,
        available: true,
        quantityAvailable: 3,
      },
      {
        id: p.variantIds[1],
        title: 'M',
        options: { Size: 'M' },
        image: null,
        price: { amount: '20.00', currency: 'USD' },
        compareAtPrice: { amount: '30.00', currency: 'USD' },
        available: false,
        quantityAvailable: 0,
      },
    ]);
  });

  it('lets an id win over a handle that looks like it, and finds a UUID-shaped handle', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const target = await createTestProduct(t.current.db, store, { handle: 'target' });
    await createTestProduct(t.current.db, store, { handle: target.id });
    const uuidHandle = randomUUID();
    const lookalike = await createTestProduct(t.current.db, store, { handle: uuidHandle });
    // In the store's currency and in another: the server reads each with its own statement.
    for (const query of ['', '?currency=EUR']) {
      for (const ref of [target.id, target.id.toUpperCase()]) {
        const byId = await t.current.request(`/v1/products/${ref}${query}`, { key: pk });
        expect(byId.body.handle, ref + query).toBe('target');
      }
      const byHandle = await t.current.request(`/v1/products/${uuidHandle}${query}`, { key: pk });
      expect(byHandle.body.id, query).toBe(lookalike.id);
      expect(byHandle.body.currency).toBe(query ? 'EUR' : 'USD');
    }
  });

  it('prices in a currency the store sells, falls back to the default otherwise, refuses junk', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, { handle: 'p' });
    const eur = await t.current.request('/v1/products/p?currency=EUR', { key: pk });
    expect(eur.body.currency).toBe('EUR');
    expect(eur.body.variants[0].price).toEqual({ amount: '23.00', currency: 'EUR' });
    const lower = await t.current.request('/v1/products/p?currency=eur', { key: pk });
    expect(lower.body.currency).toBe('EUR');
    const jpy = await t.current.request('/v1/products/p?currency=JPY', { key: pk });
    expect(jpy.status).toBe(200);
    expect(jpy.body.variants[0].price).toEqual({ amount: '25.00', currency: 'USD' });
    for (const bad of ['EURO', '12', 'E', '%00']) {
      const res = await t.current.request(`/v1/products/p?currency=${bad}`, { key: pk });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('prices exactly in zero- and three-decimal currencies, alike in a read, a batch and a page', async () => {
    const { store, pk } = await createTestStore(t.current.db, {
      currencies: ['USD', 'JPY', 'KWD'],
    });
    const p = await createTestProduct(t.current.db, store, {
      handle: 'exact',
      variants: [
        { prices: { USD: 1999, JPY: 2980, KWD: 1234 }, compareAt: { USD: 2999, KWD: 1234 } },
        { prices: { USD: 90071992547409, JPY: 5, KWD: 7 } },
      ],
    });
    for (const rating of [5, 4, 4]) await addReview(t.current.db, store.id, p.id, rating);
    const expected = {
      USD: [
        ['19.99', '29.99'],
        ['900719925474.09', null],
      ],
      JPY: [
        ['2980', null],
        ['5', null],
      ],
      KWD: [
        ['1.234', null],
        ['0.007', null],
      ],
    } as const;
    for (const [currency, variants] of Object.entries(expected)) {
      const one = (await t.current.request(`/v1/products/exact?currency=${currency}`, { key: pk }))
        .body;
      expect(one.currency).toBe(currency);
      expect(
        one.variants.map((v: any) => [v.price.amount, v.compareAtPrice?.amount ?? null]),
      ).toEqual(variants);
      expect(one.priceRange).toEqual({
        min: { amount: [...variants].sort((a, b) => Number(a[0]) - Number(b[0]))[0]![0], currency },
        max: { amount: [...variants].sort((a, b) => Number(b[0]) - Number(a[0]))[0]![0], currency },
      });
      expect(one.rating).toEqual({ average: 4.3, count: 3 });
      const batch = await t.current.request(`/v1/products/batch?ids=exact&currency=${currency}`, {
        key: pk,
      });
      const page = await t.current.request(`/v1/products?currency=${currency}`, { key: pk });
      expect(batch.body.items).toEqual([one]);
      expect(page.body.items).toEqual([one]);
    }
  });

  it('falls back to the default currency when a variant has no price in the one asked', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, {
      handle: 'partial',
      variants: [{ prices: { USD: 1000, EUR: 900 } }, { prices: { USD: 1200 } }],
    });
    const res = await t.current.request('/v1/products/partial?currency=EUR', { key: pk });
    expect(res.body.currency).toBe('USD');
    expect(res.body.variants.map((v: any) => v.price.currency)).toEqual(['USD', 'USD']);
  });

  it('hides drafts, other stores’ products and unknown or malformed ids (404)', async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const draft = await createTestProduct(t.current.db, a.store, {
      handle: 'draft',
      status: 'draft',
    });
    const other = await createTestProduct(t.current.db, b.store, { handle: 'others' });
    for (const ref of [
      'draft',
      draft.id,
      'others',
      other.id,
      randomUUID(),
      'not-a-uuid',
      '12345',
      "x'; drop table products; --",
    ]) {
      const res = await t.current.request(`/v1/products/${encodeURIComponent(ref)}`, { key: a.pk });
      expect(res.status, ref).toBe(404);
      expect(res.body.error.code).toBe('product_not_found');
    }
    const tooLong = await t.current.request(`/v1/products/${'x'.repeat(300)}`, { key: a.pk });
    expect(tooLong.status).toBe(400);
  });

  it('sends ETag and cache headers, and 304 for a matching If-None-Match', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, { handle: 'p' });
    const first = await t.current.request('/v1/products/p', { key: pk });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=30, s-maxage=10, stale-while-revalidate=300',
    );
    // The body depends on the store key, and is what guests see: a browser that kept it asks
    // again once its shopper signs in (member prices are theirs).
    expect(first.headers.get('vary')).toContain('X-Kiosk-Key');
    expect(first.headers.get('vary')).toContain('Authorization');
    const shopper = await createTestCustomer(t.current, store);
    const signedIn = await t.current.request('/v1/products/p', { key: pk, token: shopper.token });
    expect(signedIn.headers.get('etag')).toBe(etag);
    expect(signedIn.body).toEqual(first.body);
    const again = await t.current.request('/v1/products/p', {
      key: pk,
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
    const weak = await t.current.request('/v1/products/p', {
      key: pk,
      headers: { 'if-none-match': `"nope", W/${etag}` },
    });
    expect(weak.status).toBe(304);
    const stale = await t.current.request('/v1/products/p', {
      key: pk,
      headers: { 'if-none-match': '"stale"' },
    });
    expect(stale.status).toBe(200);
    // A different currency is a different body, so a different ETag.
    const eur = await t.current.request('/v1/products/p?currency=EUR', { key: pk });
    expect(eur.headers.get('etag')).not.toBe(etag);
  });
});

describe('GET /v1/products', () => {
  it('walks every active product exactly once, in store order', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      const p = await createTestProduct(t.current.db, store, {
        handle: `p-${String(i).padStart(2, '0')}`,
        status: i % 7 === 3 ? 'draft' : 'active',
      });
      if (i % 7 !== 3) made.push(p.handle);
    }
    const other = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, other.store, { handle: 'foreign' });

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const qs: string = `first=5${after ? `&after=${after}` : ''}`;
      const res = await t.current.request(`/v1/products?${qs}`, { key: pk });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.items.map((p: any) => p.handle));
      after = res.body.nextCursor;
      pages++;
    } while (after && pages < 20);
    expect(seen).toEqual(made);
    expect(pages).toBe(Math.ceil(made.length / 5));
  });

  it('defaults to 20 and refuses first out of range, bad cursors and junk', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    for (let i = 0; i < 21; i++) await createTestProduct(t.current.db, store);
    const res = await t.current.request('/v1/products', { key: pk });
    expect(res.body.items).toHaveLength(20);
    expect(res.body.nextCursor).toEqual(expect.any(String));
    const last = await t.current.request(`/v1/products?after=${res.body.nextCursor}`, { key: pk });
    expect(last.body.items).toHaveLength(1);
    expect(last.body.nextCursor).toBeNull();

    for (const qs of [
      'first=0',
      'first=1000',
      'first=-1',
      'first=abc',
      'first=1.5',
      'after=%%%',
      'after=notbase64json',
      `after=${encodeCursor(['x'])}`,
      `after=${encodeCursor([-4])}`,
      `after=${Buffer.from('{"a":1}').toString('base64url')}`,
      `query=${'q'.repeat(201)}`,
    ]) {
      const bad = await t.current.request(`/v1/products?${qs}`, { key: pk });
      expect(bad.status, qs).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
  });
});

describe('GET /v1/products/batch', () => {
  it('returns ids and handles mixed, in request order, deduplicated, with what is missing', async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const p1 = await createTestProduct(t.current.db, a.store, { handle: 'one' });
    const p2 = await createTestProduct(t.current.db, a.store, { handle: 'two' });
    const p3 = await createTestProduct(t.current.db, a.store, { handle: 'three' });
    await createTestProduct(t.current.db, a.store, { handle: 'draft', status: 'draft' });
    const foreign = await createTestProduct(t.current.db, b.store, { handle: 'foreign' });
    const ghost = randomUUID();
    const ids = ['three', p1.id, 'nope', 'two', foreign.id, 'draft', 'one', ghost, 'three', p3.id];
    const res = await t.current.request(`/v1/products/batch?ids=${ids.join(',')}`, { key: a.pk });
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: any) => p.id)).toEqual([p3.id, p1.id, p2.id]);
    expect(res.body.missing).toEqual(['nope', foreign.id, 'draft', ghost]);
    expect(res.headers.get('etag')).toBeTruthy();
    const eur = await t.current.request(`/v1/products/batch?ids=one&currency=EUR`, { key: a.pk });
    expect(eur.body.items[0].currency).toBe('EUR');
  });

  it('refuses no ids, more than 50, and junk', async () => {
    const { pk } = await createTestStore(t.current.db);
    const fifty = Array.from({ length: 50 }, (_, i) => `h${i}`);
    const ok = await t.current.request(`/v1/products/batch?ids=${fifty.join(',')}`, { key: pk });
    expect(ok.status).toBe(200);
    expect(ok.body.missing).toHaveLength(50);
    // Duplicates count once.
    const dup = await t.current.request(
      `/v1/products/batch?ids=${[...fifty, ...fifty].join(',')}`,
      { key: pk },
    );
    expect(dup.status).toBe(200);
    for (const qs of [
      '',
      'ids=',
      'ids=,,,',
      `ids=${[...fifty, 'h50'].join(',')}`,
      `ids=${'x'.repeat(201)}`,
      'ids=a&currency=12',
    ]) {
      const bad = await t.current.request(`/v1/products/batch?${qs}`, { key: pk });
      expect(bad.status, qs).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
  });

  it('reads a batch or a page in one statement whatever the number of products (no N+1)', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const handles: string[] = [];
    for (let i = 0; i < 30; i++) {
      const p = await createTestProduct(t.current.db, store, {
        variants: [
          { stock: 1, prices: { USD: 100 } },
          { stock: 2, prices: { USD: 200 } },
        ],
      });
      handles.push(p.handle);
      await addReview(t.current.db, store.id, p.id, 5);
    }
    let queries = 0;
    const counting = new Proxy(t.current.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (
          typeof value === 'function' &&
          ['select', 'execute', 'insert', 'update', 'delete'].includes(String(prop))
        ) {
          return (...args: unknown[]) => {
            queries++;
            return value.apply(target, args);
          };
        }
        return value;
      },
    });
    const app = createApp({
      db: counting as Db,
      log: createLogger('silent'),
      now: () => new Date(),
    });
    const count = async (path: string) => {
      queries = 0;
      const res = await app.request(path, { headers: { 'x-kiosk-key': pk } });
      expect(res.status).toBe(200);
      return queries;
    };
    await count('/v1/store'); // the store is read once, then kept (cache/catalog-cache.ts)
    const two = await count(`/v1/products/batch?ids=${handles.slice(0, 2).join(',')}`);
    const thirty = await count(`/v1/products/batch?ids=${handles.join(',')}`);
    expect(two).toBe(1);
    expect(thirty).toBe(1);
    expect(await count('/v1/products?first=30')).toBe(1);
  });
});

describe('GET /v1/store', () => {
  it("gives the store's public configuration and nothing secret", async () => {
    const { store, pk, sk } = await createTestStore(t.current.db, {
      currencies: ['EUR', 'USD'],
      locales: ['de', 'en'],
      pointsRules: { baseCurrency: 'EUR', rates: { EUR: 1, USD: 1.1 }, pendingDays: 14 },
    });
    const res = await t.current.request('/v1/store', { key: pk });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      handle: store.handle,
      name: store.name,
      currencies: ['EUR', 'USD'],
      defaultCurrency: 'EUR',
      locales: ['de', 'en'],
      defaultLocale: 'de',
      points: {
        earnPerUnit: 1,
        pointValueMinor: 1,
        baseCurrency: 'EUR',
        pendingDays: 14,
        expiryDays: 365,
        tiers: [
          { name: 'Member', minLifetime: 0 },
          { name: 'Silver', minLifetime: 500 },
          { name: 'Gold', minLifetime: 2000 },
        ],
      },
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(sk);
    expect(text).not.toContain(store.tokenSecret);
    expect(text).not.toContain('allowedOrigins');
    expect(res.headers.get('etag')).toBeTruthy();
    const cached = await t.current.request('/v1/store', {
      key: pk,
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(cached.status).toBe(304);
  });

  it('needs a publishable key', async () => {
    const { sk } = await createTestStore(t.current.db);
    expect((await t.current.request('/v1/store')).status).toBe(401);
    expect((await t.current.request('/v1/store', { key: sk })).status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('describes the catalog, store, image and admin catalog routes', async () => {
    const res = await t.current.request('/openapi.json');
    expect(res.status).toBe(200);
    for (const path of [
      '/v1/store',
      '/v1/products',
      '/v1/products/batch',
      '/v1/products/{idOrHandle}',
      '/images/{id}',
      '/admin/v1/store',
      '/admin/v1/products',
      '/admin/v1/products/{id}',
      '/admin/v1/products/{id}/variants/{variantId}',
    ]) {
      expect(res.body.paths[path], path).toBeDefined();
    }
    expect(res.body.components.schemas.Product).toBeDefined();
  });
});
