import type { Cart } from '@kiosk/sdk';

/** The cart changed (lines, quantities, points, or it was emptied once its order was paid). */
export class KioskCartChangeEvent extends Event {
  static readonly eventName = 'kiosk-cart-change';
  readonly detail: { cart: Cart | null };

  constructor(detail: { cart: Cart | null }) {
    super('kiosk-cart-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-cart-change': KioskCartChangeEvent;
  }
}
