import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
).toString('base64');
const picture = (alt: string) => ({
  contentType: 'image/png',
  data: png,
  width: 1,
  height: 1,
  alt,
});

/** A tee in two colours and a third, picture-less variant; each colour has its picture. */
const tee = {
  title: 'Two Tone Tee',
  handle: 'two-tone-tee',
  options: [{ name: 'Colour', values: ['Red', 'Blue', 'Plain'] }],
  images: [picture('Tee in red'), picture('Tee in blue')],
  variants: [
    { options: { Colour: 'Red' }, stock: 5, prices: { USD: '20.00' }, image: 0 },
    { options: { Colour: 'Blue' }, stock: 5, prices: { USD: '20.00' }, image: 1 },
    { options: { Colour: 'Plain' }, stock: 5, prices: { USD: '20.00' } },
  ],
};

async function createTee() {
  const { store, pk, sk } = await createTestStore(t.current.db);
  const res = await t.current.request('/admin/v1/products', { token: sk, body: tee });
  expect(res.status).toBe(201);
  return { store, pk, sk, admin: res.body };
}

async function cartWith(pk: string, variantId: string) {
  const cart = await t.current.request('/v1/carts', { key: pk, body: {} });
  const res = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    key: pk,
    body: { variantId, quantity: 1 },
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('a variant’s own image', () => {
  it('is set at creation by index and served on get, list and batch reads', async () => {
    const { pk, admin } = await createTee();
    const [red, blue] = admin.images;
    expect(admin.variants.map((v: any) => v.imageId)).toEqual([red.id, blue.id, null]);

    const one = await t.current.request('/v1/products/two-tone-tee', { key: pk });
    const list = await t.current.request('/v1/products', { key: pk });
    const batch = await t.current.request(`/v1/products/batch?ids=${admin.id}`, { key: pk });
    for (const product of [one.body, list.body.items[0], batch.body.items[0]]) {
      expect(product.variants.map((v: any) => v.image)).toEqual([
        { url: red.url, alt: 'Tee in red' },
        { url: blue.url, alt: 'Tee in blue' },
        null,
      ]);
    }
  });

  it('is the cart line’s image; a variant without one shows the product’s first', async () => {
    const { pk, admin } = await createTee();
    const [red, blue] = admin.images;
    const blueCart = await cartWith(pk, admin.variants[1].id);
    expect(blueCart.lines[0].image).toEqual({ url: blue.url, alt: 'Tee in blue' });
    const plainCart = await cartWith(pk, admin.variants[2].id);
    expect(plainCart.lines[0].image).toEqual({ url: red.url, alt: 'Tee in red' });
  });

  it('is changed, and removed, by the admin; another product’s image is refused', async () => {
    const { pk, sk, admin } = await createTee();
    const [red, blue] = admin.images;
    const other = await t.current.request('/admin/v1/products', {
      token: sk,
      body: { ...tee, handle: 'other-tee' },
    });
    const url = `/admin/v1/products/${admin.id}/variants/${admin.variants[0].id}`;
    const patch = (body: unknown) => t.current.request(url, { method: 'PATCH', token: sk, body });

    let res = await patch({ imageId: blue.id });
    expect(res.status).toBe(200);
    expect(res.body.variants[0].imageId).toBe(blue.id);
    const cart = await cartWith(pk, admin.variants[0].id);
    expect(cart.lines[0].image.url).toBe(blue.url);

    // Refused as a whole: the stock change in the same patch is not kept either.
    for (const imageId of [other.body.images[0].id, 'not-an-id', crypto.randomUUID()]) {
      res = await patch({ imageId, stock: 99 });
      expect(res.status, imageId).toBe(400);
      expect(res.body.error.details[0].path).toBe('imageId');
    }
    const kept = await t.current.request(`/admin/v1/products/${admin.id}`, { token: sk });
    expect(kept.body.variants[0]).toMatchObject({ imageId: blue.id, stock: 5 });

    res = await patch({ imageId: null });
    expect(res.body.variants[0].imageId).toBeNull();
    const shop = await t.current.request('/v1/products/two-tone-tee', { key: pk });
    expect(shop.body.variants[0].image).toBeNull();
    const again = await t.current.request(`/v1/carts/${cart.id}`, { key: pk });
    expect(again.body.lines[0].image.url).toBe(red.url);
  });

  it('refuses an image index the product does not have, writing nothing', async () => {
    const { pk, sk } = await createTestStore(t.current.db);
    const bad = {
      ...tee,
      variants: [{ ...tee.variants[0], image: 2 }, tee.variants[1], tee.variants[2]],
    };
    const res = await t.current.request('/admin/v1/products', { token: sk, body: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'variants.0.image', message: expect.any(String) },
    ]);
    expect((await t.current.request('/v1/products/two-tone-tee', { key: pk })).status).toBe(404);
  });

  it('is null for products made without pictures', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store, { handle: 'bare' });
    const res = await t.current.request('/v1/products/bare', { key: pk });
    expect(res.body.variants[0].image).toBeNull();
    const cart = await cartWith(pk, p.variantIds[0]!);
    expect(cart.lines[0].image).toBeNull();
  });

  it('is one picture per colour in the demo: the White tee’s line shows the White tee', async () => {
    await seedDemo(t.current.db);
    const res = await t.current.request('/v1/products/aurora-classic-tee', {
      key: 'pk_test_aurora',
    });
    const tee = res.body;
    const colours = tee.options.find((o: any) => o.name === 'Colour').values;
    expect(tee.images.map((i: any) => i.alt)).toEqual(
      colours.map((c: string) => `Classic Tee in ${c}`),
    );
    for (const v of tee.variants) {
      const image = tee.images.find((i: any) => i.alt === `Classic Tee in ${v.options.Colour}`);
      expect(v.image, v.title).toEqual({ url: image.url, alt: image.alt });
    }
    const white = tee.variants.find((v: any) => v.title === 'White / M');
    expect(white.image.url).not.toBe(tee.images[0].url);
    const cart = await cartWith('pk_test_aurora', white.id);
    expect(cart.lines[0].image).toEqual(white.image);
  });
});
