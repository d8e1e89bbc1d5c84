/**
 * `@kiosk/widgets/ssr`: Kiosk elements rendered on the server (Node) with `@lit-labs/ssr`, as
 * declarative shadow DOM. The HTML shows without JavaScript (crawlers, RSS readers, email,
 * pages that strip scripts) and, once the element's code loads, the element keeps it on screen
 * until its own rendering is complete and then replaces it in the same task: no flash, and no
 * shift when the data has not changed (docs/widgets/ssr.md).
 */

import type { Page, Product, Review, ReviewSummary } from '@kiosk/sdk';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { commonStrings } from '../i18n/common.js';
import { loadLanguage, matchLanguage } from '../i18n/i18n.js';
import { productJsonLd } from '../json-ld.js';
import { productCardStrings } from '../product-card/i18n/index.js';
import type { ProductCardLayout } from '../product-card/product-card.js';
import { reviewListStrings } from '../review-list/i18n/index.js';
import '../product-card/define.js';
import '../review-list/define.js';

export interface RenderOptions {
  /** BCP 47 language of the rendering (the element's `locale` attribute); default English. */
  locale?: string;
}

export interface ProductCardRenderOptions extends RenderOptions {
  layout?: ProductCardLayout;
  /** The variant shown (default: the first available). */
  variant?: string;
  /** Attribution code the card carries into the cart line (its `ref` attribute). */
  ref?: string;
  /** The page's URL: the card's schema.org Product (light DOM JSON-LD) names it as the offer's URL. */
  url?: string;
  /** false: no schema.org Product in the light DOM (the page has its own). */
  jsonLd?: boolean;
  /**
   * false: for a page that loads no JavaScript (a share page, an email, an AMP page), the card
   * without the variant picker, quantity and buttons, which could do nothing there. On a page
   * that loads the element they appear when it upgrades, moving what is below.
   */
  interactive?: boolean;
}

export interface ReviewSummaryRenderOptions extends RenderOptions {
  /**
   * The first page of reviews, as `kiosk.reviews.list(product, { first: pageSize })` gives it:
   * rendered too, so nothing below the list moves when the element's own page replaces it.
   */
  page?: Page<Review>;
  /** The element's `page-size` (with `page`: its length). */
  pageSize?: number;
}

/**
 * The rendering as one string, without lit's hydration markers (and the `<?>` it leaves after a
 * template that ends in a value): the element replaces the server's nodes instead of hydrating
 * them (KioskElement), so they would only cost bytes. User content cannot fake one: lit escapes
 * every text and attribute value.
 */
async function collect(template: TemplateResult): Promise<string> {
  return (
    (await collectResult(render(template)))
      .replace(/<!--\/?lit-(part|node)[^>]*-->|<\?>/g, '')
      .replace(/^<(kiosk-[a-z-]+)\s+/, '<$1 ')
      // `state` says what a live element shows: a script waiting for "ready" to press a button
      // must wait for the element's code, not find the server's rendering.
      .replace(/^(<kiosk-[^>]*?) state="[^"]*"/, '$1')
  );
}

/**
 * The `sha256-…` sources of every `<style>` in `html`, for a Content-Security-Policy's
 * `style-src` (a rendering carries its element's styles inside its shadow root).
 */
export async function styleHashes(html: string): Promise<string[]> {
  const hashes = new Set<string>();
  for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
    hashes.add(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  }
  return [...hashes];
}

/** JSON inside a script element: `<` escaped so no string in it can close the element. */
const scriptJson = (json: string) => json.replace(/</g, '\\u003c');

/**
 * `<kiosk-product-card>` for `product` (priced as the server gave it: the card keeps that
 * currency), with its declarative shadow root, the `ssr` attribute (the loader reserves no box
 * for it: it has its content), no `state` until its code runs, and its schema.org Product in
 * the light DOM.
 */
export async function renderProductCard(
  product: Product,
  options: ProductCardRenderOptions = {},
): Promise<string> {
  const locale = options.locale || undefined;
  await loadLanguage(matchLanguage(locale ?? 'en'), [commonStrings, productCardStrings]);
  const variant =
    product.variants.find((v) => v.id === options.variant) ??
    product.variants.find((v) => v.available) ??
    product.variants[0];
  const rendering = await collect(
    html`<kiosk-product-card ssr product=${product.handle} variant=${ifDefined(variant?.id)} layout=${ifDefined(options.layout)} ref=${ifDefined(options.ref || undefined)} locale=${ifDefined(locale)} currency=${ifDefined(variant?.price.currency)} .serverProduct=${product} .serverStatic=${options.interactive === false}></kiosk-product-card>`,
  );
  if (options.jsonLd === false) return rendering;
  const jsonLd = scriptJson(productJsonLd(product, variant, options.url ?? ''));
  const script = `<script type="application/ld+json" data-kiosk="product">${jsonLd}</script>`;
  return rendering.replace(/<\/kiosk-product-card>$/, `${script}$&`);
}

/**
 * `<kiosk-review-list>` for the product `product` (handle or id) with its summary (the
 * average, the count and a bar per star rating), and with `options.page` its first reviews.
 */
export async function renderReviewSummary(
  product: string,
  summary: ReviewSummary,
  options: ReviewSummaryRenderOptions = {},
): Promise<string> {
  const locale = options.locale || undefined;
  await loadLanguage(matchLanguage(locale ?? 'en'), [commonStrings, reviewListStrings]);
  const rendering = await collect(
    html`<kiosk-review-list ssr product=${product} locale=${ifDefined(locale)} page-size=${ifDefined(options.pageSize)} .serverReviews=${{ summary, ...(options.page ? { page: options.page } : {}) }}></kiosk-review-list>`,
  );
  // The bars' lengths: the browser sets them through the CSSOM (fillBars); here, a rule per length.
  const fills = new Set([...rendering.matchAll(/data-fill="([\d.]+)"/g)].map(([, n]) => n));
  const rules = [...fills].map((n) => `.fill[data-fill="${n}"]{--_fill:${n}%}`).join('');
  return rendering.replace(
    /<template shadowroot[^>]*>/,
    (open) => `${open}<style>${rules}</style>`,
  );
}
