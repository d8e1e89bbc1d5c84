/** The customer signed out. */
export class KioskLogoutEvent extends Event {
  static readonly eventName = 'kiosk-logout';
  readonly detail: Record<string, never> = {};

  constructor() {
    super('kiosk-logout', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-logout': KioskLogoutEvent;
  }
}
