import { createRoute } from '@hono/zod-openapi';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import QRCode from 'qrcode';
import { ATTRIBUTION_CODE } from '../attribution.js';
import { productAnswerKey, readProductAnswer } from '../catalog-read-listener.js';
import { type AppContext, publicOrigin, publicOriginFor } from '../context.js';
import { ApiError } from '../errors.js';
import { formFields } from '../hosted/form.js';
import { negotiateLocale } from '../hosted/i18n.js';
import { isSameOriginPost } from '../hosted/same-origin.js';
import {
  leadVariant,
  type SharePageInput,
  shareCsp,
  shareNotFoundPage,
  sharePage,
} from '../hosted/share-page.js';
import { pageLanguage } from '../hosted/store-language.js';
import { MAX_LINE_QUANTITY } from '../limits.js';
import { createRouter, errorResponses, jsonContent, Security, z } from '../openapi.js';
import { hitRateLimit } from '../rate-limit/middleware.js';
import type { Product } from '../schemas/products.js';
import { addLine } from '../services/cart-lines.js';
import { type CartContext, createCart } from '../services/carts.js';
import { resolveCurrency } from '../services/catalog.js';
import { checkout } from '../services/checkout.js';
import { findShareLink, sharePagePath } from '../services/share-links.js';
import type { Store } from '../services/stores.js';

/**
 * Share pages (/p/{store}/{handle}), their buy form, short links (/s/{code}) with their QR
 * codes, and oEmbed (/oembed): public, no key, so a link pasted anywhere previews and sells.
 */
export const sharePageRoutes = createRouter();

/** Public and the same for every shopper of a language: a CDN keeps it, a preview bot too. */
const SHARE_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400';

// Any text: a handle or code nothing has gets the 404 page, never a JSON error.
const PageParams = z.object({
  store: z.string().openapi({ param: { name: 'store', in: 'path' }, example: 'aurora' }),
  handle: z.string().openapi({
    param: { name: 'handle', in: 'path' },
    example: 'aurora-classic-tee',
  }),
});
// Junk in these is not an error: an unknown value falls back (the page must always show).
const PageQuery = z.object({
  ref: z.string().optional().openapi({ description: "The creator's attribution code, kept." }),
  lang: z.string().optional().openapi({ description: "One of the store's locales." }),
  currency: z.string().optional().openapi({ description: 'One of the store currencies.' }),
  channel: z.string().optional().openapi({ description: 'Where the link was shared.' }),
  embed: z.string().optional().openapi({ description: '`1`: the compact card for oEmbed.' }),
  error: z.string().optional().openapi({ description: 'Set by the buy form on a refusal.' }),
});

const refOf = (value: string | undefined) => (value && ATTRIBUTION_CODE.test(value) ? value : null);

/** What a store or product handle (or a product id) can be; anything else finds nothing. */
const HANDLE = /^[A-Za-z0-9._-]{1,200}$/;

/** A store's product as the share page shows it, with its answer's ETag. */
interface Shared {
  store: Store;
  product: Product;
  etag: string;
}

/** The store and its active product, priced in `currency` (else the store's default). */
async function loadShared(
  c: AppContext,
  storeHandle: string,
  productHandle: string,
  currency: string | undefined,
): Promise<Shared | undefined> {
  // Checked before any query: a NUL or a stray surrogate must not reach PostgreSQL.
  if (!HANDLE.test(storeHandle) || !HANDLE.test(productHandle)) return undefined;
  const store = await c.var.deps.catalogCache.storeByHandle(c.var.deps.db, storeHandle);
  if (!store) return undefined;
  const read = {
    store,
    ref: productHandle,
    currency: resolveCurrency(store, currency?.slice(0, 3)),
    origin: publicOrigin(c),
    // A share page is the same for everyone who opens it: the guest's view.
    tier: null,
  };
  try {
    // The product read's own cache (decision 011): a shared link is opened by many at once.
    const { deps } = c.var;
    const kept = deps.catalogCache.answer(
      productAnswerKey(store.id, read.ref, read.currency, read.origin, null),
    );
    const answer = kept ?? (await readProductAnswer(deps, read));
    return { store, product: JSON.parse(answer.text) as Product, etag: answer.etag };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'product_not_found') return undefined;
    throw err;
  }
}

