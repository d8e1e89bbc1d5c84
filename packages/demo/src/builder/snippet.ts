export interface SnippetOptions {
  endpoint: string;
  storeKey: string;
  /** Product handles, in the order the cards appear. */
  products: readonly string[];
  layout: string;
  /** Empty: the visitor's language / currency. */
  locale: string;
  currency: string;
  /** A valid attribution code, or empty for none. */
  ref: string;
  /** Whether a `<kiosk-login-button>` goes beside the mini cart. */
  login: boolean;
  /** Where kiosk.js is hosted. */
  cdn: string;
  /** What each card shows before its code loads, and without JavaScript (by handle). */
  fallbacks: ReadonlyMap<string, CardFallback>;
}

/** A card's stand-in: the product's name and price, linked to its share page. */
export interface CardFallback {
  text: string;
  href: string;
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, value: string) => (value ? ` ${name}="${escapeHtml(value)}"` : '');
/** Inside the card: shown as it is without JavaScript, and in the loader's reserved box. */
const fallback = (f: CardFallback | undefined) =>
  f ? `<a href="${escapeHtml(f.href)}">${escapeHtml(f.text)}</a>` : '';

/**
 * The HTML a site owner pastes: the loader (store, language and currency for every widget),
 * the cart that makes the page able to sell (and the sign-in button if chosen), then the cards,
 * each with its fallback (a reader without JavaScript, an RSS reader or a CMS that strips
 * scripts still sees what is for sale, and where to buy it).
 */
export function snippet(o: SnippetOptions): string {
  const script = `<script src="${o.cdn}" defer${attr('data-endpoint', o.endpoint)}${attr('data-store-key', o.storeKey)}${attr('data-locale', o.locale)}${attr('data-currency', o.currency)}></script>`;
  const cart = [
    ...(o.login ? ['<kiosk-login-button></kiosk-login-button>'] : []),
    '<kiosk-mini-cart></kiosk-mini-cart>',
  ];
  const cards = o.products.map(
    (handle) =>
      `<kiosk-product-card${attr('product', handle)}${o.layout === 'card' ? '' : attr('layout', o.layout)}${attr('ref', o.ref)}>${fallback(o.fallbacks.get(handle))}</kiosk-product-card>`,
  );
  return [
    '<!-- Kiosk: once per page -->',
    script,
    '',
    `<!-- The cart${o.login ? ' and sign-in' : ''}: once per page, e.g. in the header -->`,
    ...cart,
    '',
    `<!-- The product${cards.length === 1 ? '' : 's'} -->`,
    ...cards,
    '',
  ].join('\n');
}
