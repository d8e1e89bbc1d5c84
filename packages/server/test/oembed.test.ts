import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/log.js';
import { publicOrigins } from '../src/public-origins.js';
import { useTestApp } from './harness.js';
import { createSharedProduct, createShareStore, unescapeHtml } from './share-fixtures.js';

const t = useTestApp();

const oembed = (url: string, extra = '') =>
  t.current.request(`/oembed?url=${encodeURIComponent(url)}${extra}`);

describe('oEmbed', () => {
  it('answers a rich embed of the share page card', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s, { title: 'Tee "<b>"' });
    const page = `http://localhost/p/${s.store.handle}/${p.handle}?ref=ana.lind&lang=de`;
    const res = await oembed(page, '&format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toContain('public');
    expect(res.body).toMatchObject({
      type: 'rich',
      version: '1.0',
      title: 'Tee "<b>"',
      provider_name: s.store.name,
      provider_url: 'http://localhost',
      width: 480,
      height: 200,
      thumbnail_url: p.imageUrl,
      thumbnail_width: 800,
      thumbnail_height: 600,
    });
    const iframe =
      /^<iframe src="([^"]+)" width="480" height="200" title="([^"]+)" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox"[^>]*><\/iframe>$/.exec(
        res.body.html,
      );
    expect(iframe).not.toBeNull();
    expect(unescapeHtml(iframe![2]!)).toBe('Tee "<b>"');
    const src = new URL(unescapeHtml(iframe![1]!));
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('ref')).toBe('ana.lind');
    expect(src.searchParams.get('lang')).toBe('de');
    // The iframe's page is the framable card.
    const card = await t.current.request(`${src.pathname}${src.search}`);
    expect(card.status).toBe(200);
    expect(card.body).toContain('<body class="embed">');
    expect(card.headers.get('x-frame-options')).toBeNull();

    const small = await oembed(page, '&maxwidth=300&maxheight=150');
    expect(small.body).toMatchObject({
      width: 300,
      height: 150,
      thumbnail_width: 200,
      thumbnail_height: 150,
    });
    expect(small.body.html).toContain('width="300" height="150"');
    expect(small.body.thumbnail_url).toBe(`${p.imageUrl}?w=200`);
  });

  it('accepts only share page URLs of this server', async () => {
    const s = await createShareStore(t.current);
    const other = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const path = `/p/${s.store.handle}/${p.handle}`;
    for (const url of [
      `https://evil.example${path}`,
      `http://localhost.evil.example${path}`,
      `https://localhost${path}`,
      `http://localhost/v1/products/${p.handle}`,
      `http://localhost/p/${s.store.handle}`,
      `http://localhost${path}/buy`,
      'javascript:alert(1)',
      'not a url',
    ]) {
      const res = await oembed(url);
      expect(res.status, url).toBe(404);
      expect(res.body.error.code).toBe('unsupported_url');
    }
    const foreign = await oembed(`http://localhost/p/${other.store.handle}/${p.handle}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('product_not_found');
    const xml = await oembed(`http://localhost${path}`, '&format=xml');
    expect(xml.status).toBe(501);
    expect(xml.body.error.code).toBe('unsupported_format');
    for (const junk of ['&maxwidth=wide', '&format=yaml', '&maxheight=0']) {
      const bad = await oembed(`http://localhost${path}`, junk);
      expect(bad.status, junk).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    expect((await t.current.request('/oembed')).status).toBe(400);
  });

  it('knows the configured public origins, path included, and no forged Host', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const app = createApp({
      db: t.current.db,
      log: createLogger('silent'),
      now: t.current.now,
      publicOrigins: publicOrigins(['https://shop.example/api', 'http://127.0.0.1:9']),
    });
    const ask = async (host: string, url: string) => {
      const res = await app.request(`http://${host}/oembed?url=${encodeURIComponent(url)}`);
      return { status: res.status, body: (await res.json()) as any };
    };
    const path = `/p/${s.store.handle}/${p.handle}`;
    const ok = await ask('shop.example', `https://shop.example/api${path}`);
    expect(ok.status).toBe(200);
    expect(ok.body.provider_url).toBe('https://shop.example/api');
    expect(ok.body.html).toContain(`src="https://shop.example/api${path}?embed=1"`);
    // The other configured origin is this server's too, whichever host was asked.
    expect((await ask('shop.example', `http://127.0.0.1:9${path}`)).status).toBe(200);
    expect((await ask('shop.example', `https://shop.example${path}`)).status).toBe(404);
    // A forged Host is not an origin of this server.
    expect((await ask('evil.example', `http://evil.example${path}`)).status).toBe(404);
    expect((await ask('evil.example', `http://localhost${path}`)).status).toBe(404);
  });
});
