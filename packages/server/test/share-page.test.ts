import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cartLines, orders } from '../src/db/schema/index.js';
import { hostedLocales } from '../src/hosted/i18n.js';
import { shareMessages } from '../src/hosted/messages/share.js';
import { createTestApp, createTestProduct, useTestApp } from './harness.js';
import {
  addReviews,
  createSharedProduct,
  createShareStore,
  jsonLd,
  meta,
  unescapeHtml,
} from './share-fixtures.js';

const t = useTestApp();

const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' };

/** The buy form's fields as the page wrote them (hidden inputs and the first option). */
function formOf(page: string) {
  const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1];
  const fields: Record<string, string> = {};
  for (const m of page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) {
    fields[m[1]!] = unescapeHtml(m[2]!);
  }
  const option = /<option value="([^"]+)">/.exec(page)?.[1];
  if (option) fields.variant = option;
  return { action, fields };
}

describe('the share page', () => {
  it('has Open Graph, Twitter, oEmbed discovery and JSON-LD matching the product', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    await addReviews(t.current, s, p.id, [5, 4]);
    const res = await t.current.request(`/p/${s.store.handle}/${p.handle}?ref=ana.lind`);
    expect(res.status).toBe(200);
    const page = res.body as string;
    const url = `http://localhost/p/${s.store.handle}/${p.handle}?ref=ana.lind`;
    expect(meta(page, 'og:type')).toBe('product');
    expect(meta(page, 'og:title')).toBe('Linen Shirt');
    expect(meta(page, 'og:description')).toBe('A light shirt for warm days.');
    expect(meta(page, 'og:url')).toBe(url);
    expect(meta(page, 'og:site_name')).toBe(s.store.name);
    expect(meta(page, 'og:image')).toBe(p.imageUrl);
    expect(p.imageUrl).toMatch(/^http:\/\/localhost\/images\//);
    expect(meta(page, 'og:image:width')).toBe('800');
    expect(meta(page, 'og:image:height')).toBe('600');
    expect(meta(page, 'og:image:alt')).toBe('The shirt');
    expect(meta(page, 'product:price:amount')).toBe('1234.50');
    expect(meta(page, 'product:price:currency')).toBe('USD');
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(meta(page, 'twitter:title')).toBe('Linen Shirt');
    expect(meta(page, 'twitter:image')).toBe(p.imageUrl);
    expect(page).toContain(`<link rel="canonical" href="${url}">`);
    const oembed =
      /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="Linen Shirt">/.exec(
        page,
      );
    const discovery = new URL(unescapeHtml(oembed![1]!));
    expect(discovery.pathname).toBe('/oembed');
    expect(discovery.searchParams.get('url')).toBe(url);
    expect(discovery.searchParams.get('format')).toBe('json');

    const ld = jsonLd(page);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Linen Shirt',
      description: 'A light shirt for warm days.',
      image: [p.imageUrl],
      url,
      aggregateRating: { ratingValue: 4.5, reviewCount: 2 },
    });
    expect(ld.offers).toHaveLength(2);
    expect(ld.offers[0]).toMatchObject({
      price: '1234.50',
      priceCurrency: 'USD',
      availability: 'https://schema.org/InStock',
      sku: p.variantIds[0],
    });

    // Body: the product card rendered on the server (@kiosk/widgets/ssr) in a declarative
    // shadow root: the picture with its size, the price, the compare-at price, the rating, the
    // stock; no controls, which could do nothing on a page without script.
    const card =
      /<kiosk-product-card ssr [^>]*><template shadowroot="open" shadowrootmode="open">([\s\S]*?)<\/template><\/kiosk-product-card>/.exec(
        page,
      );
    expect(card, 'the server-rendered card').not.toBeNull();
    const shadow = card![1]!;
    expect(shadow).toContain(`src="${p.imageUrl}?w=480"`);
    expect(shadow).toContain('alt="The shirt" width="800" height="600"');
    expect(shadow).toMatch(/part="price"><span class="visually-hidden">Now <\/span>\$1,234\.50</);
    expect(shadow).toMatch(
      /part="compare-price"><span class="visually-hidden">Was <\/span>\$1,500\.00</,
    );
    expect(shadow).toContain('aria-label="Rated 4.5 out of 5, from 2 reviews"');
    expect(shadow).toContain('<p class="stock">In stock</p>');
    expect(shadow).not.toContain('<button');
    expect(shadow).not.toContain('<select');
    expect(page).toContain('<h1>Linen Shirt</h1>');
    expect(page).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('is public and cacheable, with a strict CSP and no framing', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const res = await t.current.request(`/p/${s.store.handle}/${p.handle}`);
    expect(res.headers.get('cache-control')).toBe(
      'public, max-age=60, s-maxage=300, stale-while-revalidate=86400',
    );
    expect(res.headers.get('vary')).toContain('Accept-Language');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('script-src');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    // Every style element's hash (the page's, the card's in its shadow root) is one the CSP allows.
    const { createHash } = await import('node:crypto');
    const styles = [...(res.body as string).matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(2);
    for (const [, style] of styles) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(style!).digest('base64')}'`);
    }
    // No canonical ref without one.
    expect(meta(res.body, 'og:url')).toBe(`http://localhost/p/${s.store.handle}/${p.handle}`);

    const embed = await t.current.request(`/p/${s.store.handle}/${p.handle}?embed=1`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.body).toContain('<body class="embed">');
    // The card opens the full page in a new tab: a sandboxed frame posts no form.
    expect(embed.body).not.toContain('<form');
    expect(embed.body).toContain('target="_blank"');
  });

  it('never names a forged Host, in the page or its headers', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    for (const path of [
      `/p/${s.store.handle}/${p.handle}?ref=ana.lind`,
      `/p/${s.store.handle}/x`,
    ]) {
      const res = await t.current.app.request(`http://evil.example${path}`);
      const body = await res.text();
      expect(body).not.toContain('evil.example');
      for (const [name, value] of res.headers) expect(value, name).not.toContain('evil.example');
    }
  });

  it('shows a hostile title and description as text', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s, {
      title: '</script><script>alert(1)</script>"\'',
      description: '<img src=x onerror=alert(2)> & </script>',
    });
    const res = await t.current.request(`/p/${s.store.handle}/${p.handle}`);
    const page = res.body as string;
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Exactly one script element, the JSON-LD, which no `<` inside can close.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    const ld = jsonLd(page);
    expect(ld.name).toBe('</script><script>alert(1)</script>"\'');
    expect(ld.description).toBe('<img src=x onerror=alert(2)> & </script>');
    expect(meta(page, 'og:title')).toBe('</script><script>alert(1)</script>"\'');
  });

  it('speaks German with German prices, and Arabic right to left', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const de = await t.current.request(`/p/${s.store.handle}/${p.handle}?currency=EUR`, {
      headers: { 'accept-language': 'fr;q=0.9, de-AT, en;q=0.5' },
    });
    expect(de.body).toContain('<html lang="de" dir="ltr">');
    expect(de.body).toContain(shareMessages.de.buyNow);
    // The card in the page's language (its stock line, its variant names' currency).
    expect(de.body).toMatch(/<kiosk-product-card ssr [^>]*locale="de"[^>]*dir="ltr"/);
    expect(de.body).toContain('<p class="stock">Auf Lager</p>');
    expect(de.body).toContain('1.099,00\u00a0€');
    expect(meta(de.body, 'product:price:currency')).toBe('EUR');

    const ar = await t.current.request(`/p/${s.store.handle}/${p.handle}?lang=ar`, {
      headers: { 'accept-language': 'de' },
    });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain(shareMessages.ar.buyNow);
    const arabicPrice = new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD' })
      .formatToParts(1234.5)
      .find((part) => part.type === 'integer')!.value;
    expect(ar.body).toContain(arabicPrice);
    expect(ar.body).toMatch(/<kiosk-product-card ssr [^>]*locale="ar"[^>]*dir="rtl"/);
  });

  it('handles junk in the query: unknown currency, bad lang, bad ref', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const res = await t.current.request(
      `/p/${s.store.handle}/${p.handle}?currency=XXXXXXXX&lang=%00%ff..&ref=%3Cb%3E&embed=yes&error=%3Cx%3E`,
      { headers: { 'accept-language': 'de;q=garbage, *, ,;;' } },
    );
    expect(res.status).toBe(200);
    expect(meta(res.body, 'product:price:currency')).toBe('USD');
    expect(res.body).toContain('<html lang="de" dir="ltr">');
    expect(meta(res.body, 'og:url')).toBe(`http://localhost/p/${s.store.handle}/${p.handle}`);
    expect(res.body).not.toContain('name="ref"');
    expect(res.body).not.toContain('role="alert"');
  });

  it('answers a translated 404 for unknown stores and products, drafts, and other stores’ products', async () => {
    const s = await createShareStore(t.current);
    const other = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const draft = await createSharedProduct(t.current, s, { handle: 'draft', status: 'draft' });
    const foreign = await createSharedProduct(t.current, other, { handle: 'only-there' });
    for (const path of [
      `/p/nope/${p.handle}`,
      `/p/${s.store.handle}/nope`,
      `/p/${s.store.handle}/${draft.handle}`,
      `/p/${s.store.handle}/${foreign.handle}`,
      `/p/${s.store.handle}/${foreign.id}`,
      `/p/${other.store.handle}/${p.id}`,
      `/p/${s.store.handle}/a%00b`,
      `/p/${s.store.handle}/%ED%A0%80`,
      `/p/${s.store.handle}/${'x'.repeat(5000)}`,
    ]) {
      const res = await t.current.request(path, { headers: { 'accept-language': 'de' } });
      expect(res.status, path).toBe(404);
      expect(res.body).toContain(shareMessages.de.notFoundTitle);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('has every message in every hosted language', () => {
    for (const locale of hostedLocales) {
      expect(Object.keys(shareMessages[locale]).sort()).toEqual(
        Object.keys(shareMessages.en).sort(),
      );
    }
  });
});

describe('the buy path', () => {
  it('creates a cart with the ref and goes to the hosted checkout', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s);
    const page = await t.current.request(`/p/${s.store.handle}/${p.handle}?ref=ana.lind&lang=de`);
    const { action, fields } = formOf(page.body);
    expect(action).toBe(`http://localhost/p/${s.store.handle}/${p.handle}/buy`);
    expect(fields).toMatchObject({ ref: 'ana.lind', lang: 'de', currency: 'USD' });
    const res = await t.current.request(action!, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ ...fields, variant: p.variantIds[1]!, quantity: '2' }).toString(),
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe('http://localhost');
    const orderId = /^\/checkout\/([0-9a-f-]{36})$/.exec(location.pathname)![1]!;
    expect(location.searchParams.get('locale')).toBe('de');
    const [line] = await t.current.db.select().from(cartLines);
    expect(line).toMatchObject({ variantId: p.variantIds[1], quantity: 2, ref: 'ana.lind' });
    const [order] = await t.current.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ storeId: s.store.id, status: 'pending' });
    const checkout = await t.current.request(`${location.pathname}${location.search}`);
    expect(checkout.status).toBe(200);
  });

  it('refuses a cross-site post and a sold-out variant', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s, { stock: [1, 0] });
    const path = `/p/${s.store.handle}/${p.handle}/buy`;
    const body = new URLSearchParams({ variant: p.variantIds[0]!, quantity: '1' }).toString();
    const cross = await t.current.request(path, {
      method: 'POST',
      headers: { ...form, origin: 'https://evil.example' },
      body,
    });
    expect(cross.status).toBe(400);
    expect(cross.body).toContain(shareMessages.en.badOrigin);
    expect(await t.current.db.select().from(cartLines)).toHaveLength(0);

    const tooMany = await t.current.request(path, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ variant: p.variantIds[0]!, quantity: '2' }).toString(),
    });
    expect(tooMany.status).toBe(303);
    expect(tooMany.headers.get('location')).toContain('error=unavailable');
    const back = await t.current.request(tooMany.headers.get('location')!);
    expect(back.body).toContain(shareMessages.en.unavailable);

    const soldOut = await t.current.request(path, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ variant: p.variantIds[1]!, quantity: '1' }).toString(),
    });
    expect(soldOut.status).toBe(303);
    expect(soldOut.headers.get('location')).toContain('error=unavailable');
    expect(await t.current.db.select().from(orders)).toHaveLength(0);
  });

  it('counts against the carts rate limit, with a page past it', async () => {
    const app = await createTestApp({ rateLimits: { carts: { limit: 1, windowMs: 60_000 } } });
    const s = await createShareStore(app);
    const p = await createSharedProduct(app, s);
    const buy = () =>
      app.request(`/p/${s.store.handle}/${p.handle}/buy`, {
        method: 'POST',
        headers: { ...form, 'accept-language': 'ar' },
        body: new URLSearchParams({ variant: p.variantIds[0]!, quantity: '1' }).toString(),
      });
    expect((await buy()).status).toBe(303);
    const refused = await buy();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body).toContain(shareMessages.ar.busy);
    expect(refused.body).toContain('dir="rtl"');
    expect(await app.db.select().from(orders)).toHaveLength(1);
  });

  it('says sold out with no buy button when nothing is for sale', async () => {
    const s = await createShareStore(t.current);
    const p = await createSharedProduct(t.current, s, { stock: [0, 0] });
    const res = await t.current.request(`/p/${s.store.handle}/${p.handle}?lang=de`);
    expect(res.body).toContain('<p class="stock sold-out">Ausverkauft</p>');
    expect(res.body).not.toContain('<form');
    expect(res.body).not.toContain('<button');
    expect(jsonLd(res.body).offers[0].availability).toBe('https://schema.org/OutOfStock');
  });

  it("links to the brand's own product page with the ref when the store has one", async () => {
    const s = await createShareStore(t.current, {
      settings: {
        notifications: { productUrlTemplate: 'https://brand.example/products/{handle}?src=kiosk' },
      },
    } as never);
    const p = await createSharedProduct(t.current, s);
    const res = await t.current.request(`/p/${s.store.handle}/${p.handle}?ref=ana.lind`);
    expect(res.body).not.toContain('<form');
    const href = /<a class="buy" href="([^"]+)">([^<]+)<\/a>/.exec(res.body)!;
    const url = new URL(unescapeHtml(href[1]!));
    expect(url.origin + url.pathname).toBe(`https://brand.example/products/${p.handle}`);
    expect(url.searchParams.get('src')).toBe('kiosk');
    expect(url.searchParams.get('kiosk_ref')).toBe('ana.lind');
    expect(unescapeHtml(href[2]!)).toBe(`Buy on ${s.store.name}`);
  });

  it('is read from the catalog cache on a second view, and a store change shows at once', async () => {
    const app = await createTestApp({ countStatements: true });
    const s = await createShareStore(app);
    const p = await createSharedProduct(app, s);
    const view = () =>
      app.request(`/p/${s.store.handle}/${p.handle}`, {
        headers: { 'x-kiosk-count-statements': '1' },
      });
    expect((await view()).headers.get('x-kiosk-statements')).toBe('2');
    const again = await view();
    expect(again.headers.get('x-kiosk-statements'), 'store and product kept').toBe('0');
    // An admin change to the store drops what is kept of it: the next view reads it again.
    const renamed = await app.request('/admin/v1/store', {
      method: 'PATCH',
      token: s.sk,
      body: { name: 'Renamed Shop' },
    });
    expect(renamed.status).toBe(200);
    const changed = await view();
    expect(meta(changed.body, 'og:site_name')).toBe('Renamed Shop');
  });

  it('keeps working for a product made straight in the database without images', async () => {
    const s = await createShareStore(t.current);
    const p = await createTestProduct(t.current.db, s.store, { title: 'Plain' });
    const res = await t.current.request(`/p/${s.store.handle}/${p.handle}`);
    expect(res.status).toBe(200);
    expect(meta(res.body, 'og:image')).toBeUndefined();
    expect(jsonLd(res.body).image).toBeUndefined();
  });
});
