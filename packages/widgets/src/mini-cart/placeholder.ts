/**
 * The box `<kiosk-mini-cart>` occupies, the same before its code loads and after (the trigger
 * is a fixed square; the panel is in the top layer, outside the page's layout), so a header
 * holding it never moves. The element's styles (mini-cart.styles.ts) use the same values; the
 * CDN loader (and kiosk.css) give them to the not-yet-defined element.
 */
export const miniCartPlaceholderCss =
  'kiosk-mini-cart:not(:defined){display:inline-block;vertical-align:middle;flex-shrink:0;inline-size:var(--kiosk-mini-cart-trigger-size,2.75rem);block-size:var(--kiosk-mini-cart-trigger-size,2.75rem)}';
