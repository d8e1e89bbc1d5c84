import { closestStore } from '../context.js';

/** A `<kiosk-mini-cart>`, upgraded or not: setting `open` opens it either way. */
export type MiniCartElement = HTMLElement & { open: boolean };

const scopeOf = (element: Element) => closestStore(element)?.element ?? null;

/**
 * The mini cart that shows the cart `element` adds to: one in the same store scope (the same
 * nearest `<kiosk-store>`, or both outside any), in the element's document or its shadow root.
 * A shown one first: a page may keep a second, hidden one for another screen size.
 */
export function miniCartInScope(element: Element): MiniCartElement | undefined {
  const scope = scopeOf(element);
  const root = element.getRootNode();
  const roots = root instanceof ShadowRoot ? [root, document] : [document];
  const carts = roots
    .flatMap((r) => [...r.querySelectorAll<HTMLElement>('kiosk-mini-cart')])
    .filter((cart) => scopeOf(cart) === scope) as MiniCartElement[];
  return carts.find((cart) => cart.checkVisibility()) ?? carts[0];
}