/** The brand's own product page for the buy link, with the ref as the loader reads it. */
function brandUrl(store: Store, product: Product, ref: string | null): string | null {
  const template = store.settings.notifications?.productUrlTemplate;
  if (!template) return null;
  const url = new URL(template.replaceAll('{handle}', encodeURIComponent(product.handle)));
  if (ref) url.searchParams.set('kiosk_ref', ref);
  return url.toString();
}

function pageInput(
  c: AppContext,
  found: Shared,
  options: { lang: string | undefined; ref: string | null; embed: boolean },
): SharePageInput {
  const { store, product, etag } = found;
  const origin = publicOrigin(c);
  const lang = pageLanguage(store.locales, options.lang, c.req.header('accept-language'));
  const path = sharePagePath(store.handle, product.handle);
  const ref = options.ref;
  return {
    store,
    product,
    lang,
    locale: negotiateLocale(lang),
    canonicalUrl: `${origin}${path}${ref ? `?${new URLSearchParams({ ref })}` : ''}`,
    origin,
    ref,
    brandUrl: brandUrl(store, product, ref),
    buyAction: `${origin}${path}/buy`,
    embed: options.embed,
    etag,
  };
}

type Page = Promise<{ page: HtmlEscapedString; styles: string[] }>;

/** Sends a share page with its security and cache headers. */
async function sendShare(
  c: AppContext,
  rendering: Page,
  options: { status?: 200 | 400 | 404 | 429; embed?: boolean; cache?: boolean } = {},
) {
  const embed = options.embed ?? false;
  const { page, styles } = await rendering;
  // The public origin, never the request's Host: a forged one must not end up in a cache.
  c.header('Content-Security-Policy', shareCsp(publicOrigin(c), embed, styles));
  if (!embed) c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  if (options.cache) {
    c.header('Cache-Control', SHARE_CACHE);
    c.header('Vary', 'Accept-Language');
  }
  return c.html(page, options.status ?? 200);
}

/** The 404 page, in the hosted language nearest to `lang` or the Accept-Language. */
function notFound(c: AppContext, lang?: string) {
  const locale = negotiateLocale(lang, c.req.header('accept-language'));
  return sendShare(c, shareNotFoundPage(locale), { status: 404 });
}

const htmlResponse = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});

sharePageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/p/{store}/{handle}',
    operationId: 'getSharePage',
    tags: ['sharing'],
    security: Security.none,
    summary: "A product's share page (HTML with Open Graph, Twitter card, JSON-LD; no script)",
    description:
      "In `lang` when the store has it, else the Accept-Language's best match among the store's locales. Buys through the brand's product page (`productUrlTemplate`) or a form to the hosted checkout. `embed=1`: the compact card the oEmbed iframe shows (may be framed).",
    request: { params: PageParams, query: PageQuery },
    responses: {
      200: htmlResponse('The page'),
      404: htmlResponse('No such store or active product'),
    },
  }),
  async (c) => {
    const params = c.req.valid('param');
    const query = c.req.valid('query');
    const found = await loadShared(c, params.store, params.handle, query.currency);
    if (!found) return notFound(c, query.lang);
    const embed = query.embed === '1';
    const input = pageInput(c, found, { lang: query.lang, ref: refOf(query.ref), embed });
    const error = query.error === 'unavailable' ? query.error : undefined;
    return sendShare(c, sharePage({ ...input, error }), { embed, cache: true });
  },
);

/**
 * The share page's buy form: a new guest cart with the chosen variant (and the page's ref,
 * as a cart line keeps it), checked out, and on to the hosted checkout (303). A hosted form:
 * refused unless posted from this server's own page (the CSRF check of the hosted pages).
 */
