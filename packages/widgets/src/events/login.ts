import type { Session } from '@kiosk/sdk';

/** The signed-in customer as the session carries it (id, email, name). */
type Customer = Session['customer'];

/** A customer signed in. */
export class KioskLoginEvent extends Event {
  static readonly eventName = 'kiosk-login';
  readonly detail: { customer: Customer };

  constructor(detail: { customer: Customer }) {
    super('kiosk-login', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-login': KioskLoginEvent;
  }
}
