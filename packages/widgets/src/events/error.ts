import type { KioskError } from '@kiosk/sdk';

/** Something failed (network, server refusal, bad configuration); the element also shows it. */
export class KioskErrorEvent extends Event {
  static readonly eventName = 'kiosk-error';
  readonly detail: { error: KioskError };

  constructor(detail: { error: KioskError }) {
    super('kiosk-error', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-error': KioskErrorEvent;
  }
}
