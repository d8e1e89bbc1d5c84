import jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import { cartLines, shareLinks } from '../src/db/schema/index.js';
import { statusCounts, useTestApp } from './harness.js';
import { createSharedProduct, createShareStore } from './share-fixtures.js';

const t = useTestApp();

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS typed as an ES default export: under NodeNext its default import is the
// module object, whose `default` is the decoder; at run time either may be the function.
const jsQR = ((jsqr as unknown as { default?: Decode }).default ?? jsqr) as Decode;

/**
 * The modules the qrcode package's SVG draws: one stroked path of `M x y.5`, `m dx dy` and
 * `hN` runs (its output format), read back to an image jsQR can decode.
 */
function rasterize(svg: string, scale = 8) {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)![1]!;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Number(b)];
    else if (op === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += Number(a);
    }
  }
  const side = size * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      if (!dark.has(`${Math.floor(px / scale)},${Math.floor(py / scale)}`)) continue;
      const o = (py * side + px) * 4;
      data[o] = data[o + 1] = data[o + 2] = 0;
    }
  }
  return { data, side };
}

function createLink(pk: string, body: unknown) {
  return t.current.request('/v1/share-links', { key: pk, body });
}

describe('short links', () => {
  it('are made once per product, ref and channel, and redirect to the share page with the ref', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const first = await createLink(s.pk, {
      product: p.handle,
      ref: 'ana.lind',
      channel: 'creator',
    });
    expect(first.status).toBe(201);
    expect(first.body.code).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(first.body.url).toBe(`http://localhost/s/${first.body.code}`);
    // By id too, the same link; another channel or no ref, another link.
    const again = await createLink(s.pk, { product: p.id, ref: 'ana.lind', channel: 'creator' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const qr = await createLink(s.pk, { product: p.handle, ref: 'ana.lind', channel: 'qr' });
    const bare = await createLink(s.pk, { product: p.handle });
    const bareAgain = await createLink(s.pk, { product: p.handle });
    expect(new Set([first.body.code, qr.body.code, bare.body.code]).size).toBe(3);
    expect(bareAgain.body.code).toBe(bare.body.code);

    const follow = await t.current.request(`/s/${first.body.code}`);
    expect(follow.status).toBe(302);
    const target = new URL(follow.headers.get('location')!);
    expect(target.pathname).toBe(`/p/${s.store.handle}/${p.handle}`);
    expect(target.searchParams.get('ref')).toBe('ana.lind');
    expect(target.searchParams.get('channel')).toBe('creator');
    const bareFollow = await t.current.request(`/s/${bare.body.code}`);
    expect(new URL(bareFollow.headers.get('location')!).search).toBe('');

    // The ref goes on: share page → buy form → the cart line.
    const page = await t.current.request(`${target.pathname}${target.search}`);
    expect(page.body).toContain('<input type="hidden" name="ref" value="ana.lind">');
    const buy = await t.current.request(`${target.pathname}/buy`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({
        ref: 'ana.lind',
        variant: p.variantIds[0]!,
        quantity: '1',
      }).toString(),
    });
    expect(buy.status).toBe(303);
    const [line] = await t.current.db.select().from(cartLines);
    expect(line!.ref).toBe('ana.lind');
  });

  it('refuse bad input with stable codes and other stores’ products', async () => {
    const s = await createShareStore(t.current);
    const other = await createShareStore(t.current);
    const foreign = await createSharedProduct(t.current, other, { handle: 'theirs' });
    const p = await createSharedProduct(t.current, s);
    expect((await createLink(s.pk, { product: foreign.id })).body.error.code).toBe(
      'product_not_found',
    );
    expect((await createLink(s.pk, { product: 'theirs' })).status).toBe(404);
    for (const body of [
      { product: p.handle, ref: 'no spaces' },
      { product: p.handle, ref: 'x'.repeat(65) },
      { product: p.handle, channel: 'email' },
      { product: '' },
      {},
    ]) {
      const res = await createLink(s.pk, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(
      (await t.current.request('/v1/share-links', { body: { product: p.handle } })).status,
    ).toBe(401);
    for (const code of ['nope', 'AAAAAAAAAA', '%3Cscript%3E', 'x'.repeat(300)]) {
      const res = await t.current.request(`/s/${code}`);
      expect(res.status, code).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect((await t.current.request('/s/AAAAAAAAAA/qr.svg')).status).toBe(404);
  });

  it('are rate limited like other storefront writes', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const results = [];
    for (let i = 0; i < 62; i++) results.push(await createLink(s.pk, { product: p.handle }));
    expect(statusCounts(results)).toEqual({ 201: 1, 200: 59, 429: 2 });
  });

  it('have a QR code of the short URL as a cacheable SVG', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const link = await createLink(s.pk, { product: p.handle, ref: 'ana.lind', channel: 'qr' });
    const res = await t.current.request(`/s/${link.body.code}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const svg = res.body as string;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toMatch(/<path stroke="#000000" d="M\d/);
    const { data, side } = rasterize(svg);
    expect(jsQR(data, side, side)?.data).toBe(link.body.url);
  });

  it('stay one link under concurrent requests', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        createLink(s.pk, { product: p.handle, ref: 'ana.lind', channel: 'share' }),
      ),
    );
    expect(statusCounts(results)).toEqual({ 201: 1, 200: 19 });
    expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
    expect(await t.current.db.select().from(shareLinks)).toHaveLength(1);
  });
});
