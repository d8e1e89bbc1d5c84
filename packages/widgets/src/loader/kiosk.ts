/**
 * The script-tag loader (dist/cdn/kiosk.js, ≤ 3 KB gzip). Reads the store configuration from
 * its own tag's data-* attributes, keeps `?kiosk_ref=` and `?kiosk_campaign=` for the
 * attribution window, and
 * imports each element's chunk (beside this file) only when that element appears in the
 * page, now or later. Works as a classic or a module script: no static imports, only
 * `import()`.
 */

import { rememberAttribution } from '@kiosk/sdk';
import { loginButtonPlaceholderCss } from '../login-button/placeholder.js';
import { miniCartPlaceholderCss } from '../mini-cart/placeholder.js';
import { productCardPlaceholderCss } from '../product-card/placeholder.js';

/** Element names (without "kiosk-") whose chunks sit beside the loader as `<name>.js`. */
const names = 'product-card mini-cart review-list recommendations login-button store'.split(' ');

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) =>
    /\/kiosk(\.min)?\.js([?#]|$)/.test(s.src),
  ) ??
  document.querySelector<HTMLScriptElement>('script[data-store-key]');
const data = script?.dataset ?? {};
const base = new URL('.', script?.src || location.href).href;

// Attribution (CONTRACT §4, §6): a followed link is kept with its time, the last one wins; a
// message's link on the page it opens, for an add to cart on a later page.
rememberAttribution();
rememberAttribution(undefined, undefined, 'kiosk_campaign');

const requested = new Set<string>();

/** Loads the chunk that defines `kiosk-<name>` (once). */
function load(name: string): Promise<unknown> {
  const tag = `kiosk-${name}`;
  if (requested.has(name) || customElements.get(tag)) return customElements.whenDefined(tag);
  requested.add(name);
  return import(/* @vite-ignore */ `${base}${name}.js`).catch((error) => {
    requested.delete(name); // a failed fetch may succeed on the next appearance
    console.error(`[kiosk] could not load <${tag}>`, error);
  });
}

function scan(): void {
  for (const name of names) {
    if (!requested.has(name) && document.querySelector(`kiosk-${name}`)) void load(name);
  }
  if (requested.size === names.length) observer.disconnect();
}

(globalThis as Record<symbol, unknown>)[Symbol.for('kiosk.config')] = {
  endpoint: data.endpoint,
  storeKey: data.storeKey,
  locale: data.locale,
  currency: data.currency,
  serviceWorker: data.serviceWorker,
  analytics: data.analytics,
  /** For elements inside shadow roots the loader can't see: `load('product-card')`. */
  load,
};

// Cards, the login button and the mini cart take their final size before their code arrives:
// no layout shift when they upgrade.
// A constructed stylesheet, not a <style> element, so a CSP without 'unsafe-inline' allows it.
try {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(productCardPlaceholderCss + loginButtonPlaceholderCss + miniCartPlaceholderCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
} catch {
  // very old browser: only the reservation is lost
}

const observer = new MutationObserver(scan);
observer.observe(document, { childList: true, subtree: true });
scan();
