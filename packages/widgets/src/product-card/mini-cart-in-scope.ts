import { storeOf } from '../config.js';

/** A `<kiosk-mini-cart>`, upgraded or not: setting `open` opens it either way. */
export type MiniCartElement = HTMLElement & { open: boolean };

/**
 * The mini cart that shows the cart `element` adds to: one of the same store (storeOf: the
 * same endpoint and key, from a `<kiosk-store>` or the page's configuration), in the element's document or its shadow root.
 * A shown one first: a page may keep a second, hidden one for another screen size.
 */
export function miniCartInScope(element: Element): MiniCartElement | undefined {
  const store = storeOf(element);
  const root = element.getRootNode();
  const roots = root instanceof ShadowRoot ? [root, document] : [document];
  const carts = roots
    .flatMap((r) => [...r.querySelectorAll<HTMLElement>('kiosk-mini-cart')])
    .filter((cart) => storeOf(cart) === store) as MiniCartElement[];
  return carts.find((cart) => cart.checkVisibility()) ?? carts[0];
}
