import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { products, variantPrices, variants } from '../src/db/schema/index.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

const tee = {
  title: 'Admin Tee',
  description: 'Made through the admin API.',
  vendor: 'Kiosk',
  options: [
    { name: 'Size', values: ['S', 'M'] },
    { name: 'Colour', values: ['Red'] },
  ],
  variants: [
    {
      options: { Size: 'S', Colour: 'Red' },
      stock: 5,
      prices: { USD: '25.00', EUR: '23.5' },
      compareAtPrices: { USD: '30.00' },
    },
    { options: { Size: 'M', Colour: 'Red' }, sku: 'TEE-M', prices: { USD: '25' } },
  ],
};

async function countRows(storeId: string) {
  const db = t.current.db;
  return {
    products: (await db.select().from(products).where(eq(products.storeId, storeId))).length,
    variants: (await db.select().from(variants).where(eq(variants.storeId, storeId))).length,
    prices: (await db.select().from(variantPrices).where(eq(variantPrices.storeId, storeId)))
      .length,
  };
}

describe('POST /admin/v1/products', () => {
  it('creates a product that the storefront then serves', async () => {
    const { pk, sk } = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/products', { token: sk, body: tee });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      handle: 'admin-tee',
      title: 'Admin Tee',
      status: 'active',
      images: [],
      variants: [
        {
          title: 'S / Red',
          stock: 5,
          sku: null,
          prices: { USD: '25.00', EUR: '23.50' },
          compareAtPrices: { USD: '30.00' },
        },
        { title: 'M / Red', stock: 0, sku: 'TEE-M', prices: { USD: '25.00' }, compareAtPrices: {} },
      ],
    });
    const shop = await t.current.request('/v1/products/admin-tee', { key: pk });
    expect(shop.status).toBe(200);
    expect(shop.body.variants[0]).toMatchObject({
      price: { amount: '25.00', currency: 'USD' },
      compareAtPrice: { amount: '30.00', currency: 'USD' },
      available: true,
    });
    expect(shop.body.variants[1].available).toBe(false);
    // Same title again gets a free handle.
    const again = await t.current.request('/admin/v1/products', { token: sk, body: tee });
    expect(again.body.handle).toBe('admin-tee-2');
  });

  it('creates drafts that only the admin sees, and stores uploaded images', async () => {
    const { pk, sk } = await createTestStore(t.current.db);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    const res = await t.current.request('/admin/v1/products', {
      token: sk,
      body: {
        title: 'Secret',
        handle: 'secret',
        status: 'draft',
        variants: [{ prices: { USD: '1.00' } }],
        images: [
          {
            contentType: 'image/png',
            data: png.toString('base64'),
            width: 1,
            height: 1,
            alt: 'dot',
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect((await t.current.request('/v1/products/secret', { key: pk })).status).toBe(404);
    const admin = await t.current.request(`/admin/v1/products/${res.body.id}`, { token: sk });
    expect(admin.body.status).toBe('draft');
    expect(admin.body.images).toHaveLength(1);
    const img = await t.current.app.request(new URL(admin.body.images[0].url).pathname);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await img.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses invalid products with 400 and writes nothing', async () => {
    const { store, sk } = await createTestStore(t.current.db);
    const v = (over: object) => ({ ...tee.variants[0], ...over });
    const cases: [string, unknown][] = [
      ['no variants', { ...tee, variants: [] }],
      ['no title', { ...tee, title: '' }],
      ['wrong type', { ...tee, title: 42 }],
      ['unknown field', { ...tee, price: 1 }],
      ['negative stock', { ...tee, variants: [v({ stock: -1 })] }],
      ['fractional stock', { ...tee, variants: [v({ stock: 1.5 })] }],
      ['float price', { ...tee, variants: [v({ prices: { USD: 25 } })] }],
      ['negative price', { ...tee, variants: [v({ prices: { USD: '-1.00' } })] }],
      ['too many decimals', { ...tee, variants: [v({ prices: { USD: '1.005' } })] }],
      ['currency not sold', { ...tee, variants: [v({ prices: { USD: '1.00', GBP: '1.00' } })] }],
      [
        'no default price',
        { ...tee, variants: [v({ prices: { EUR: '1.00' }, compareAtPrices: {} })] },
      ],
      [
        'compare-at without price',
        { ...tee, variants: [v({ prices: { USD: '1.00' }, compareAtPrices: { EUR: '2.00' } })] },
      ],
      [
        'unknown option',
        { ...tee, variants: [v({ options: { Size: 'S', Colour: 'Red', Fit: 'Slim' } })] },
      ],
      [
        'unknown option value',
        { ...tee, variants: [v({ options: { Size: 'XXL', Colour: 'Red' } })] },
      ],
      ['missing option value', { ...tee, variants: [v({ options: { Size: 'S' } })] }],
      ['duplicate variants', { ...tee, variants: [tee.variants[0], tee.variants[0]] }],
      ['bad handle', { ...tee, handle: 'Bad Handle!' }],
      ['reserved handle', { ...tee, handle: 'batch' }],
      [
        'bad image',
        {
          ...tee,
          images: [
            {
              contentType: 'image/png',
              data: Buffer.from('<svg onload=alert(1)>').toString('base64'),
              width: 1,
              height: 1,
            },
          ],
        },
      ],
      [
        'svg upload',
        {
          ...tee,
          images: [{ contentType: 'image/svg+xml', data: 'PHN2Zz4=', width: 1, height: 1 }],
        },
      ],
    ];
    for (const [name, body] of cases) {
      const res = await t.current.request('/admin/v1/products', { token: sk, body });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBe('validation_failed');
    }
    const junk = await t.current.request('/admin/v1/products', { token: sk, body: '{"title": ' });
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('invalid_json');
    expect(await countRows(store.id)).toEqual({ products: 0, variants: 0, prices: 0 });
  });

  it('refuses a taken handle with 409 and leaves no partial product behind', async () => {
    const { store, sk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, { handle: 'taken' });
    const before = await countRows(store.id);
    const res = await t.current.request('/admin/v1/products', {
      token: sk,
      body: { ...tee, handle: 'taken' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(await countRows(store.id)).toEqual(before);
  });

  it('makes handles of titles in any script, free in the store, never empty or reserved', async () => {
    const { pk, sk } = await createTestStore(t.current.db);
    const handleOf = async (title: string) => {
      const res = await t.current.request('/admin/v1/products', {
        token: sk,
        body: { ...tee, title },
      });
      expect(res.status, title).toBe(201);
      return res.body.handle as string;
    };
    expect(await handleOf('Straße Hoodie')).toBe('strasse-hoodie');
    expect(await handleOf('Футболка классика')).toBe('futbolka-klassika');
    expect(await handleOf('经典T恤')).toBe('jing-dian-txu');
    // Collisions: the next free number, also for a title that spells the same.
    expect(await handleOf('Strasse hoodie!')).toBe('strasse-hoodie-2');
    expect(await handleOf('Футболка Классика')).toBe('futbolka-klassika-2');
    // Nothing spellable: a generic handle, still unique.
    expect(await handleOf('🙂🙂')).toBe('product');
    expect(await handleOf('★ ★')).toBe('product-2');
    // A reserved path word or an id never becomes a handle.
    expect(await handleOf('Batch')).toBe('batch-2');
    const id = '0b6c7c8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
    expect(await handleOf(id.toUpperCase())).toBe(`${id}-2`);
    // Long titles end on a whole word part, without a trailing hyphen.
    const long = await handleOf(`${'Wool '.repeat(30)}Scarf`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const shop = await t.current.request('/v1/products/jing-dian-txu', { key: pk });
    expect(shop.body.title).toBe('经典T恤');
  });

  it('needs the secret key: the publishable key and other junk are refused', async () => {
    const { pk } = await createTestStore(t.current.db);
    for (const token of [pk, 'sk_nope', 'garbage']) {
      const res = await t.current.request('/admin/v1/products', { token, body: tee });
      expect(res.status).toBe(401);
    }
    const keyHeader = await t.current.request('/admin/v1/products', { key: pk, body: tee });
    expect(keyHeader.status).toBe(401);
  });
});

describe('GET and PATCH /admin/v1/products/{id}', () => {
  it('updates title, description and status; a draft disappears from the storefront', async () => {
    const { store, pk, sk } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store, { handle: 'p' });
    const res = await t.current.request(`/admin/v1/products/${p.id}`, {
      method: 'PATCH',
      token: sk,
      body: { title: 'Renamed', description: 'New words', status: 'draft' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Renamed', description: 'New words', status: 'draft' });
    expect((await t.current.request('/v1/products/p', { key: pk })).status).toBe(404);
    await t.current.request(`/admin/v1/products/${p.id}`, {
      method: 'PATCH',
      token: sk,
      body: { status: 'active' },
    });
    const shop = await t.current.request('/v1/products/p', { key: pk });
    expect(shop.body.title).toBe('Renamed');
  });

  it('refuses bad patches and hides other stores’ products', async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, a.store, { handle: 'mine' });
    await createTestProduct(t.current.db, a.store, { handle: 'other' });
    const patch = (id: string, body: unknown, sk = a.sk) =>
      t.current.request(`/admin/v1/products/${id}`, { method: 'PATCH', token: sk, body });
    expect((await patch(p.id, {})).status).toBe(400);
    expect((await patch(p.id, { status: 'archived' })).status).toBe(400);
    expect((await patch(p.id, { title: '' })).status).toBe(400);
    expect((await patch(p.id, { title: null })).status).toBe(400);
    expect((await patch(p.id, { handle: 'other' })).status).toBe(409);
    const foreign = await patch(p.id, { title: 'Hijack' }, b.sk);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('product_not_found');
    expect((await t.current.request(`/admin/v1/products/${p.id}`, { token: b.sk })).status).toBe(
      404,
    );
    expect((await patch('not-a-uuid', { title: 'x' })).status).toBe(404);
    expect((await patch(randomUUID(), { title: 'x' })).status).toBe(404);
    const unchanged = await t.current.request(`/admin/v1/products/${p.id}`, { token: a.sk });
    expect(unchanged.body.title).toBe('Product mine');
  });
});

describe('PATCH /admin/v1/products/{id}/variants/{variantId}', () => {
  it('sets stock, adjusts it atomically, and changes prices and compare-at prices', async () => {
    const { store, pk, sk } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store, {
      handle: 'p',
      variants: [{ stock: 2, prices: { USD: 1000 } }],
    });
    const url = `/admin/v1/products/${p.id}/variants/${p.variantIds[0]}`;
    const patch = (body: unknown) => t.current.request(url, { method: 'PATCH', token: sk, body });
    let res = await patch({
      stock: 7,
      prices: { USD: '12.00', EUR: '11.00' },
      compareAtPrices: { USD: '15.00' },
    });
    expect(res.status).toBe(200);
    expect(res.body.variants[0]).toMatchObject({
      stock: 7,
      prices: { USD: '12.00', EUR: '11.00' },
      compareAtPrices: { USD: '15.00' },
    });
    res = await patch({ stockAdjustment: -3 });
    expect(res.body.variants[0].stock).toBe(4);
    res = await patch({ stockAdjustment: -5 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    res = await patch({ compareAtPrices: { USD: null } });
    expect(res.body.variants[0].compareAtPrices).toEqual({});
    const shop = await t.current.request('/v1/products/p?currency=EUR', { key: pk });
    expect(shop.body.variants[0]).toMatchObject({
      price: { amount: '11.00', currency: 'EUR' },
      quantityAvailable: 4,
    });
  });

  it('validates, and a failure midway keeps nothing', async () => {
    const a = await createTestStore(t.current.db);
    const b = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, a.store, {
      variants: [{ stock: 2, prices: { USD: 1000 } }],
    });
    const q = await createTestProduct(t.current.db, a.store);
    const url = `/admin/v1/products/${p.id}/variants/${p.variantIds[0]}`;
    const patch = (body: unknown, path = url, sk = a.sk) =>
      t.current.request(path, { method: 'PATCH', token: sk, body });
    for (const body of [
      {},
      { stock: -1 },
      { stock: '5' },
      { stock: 1, stockAdjustment: 1 },
      { prices: { USD: 10 } },
      { prices: { GBP: '1.00' } },
      { prices: { usd: '1.00' } },
      { nope: 1 },
    ]) {
      const res = await patch(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // Stock change first, then a compare-at price with no price: the whole change is undone.
    const midway = await patch({
      stock: 99,
      prices: { USD: '20.00' },
      compareAtPrices: { EUR: '5.00' },
    });
    expect(midway.status).toBe(400);
    const after = await t.current.request(`/admin/v1/products/${p.id}`, { token: a.sk });
    expect(after.body.variants[0]).toMatchObject({ stock: 2, prices: { USD: '10.00' } });

    expect(
      (await patch({ stock: 1 }, `/admin/v1/products/${q.id}/variants/${p.variantIds[0]}`)).status,
    ).toBe(404);
    const v404 = await patch({ stock: 1 }, `/admin/v1/products/${p.id}/variants/${randomUUID()}`);
    expect(v404.body.error.code).toBe('variant_not_found');
    const foreign = await patch({ stock: 1 }, url, b.sk);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('product_not_found');
  });

  it('keeps stock exact under concurrent adjustments', async () => {
    const { store, sk } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store, {
      variants: [{ stock: 10, prices: { USD: 100 } }],
    });
    const url = `/admin/v1/products/${p.id}/variants/${p.variantIds[0]}`;
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        t.current.request(url, { method: 'PATCH', token: sk, body: { stockAdjustment: -1 } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const after = await t.current.request(`/admin/v1/products/${p.id}`, { token: sk });
    expect(after.body.variants[0].stock).toBe(0);
  });
});
