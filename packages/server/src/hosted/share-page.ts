import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Product, ProductVariant } from '../schemas/products.js';
import type { Store } from '../services/stores.js';
import { directionOf, formatMoney } from './format-money.js';
import { type HostedLocale, translator } from './i18n.js';
import { type ShareMessageKey, shareMessages } from './messages/share.js';

/**
 * The share page of a product (/p/{store}/{handle}): everything a link preview reads (Open
 * Graph, Twitter card, oEmbed discovery, schema.org JSON-LD) and the product with a buy path
 * for a shopper, with no script at all. The `embed` variant is the compact card the oEmbed
 * iframe shows.
 */

/** Inline, so the page is one request; allowed by its hash in the CSP (shareCsp). */
const CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fafafa}
main{max-inline-size:60rem;margin-inline:auto;padding:1rem;display:grid;gap:1rem}
@media (min-width:40rem){main{grid-template-columns:1fr 1fr}}
h1{font-size:1.5rem;margin-block:0 .5rem}
p{margin-block:0 .5rem}
.muted{color:#555}
.error{color:#a00}
form{display:grid;gap:.5rem;margin-block-start:1rem}
select,input,button,.buy{font:inherit;padding:.6rem;border-radius:.4rem;border:1px solid #888;inline-size:100%}
button,.buy{background:#111;color:#fff;border-color:#111;cursor:pointer;text-align:center;text-decoration:none;display:block}
.embed main{grid-template-columns:1fr;padding:.5rem;gap:.5rem}
.embed h1{font-size:1rem;margin:0}
kiosk-product-card::part(title){display:none}`;

const CSS_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/**
 * No script runs; the inline styles (the page's and the card's, in its shadow root) are
 * allowed by their hashes; images and forms only to this server. The full page refuses framing; the embed card is made to be framed (oEmbed).
 */
export function shareCsp(publicOrigin: string, embed: boolean, styles: string[] = []): string {
  const self = `'self' ${new URL(publicOrigin).origin}`;
  return [
    "default-src 'none'",
    `style-src ${[CSS_HASH, ...styles].join(' ')}`,
    `img-src ${self} data:`,
    `form-action ${self}`,
    `frame-ancestors ${embed ? '*' : "'none'"}`,
    "base-uri 'none'",
  ].join('; ');
}

/** What the page shows, chosen by the route. */
export interface SharePageInput {
  store: Store;
  product: Product;
  /** The store's language tag the page is in (prices are formatted for it). */
  lang: string;
  /** The hosted locale of the page's own words (nearest to `lang`). */
  locale: HostedLocale;
  /** The share page URL without lang or currency: og:url and canonical. */
  canonicalUrl: string;
  /** The server's public origin, for the oEmbed discovery link. */
  origin: string;
  ref: string | null;
  /** The buy path: the brand's own product page (with the ref), or null for the form. */
  brandUrl: string | null;
  /** The form's target: this page's URL with /buy. */
  buyAction: string;
  embed: boolean;
  /** The product answer's ETag: the rendered card is kept under it (cardFor). */
  etag: string;
  error?: 'unavailable' | 'badOrigin' | 'busy' | undefined;
}

type Tr = (key: ShareMessageKey, vars?: Record<string, string | number>) => string;

function price(lang: string, money: { amount: string; currency: string }): string {
  try {
    return formatMoney(money, lang);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** The variant the page prices the product with: the first one for sale, else the first. */
export function leadVariant(product: Product): ProductVariant | undefined {
  return product.variants.find((v) => v.available) ?? product.variants[0];
}

/** JSON in a <script> element: `<` can never close it, `&` and the line separators are safe. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A description for meta tags: one line, at most 200 characters. */
export function summaryOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** schema.org Product, as Google's rich results read it. */
export function productJsonLd(input: SharePageInput): Record<string, unknown> {
  const { product, canonicalUrl, store } = input;
  const image = product.images.map((i) => i.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    productID: product.id,
    sku: product.handle,
    name: product.title,
    description: product.description,
    ...(image.length ? { image } : {}),
    ...(product.vendor ? { brand: { '@type': 'Brand', name: product.vendor } } : {}),
    url: canonicalUrl,
    offers: product.variants.map((v) => ({
      '@type': 'Offer',
      sku: v.id,
      name: v.title,
      price: v.price.amount,
      priceCurrency: v.price.currency,
      availability: v.available ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url: canonicalUrl,
      seller: { '@type': 'Organization', name: store.name },
    })),
    ...(product.rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.rating.average,
            reviewCount: product.rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}

function head(input: SharePageInput, title: string) {
  const { product, store, canonicalUrl, origin } = input;
  const description = summaryOf(product.description);
  const image = product.images[0];
  const lead = leadVariant(product);
  const oembed = `${origin}/oembed?${new URLSearchParams({ url: canonicalUrl, format: 'json' })}`;
  return html`<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonicalUrl}">
<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${product.title}">
<meta property="og:type" content="product">
<meta property="og:title" content="${product.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonicalUrl}">
<meta property="og:site_name" content="${store.name}">
<meta property="og:locale" content="${input.lang.replace('-', '_')}">
${
  image
    ? html`<meta property="og:image" content="${image.url}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt || product.title}">`
    : ''
}
${
  lead
    ? html`<meta property="product:price:amount" content="${lead.price.amount}">
<meta property="product:price:currency" content="${lead.price.currency}">`
    : ''
}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${product.title}">
<meta name="twitter:description" content="${description}">
${image ? html`<meta name="twitter:image" content="${image.url}">` : ''}
<script type="application/ld+json">${raw(scriptSafeJson(productJsonLd(input)))}</script>`;
}

function buyPath(input: SharePageInput, tr: Tr) {
  const { product, store } = input;
  const forSale = product.variants.filter((v) => v.available);
  if (forSale.length === 0) return '';
  // In the oEmbed card (a sandboxed frame) a form cannot post: links open a new tab.
  const newTab = input.embed ? html` target="_blank" rel="noopener"` : '';
  if (input.brandUrl) {
    return html`<p><a class="buy" href="${input.brandUrl}"${newTab}>${tr('buyOn', { store: store.name })}</a></p>`;
  }
  if (input.embed) {
    return html`<p><a class="buy" href="${input.canonicalUrl}"${newTab}>${tr('view')}</a></p>`;
  }
  const max = Math.min(10, ...forSale.map((v) => v.quantityAvailable));
  const choice =
    product.variants.length > 1
      ? html`<label for="variant">${tr('variant')}</label>
<select id="variant" name="variant">${forSale.map(
          (v) => html`<option value="${v.id}">${v.title} · ${price(input.lang, v.price)}</option>`,
        )}</select>`
      : html`<input type="hidden" name="variant" value="${forSale[0]!.id}">`;
  return html`<form method="post" action="${input.buyAction}">
${input.ref ? html`<input type="hidden" name="ref" value="${input.ref}">` : ''}
<input type="hidden" name="lang" value="${input.lang}">
<input type="hidden" name="currency" value="${product.currency}">
${choice}
<label for="quantity">${tr('quantity')}</label>
<input id="quantity" name="quantity" type="number" inputmode="numeric" min="1" max="${Math.max(1, max)}" value="1" required>
<button type="submit">${tr('buyNow')}</button>
</form>`;
}

/** @kiosk/widgets/ssr, loaded with the first share page: lit and the elements are not needed before. */
let widgetsSsr: Promise<typeof import('@kiosk/widgets/ssr')> | undefined;

/** Rendered cards, newest last: a shared link is opened by many at once (about 0.4 ms each). */
const cards = new Map<string, Promise<{ html: string; styles: string[] }>>();
const CARDS_KEPT = 256;

/**
 * The product as its `<kiosk-product-card>` shows it (image, price, rating, stock), rendered on
 * the server in the page's language, without the controls a page with no script could not use.
 */
function cardFor(input: SharePageInput): Promise<{ html: string; styles: string[] }> {
  const { product, lang, embed, etag } = input;
  const key = `${etag}|${lang}|${embed}`;
  let card = cards.get(key);
  if (card) {
    cards.delete(key);
  } else {
    widgetsSsr ??= import('@kiosk/widgets/ssr');
    card = widgetsSsr.then(async (ssr) => {
      const html = await ssr.renderProductCard(product, {
        locale: lang,
        layout: embed ? 'row' : 'card',
        interactive: false,
        jsonLd: false,
      });
      return { html, styles: await ssr.styleHashes(html) };
    });
    card.catch(() => cards.delete(key));
    if (cards.size >= CARDS_KEPT) cards.delete(cards.keys().next().value!);
  }
  cards.set(key, card);
  return card;
}

function productBody(input: SharePageInput, tr: Tr, card: string) {
  const { product, store } = input;
  return html`${raw(card)}
<div>
<p class="muted">${store.name}</p>
<h1>${product.title}</h1>
${input.error ? html`<p class="error" role="alert">${tr(input.error)}</p>` : ''}
${input.embed ? '' : html`<p>${product.description}</p>`}
${buyPath(input, tr)}
</div>`;
}

function document(
  lang: string,
  headContent: HtmlEscapedString | Promise<HtmlEscapedString>,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  embed: boolean,
) {
  return html`<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
${headContent}
<style>${raw(CSS)}</style>
</head>
<body${embed ? html` class="embed"` : ''}>
<main>${body}</main>
</body>
</html>`;
}

/** The page, and the hashes of the card's styles for its CSP (shareCsp). */
export async function sharePage(input: SharePageInput) {
  const tr = translator(shareMessages, input.locale);
  const title = `${input.product.title} · ${input.store.name}`;
  const card = await cardFor(input);
  return {
    page: await document(
      input.lang,
      head(input, title),
      productBody(input, tr, card.html),
      input.embed,
    ),
    styles: card.styles,
  };
}

/** The page for an unknown store, product or short link, in the shopper's language. */
export async function shareNotFoundPage(locale: HostedLocale) {
  const tr = translator(shareMessages, locale);
  const page = await document(
    locale,
    html`<title>${tr('notFoundTitle')}</title>
<meta name="robots" content="noindex">`,
    html`<div><h1>${tr('notFoundTitle')}</h1><p>${tr('notFound')}</p></div>`,
    false,
  );
  return { page, styles: [] };
}
