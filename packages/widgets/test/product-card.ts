// What the <kiosk-product-card> tests share (src/product-card/*.test.ts): a card on the page,
// waiting for it, and reading its shadow DOM. Their shopper is in shopper.ts.
import { isPendingLine, type KioskClient } from '@kiosk/sdk';
import { fixture, html } from '@open-wc/testing';
import '../src/product-card/define.js';
import type { KioskProductCard } from '../src/product-card/product-card.js';
import { until } from './helpers.js';
import { freshClient } from './shopper.js';

export const TEE = 'aurora-classic-tee';

/** Each test starts on a clean page: a client of its own, no stored state, no followed link. */
export function freshCardPage() {
  freshClient();
  sessionStorage.clear();
  localStorage.removeItem('kiosk_ref'); // a followed link is kept for the attribution window
}

export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector)!;
/** What the status region shows on screen (its aria-hidden words and its button). */
export const shownStatus = (el: KioskProductCard) =>
  [...$(el, '[part=status]').querySelectorAll('[aria-hidden=true], button')]
    .map((n) => n.textContent!.trim())
    .join(' ');
export const settled = (el: KioskProductCard) =>
  until(() => !['loading'].includes(el.cardState) && el.productData !== undefined, 'card loaded');

export async function card(product: string, attrs = '') {
  const el = await fixture<KioskProductCard>(
    html`<kiosk-product-card product=${product}></kiosk-product-card>`,
  );
  for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  return el;
}

/** Whether the client's first cart line is the server's (not an optimistic one). */
export function firstLineConfirmed(c: KioskClient): boolean {
  const line = c.cart.$cart.get()?.lines[0];
  return !!line && !isPendingLine(line);
}
