/** The attributes a `<kiosk-store>` carries; read straight from the element, upgraded or not. */
export interface StoreScope {
  element: Element;
  endpoint: string | null;
  storeKey: string | null;
  locale: string | null;
  currency: string | null;
}

/** Fired on a `<kiosk-store>` (not bubbling) when its endpoint, key, locale or currency change. */
export const STORE_CHANGE = 'kiosk-store-change';

/**
 * The nearest `<kiosk-store>` around `element`, crossing shadow roots (an element rendered
 * inside another component's shadow DOM still belongs to the store around that component).
 */
export function closestStore(element: Element): StoreScope | null {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'kiosk-store') {
      return {
        element: node,
        endpoint: node.getAttribute('endpoint'),
        storeKey: node.getAttribute('store-key'),
        locale: node.getAttribute('locale'),
        currency: node.getAttribute('currency'),
      };
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}
