// What the <kiosk-mini-cart> tests share (src/mini-cart/*.test.ts): a cart on the page, opening
// it, reading its shadow DOM, and the cart as the server has it. Their shopper is in shopper.ts.
import type { Cart, Variant } from '@kiosk/sdk';
import { fixture, html } from '@open-wc/testing';
import '../src/mini-cart/define.js';
import type { KioskMiniCart } from '../src/mini-cart/mini-cart.js';
import { endpoint, until } from './helpers.js';
import { client } from './shopper.js';

export const TEE = 'aurora-classic-tee';

export const root = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector)!;
export const trigger = (el: KioskMiniCart) => $<HTMLButtonElement>(el, '[part=trigger]');
export const panel = (el: KioskMiniCart) => $<HTMLDialogElement>(el, 'dialog');
export const active = (el: KioskMiniCart) => root(el).activeElement;

export async function variantOf(handle = TEE, minStock = 3): Promise<Variant> {
  const product = await client.products.get(handle);
  return product.variants.find((v) => v.available && v.quantityAvailable >= minStock)!;
}

/** The cart as the server has it (not the SDK's optimistic view). */
export async function serverCart(id: string): Promise<Cart> {
  const res = await fetch(`${endpoint}/v1/carts/${id}`, {
    headers: { 'x-kiosk-key': 'pk_test_aurora' },
  });
  return res.json();
}

export async function miniCart(attrs: { locale?: string } = {}) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div style="display: flex; justify-content: center; padding-block: 1rem">
      <kiosk-mini-cart locale=${attrs.locale ?? 'en'}></kiosk-mini-cart>
    </div>`,
  );
  const el = wrap.querySelector('kiosk-mini-cart')!;
  await until(() => !!trigger(el).getAttribute('aria-label'), 'translated trigger');
  return el;
}

export async function openWithClick(el: KioskMiniCart) {
  trigger(el).click();
  await until(() => panel(el)?.getAttribute('data-floating') === 'placed', 'panel placed');
}

/** An open cart holding `quantity` of a tee. */
export async function openCartWith(quantity: number) {
  const variant = await variantOf();
  await client.cart.add(variant.id, quantity);
  const el = await miniCart();
  await until(() => el.cartData?.itemCount === quantity, 'lines');
  await openWithClick(el);
  return el;
}

/** The URLs the cart sends the browser to (checkout), caught instead of followed. */
export function catchNavigation(el: KioskMiniCart): string[] {
  const navigated: string[] = [];
  (el as unknown as { navigate: (url: string) => void }).navigate = (url) => navigated.push(url);
  return navigated;
}
