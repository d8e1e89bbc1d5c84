import type { Product, Variant } from '@kiosk/sdk';

/**
 * A shopper added a product to the cart: fired once per add (a click on Add to cart, or on its
 * Retry after a refusal), at once, before the server confirms.
 */
export class KioskAddToCartEvent extends Event {
  static readonly eventName = 'kiosk-add-to-cart';
  readonly detail: { product: Product; variant: Variant; quantity: number };

  constructor(detail: { product: Product; variant: Variant; quantity: number }) {
    super('kiosk-add-to-cart', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-add-to-cart': KioskAddToCartEvent;
  }
}
