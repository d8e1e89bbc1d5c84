// What the <kiosk-recommendations> tests share: an element on the page and waiting for it.
import { fixture, html } from '@open-wc/testing';
import '../src/recommendations/define.js';
import type { KioskRecommendations } from '../src/recommendations/recommendations.js';
import { until } from './helpers.js';

export const TEE = 'aurora-classic-tee';
/** Where the device keeps recently viewed products (@kiosk/sdk/recently-viewed). */
export const RECENTLY_VIEWED = 'kiosk_recently_viewed';

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim();
/** The cards' products, in the row's order. */
export const cardProducts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('kiosk-product-card')].map((c) => c.getAttribute('product'));

export async function recommendations(attrs: Record<string, string>) {
  const el = await fixture<KioskRecommendations>(
    html`<kiosk-recommendations></kiosk-recommendations>`,
  );
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

export async function settled(el: KioskRecommendations) {
  await until(() => el.recommendationsState !== 'loading', 'recommendations loaded');
  await el.updateComplete;
}
