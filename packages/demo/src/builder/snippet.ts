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
}

const attr = (name: string, value: string) =>
  value ? ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` : '';

/**
 * The HTML a site owner pastes: the loader (store, language and currency for every widget),
 * the cart that makes the page able to sell (and the sign-in button if chosen), then the cards.
 */
export function snippet(o: SnippetOptions): string {
  const script = `<script src="${o.cdn}" defer${attr('data-endpoint', o.endpoint)}${attr('data-store-key', o.storeKey)}${attr('data-locale', o.locale)}${attr('data-currency', o.currency)}></script>`;
  const cart = [
    ...(o.login ? ['<kiosk-login-button></kiosk-login-button>'] : []),
    '<kiosk-mini-cart></kiosk-mini-cart>',
  ];
  const cards = o.products.map(
    (handle) =>
      `<kiosk-product-card${attr('product', handle)}${o.layout === 'card' ? '' : attr('layout', o.layout)}${attr('ref', o.ref)}></kiosk-product-card>`,
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
