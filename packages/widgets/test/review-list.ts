// What the <kiosk-review-list> tests share (src/review-list/*.test.ts): a list on the page,
// and reading its shadow DOM. Their shopper is in review-shopper.ts.
import { fixture, html } from '@open-wc/testing';
import '../src/review-list/define.js';
import type { KioskReviewList } from '../src/review-list/review-list.js';
import { until } from './helpers.js';

export const TEE = 'aurora-classic-tee';

export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];
export const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim();
export const articles = (el: Element) => $$<HTMLElement>(el, 'article[part=review]');

export async function list(attrs: Record<string, string> = {}, product = TEE) {
  const el = await fixture<KioskReviewList>(
    html`<kiosk-review-list product=${product}></kiosk-review-list>`,
  );
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

export async function loaded(el: KioskReviewList) {
  await until(() => el.listState !== 'loading', 'list loaded');
  await el.updateComplete;
}
