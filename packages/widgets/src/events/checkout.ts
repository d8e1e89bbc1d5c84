import type { Cart } from '@kiosk/sdk';

/** The shopper asked to check out. Cancel it (preventDefault) to take over checkout yourself. */
export class KioskCheckoutEvent extends Event {
  static readonly eventName = 'kiosk-checkout';
  readonly detail: { cart: Cart };

  constructor(detail: { cart: Cart }) {
    super('kiosk-checkout', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-checkout': KioskCheckoutEvent;
  }
}
