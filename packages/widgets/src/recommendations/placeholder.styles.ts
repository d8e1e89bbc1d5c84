import { unsafeCSS } from 'lit';
import { productCardPlaceholderCss } from '../product-card/placeholder.js';

/**
 * The skeleton's placeholders take the loaded cards' size: the same reservation the loader
 * gives a card before its code arrives (product-card/placeholder.ts: its height for its width
 * and layout), here on `<kiosk-card-placeholder>`, a name no code defines, so it matches the
 * rules' `:not(:defined)`. test/hostile/recommendations.test.ts measures the shift. A module of
 * its own: the build leaves a file's css`` unminified when it uses unsafeCSS.
 */
export const placeholderStyles = unsafeCSS(
  productCardPlaceholderCss.replaceAll('kiosk-product-card', 'kiosk-card-placeholder'),
);