sharePageRoutes.post('/p/:store/:handle/buy', async (c) => {
  const fields = await formFields(c);
  const found = await loadShared(c, c.req.param('store'), c.req.param('handle'), fields.currency);
  if (!found) return notFound(c, fields.lang);
  const ref = refOf(fields.ref);
  const input = pageInput(c, found, { lang: fields.lang, ref, embed: false });
  if (!isSameOriginPost(c)) {
    return sendShare(c, sharePage({ ...input, error: 'badOrigin' }), { status: 400 });
  }
  const { store, product } = found;
  const hit = await hitRateLimit(c, 'carts', store.id);
  if (!hit.allowed) {
    c.header('Retry-After', String(hit.retryAfterSeconds));
    return sendShare(c, sharePage({ ...input, error: 'busy' }), { status: 429 });
  }
  const back = () => {
    const query = new URLSearchParams({
      ...(ref ? { ref } : {}),
      lang: input.lang,
      error: 'unavailable',
    });
    return c.redirect(
      `${input.origin}${sharePagePath(store.handle, product.handle)}?${query}`,
      303,
    );
  };
  const variant = product.variants.find((v) => v.id === fields.variant) ?? leadVariant(product);
  const quantity = /^\d{1,4}$/.test(fields.quantity ?? '') ? Number(fields.quantity) : 0;
  if (!variant?.available || quantity < 1 || quantity > MAX_LINE_QUANTITY) return back();

  const origin = publicOrigin(c);
  const ctx: CartContext = {
    db: c.var.deps.db,
    store,
    customerId: null,
    now: c.var.deps.now(),
    origin,
  };
  let orderId: string;
  try {
    const { cart } = await createCart(ctx, product.currency);
    await addLine(ctx, cart.id, { variantId: variant.id, quantity, ref: ref ?? undefined });
    orderId = (await checkout(ctx, cart.id, undefined)).order.id;
  } catch (err) {
    // Sold out or changed since the page was read: the page says so; anything else is ours.
    if (err instanceof ApiError && err.status === 422) return back();
    if (err instanceof ApiError && err.code === 'variant_not_found') return back();
    throw err;
  }
  const query = new URLSearchParams({ locale: input.locale, currency: product.currency });
  return c.redirect(`${origin}/checkout/${orderId}?${query}`, 303);
});

// The form route above is plain Hono (a form body, answers are pages and redirects): said here
// so the OpenAPI document lists it.
sharePageRoutes.openAPIRegistry.registerPath({
  method: 'post',
  path: '/p/{store}/{handle}/buy',
  operationId: 'buyFromSharePage',
  tags: ['sharing'],
  security: Security.none,
  summary: "The share page's buy form: a new cart with the variant, then the hosted checkout",
  description:
    'Only from the share page itself (Origin or Sec-Fetch-Site: the CSRF check of the hosted pages). Counts against the `carts` rate limit. The cart line keeps `ref`, as `addCartLine` does.',
  request: {
    params: PageParams,
    body: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: z.object({
            variant: z.string(),
            quantity: z.string(),
            ref: z.string().optional(),
            lang: z.string().optional(),
            currency: z.string().optional(),
          }),
        },
      },
    },
  },
  responses: {
    303: { description: 'To the hosted checkout, or back to the page with `error=unavailable`' },
    400: htmlResponse('Not posted from the share page'),
    404: htmlResponse('No such store or active product'),
    429: htmlResponse('Too many carts from this address'),
  },
});

const CodeParams = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'a8Kx2QpZ0m' }),
});

sharePageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/s/{code}',
    operationId: 'followShareLink',
    tags: ['sharing'],
    security: Security.none,
    summary: "A short link: 302 to its product's share page, keeping `ref` and `channel`",
    request: { params: CodeParams },
    responses: {
      302: { description: 'To the share page' },
      404: htmlResponse('No such short link'),
    },
  }),
  async (c) => {
    const link = await findShareLink(c.var.deps.db, c.req.valid('param').code);
    if (!link) return notFound(c);
    const query = new URLSearchParams({
      ...(link.ref ? { ref: link.ref } : {}),
      ...(link.channel ? { channel: link.channel } : {}),
    }).toString();
    const path = sharePagePath(link.storeHandle, link.productHandle);
    c.header('Cache-Control', 'public, max-age=300');
    return c.redirect(`${publicOrigin(c)}${path}${query ? `?${query}` : ''}`, 302);
  },
);

sharePageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/s/{code}/qr.svg',
    operationId: 'getShareLinkQrCode',
    tags: ['sharing'],
    security: Security.none,
    summary: "The short link's QR code (SVG; immutable)",
    request: { params: CodeParams },
    responses: {
      200: {
        description: 'The QR code of the short URL',
        content: { 'image/svg+xml': { schema: z.string() } },
      },
      ...errorResponses(404),
    },
  }),
  async (c) => {
    const { code } = c.req.valid('param');
    const link = await findShareLink(c.var.deps.db, code);
    if (!link) throw new ApiError('not_found', 'No such short link.');
    const svg = await QRCode.toString(`${publicOrigin(c)}/s/${link.code}`, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    return c.body(svg, 200, {
      'Content-Type': 'image/svg+xml',
      // A code never changes its target URL, so neither does its picture.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  },
);

/** The card's size in a page, unless the consumer asks for less (maxwidth, maxheight). */
const EMBED = { width: 480, height: 200 };

const OEmbedSchema = z
  .object({
    type: z.literal('rich'),
    version: z.literal('1.0'),
    title: z.string(),
    provider_name: z.string(),
    provider_url: z.string(),
    html: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    thumbnail_url: z.string().optional(),
    thumbnail_width: z.number().int().optional(),
    thumbnail_height: z.number().int().optional(),
  })
  .openapi('OEmbed');

/** The store and product handles of a share page URL of this server, else undefined. */
function sharePageOf(c: AppContext, value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  // Only this server's public origins: forHost answers the primary one for any other host.
  const own = new URL(publicOriginFor(c.var.deps, url.host));
  const base = own.pathname.replace(/\/$/, '');
  if (url.origin !== own.origin || !url.pathname.startsWith(`${base}/p/`)) return undefined;
  const parts = url.pathname.slice(base.length).split('/');
  // ['', 'p', store, handle]
  if (parts.length !== 4 || !parts[2] || !parts[3]) return undefined;
  try {
    return {
      store: decodeURIComponent(parts[2]),
      handle: decodeURIComponent(parts[3]),
      ref: refOf(url.searchParams.get('ref') ?? undefined),
      lang: url.searchParams.get('lang') ?? undefined,
      currency: url.searchParams.get('currency') ?? undefined,
    };
  } catch {
    return undefined;
  }
}

const dimension = z.coerce.number().int().min(1).max(10_000).optional();

sharePageRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/oembed',
    operationId: 'getOEmbed',
    tags: ['sharing'],
    security: Security.none,
    summary: 'oEmbed 1.0 (rich) for a share page URL of this server',
    description:
      'Public and cacheable, any origin may read it (CORS `*`): it holds only public data. `url` must be a `/p/{store}/{handle}` URL of this server (else 404 `unsupported_url`); `format=xml` answers 501 `unsupported_format`, as the oEmbed spec says.',
    request: {
      query: z.object({
        url: z.string().min(1).max(2048),
        // json, or xml which the spec answers 501 (not served); anything else is junk: 400.
        format: z.enum(['json', 'xml']).optional(),
        maxwidth: dimension,
        maxheight: dimension,
      }),
    },
    responses: {
      200: jsonContent(OEmbedSchema, 'The oEmbed answer'),
      ...errorResponses(400, 404),
      501: jsonContent(z.object({ error: z.object({ code: z.string() }) }), 'Not JSON'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    c.header('Access-Control-Allow-Origin', '*');
    if (q.format === 'xml') {
      throw new ApiError('unsupported_format', 'Only format=json is served.');
    }
    const target = sharePageOf(c, q.url);
    if (!target) throw new ApiError('unsupported_url', 'Not a share page URL of this server.');
    const found = await loadShared(c, target.store, target.handle, target.currency);
    if (!found) throw new ApiError('product_not_found', 'No such product.');
    const input = pageInput(c, found, { lang: target.lang, ref: target.ref, embed: true });
    const width = Math.min(EMBED.width, q.maxwidth ?? EMBED.width);
    const height = Math.min(EMBED.height, q.maxheight ?? EMBED.height);
    const src = new URL(input.canonicalUrl);
    src.searchParams.set('embed', '1');
    if (target.lang) src.searchParams.set('lang', input.lang);
    if (target.currency) src.searchParams.set('currency', found.product.currency);
    const title = found.product.title;
    // Popups let the card's links open the share page or the brand's; nothing else runs.
    const iframe = html`<iframe src="${src.toString()}" width="${width}" height="${height}" title="${title}" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
    const image = found.product.images[0];
    // The thumbnail respects maxwidth/maxheight too: scaled down, its URL asks for that width.
    const scale = image
      ? Math.min(
          1,
          (q.maxwidth ?? image.width) / image.width,
          (q.maxheight ?? image.height) / image.height,
        )
      : 1;
    const thumbnail = image
      ? {
          thumbnail_url:
            scale < 1 ? `${image.url}?w=${Math.floor(image.width * scale)}` : image.url,
          thumbnail_width: Math.max(1, Math.floor(image.width * scale)),
          thumbnail_height: Math.max(1, Math.floor(image.height * scale)),
        }
      : {};
    c.header('Cache-Control', SHARE_CACHE);
    return c.json(
      {
        type: 'rich' as const,
        version: '1.0' as const,
        title,
        provider_name: found.store.name,
        provider_url: input.origin,
        html: String(iframe),
        width,
        height,
        ...thumbnail,
      },
      200,
    );
  },
);
