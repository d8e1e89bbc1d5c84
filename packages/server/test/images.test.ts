import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { images, productImages } from '../src/db/schema/index.js';
import { createLogger } from '../src/log.js';
import { publicOrigins } from '../src/public-origins.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

async function addSvg(storeId: string, productId: string) {
  const id = randomUUID();
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
  await t.current.db.insert(images).values({
    id,
    storeId,
    contentType: 'image/svg+xml',
    data: new TextEncoder().encode(svg),
    width: 10,
    height: 10,
  });
  await t.current.db
    .insert(productImages)
    .values({ id: randomUUID(), storeId, productId, imageId: id, alt: 'A square' });
  return { id, svg };
}

describe('GET /images/{id}', () => {
  it('serves the bytes publicly, immutable, with an ETag and 304', async () => {
    const { store } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store);
    const { id, svg } = await addSvg(store.id, p.id);
    const res = await t.current.app.request(`/images/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toBe(svg);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const cached = await t.current.app.request(`/images/${id}`, {
      headers: { 'if-none-match': etag },
    });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');
    // A width hint does not break anything.
    const sized = await t.current.app.request(`/images/${id}?w=320`);
    expect(sized.status).toBe(200);
    expect(await sized.text()).toBe(svg);
  });

  it('answers unknown and malformed ids with a JSON 404, and bad hints with 400', async () => {
    for (const id of [randomUUID(), 'nope', '1', "'or'1'='1"]) {
      const res = await t.current.request(`/images/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const { store } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store);
    const { id } = await addSvg(store.id, p.id);
    for (const w of ['abc', '0', '-5', '99999']) {
      const res = await t.current.request(`/images/${id}?w=${w}`);
      expect(res.status, w).toBe(400);
    }
  });

  it('is linked from products with absolute urls on the public origin', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, store, { handle: 'p' });
    const { id } = await addSvg(store.id, p.id);
    const local = await t.current.request('/v1/products/p', { key: pk });
    expect(local.body.images).toEqual([
      { url: `http://localhost/images/${id}`, alt: 'A square', width: 10, height: 10 },
    ]);
    const app = createApp({
      db: t.current.db,
      log: createLogger('silent'),
      now: () => new Date(),
      publicOrigins: publicOrigins(['https://api.brand.example']),
    });
    const res = await app.request('/v1/products/p', { headers: { 'x-kiosk-key': pk } });
    expect(((await res.json()) as any).images[0].url).toBe(
      `https://api.brand.example/images/${id}`,
    );
  });
});
