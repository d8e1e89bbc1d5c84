import { KioskError } from '@kiosk/sdk';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientController } from './controllers/client-controller.js';
import { KioskErrorEvent } from './events/error.js';

/**
 * Base of every Kiosk element: the `locale` and `currency` attributes, the resolved SDK
 * client (`this.kiosk.client`), and `kiosk-error` reporting.
 *
 * @fires {KioskErrorEvent} kiosk-error - Something failed: `{ error }`, a KioskError.
 */
export class KioskElement extends LitElement {
  /** BCP 47 language for this element; defaults to the store's, the page's, then the browser's. */
  @property() locale?: string;

  /** ISO 4217 currency for prices; defaults to the store's or the locale's. */
  @property() currency?: string;

  /** The SDK client this element uses (nearest `<kiosk-store>`, else the configured one). */
  protected readonly kiosk = new ClientController(this);

  /** The currency to ask the server for: attribute, `<kiosk-store currency>`, then the client's. */
  protected get preferredCurrency(): string | undefined {
    const c = this.currency || this.kiosk.scope?.currency || this.kiosk.client?.currency;
    return c && c !== 'auto' ? c.toUpperCase() : undefined;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // A server rendering (@kiosk/widgets/ssr: the .base after the one lit renders) gives way to
    // this element's own once that is no skeleton: in the same task, so no frame shows neither.
    this.renderRoot.querySelector('.base:not(.skeleton)~.base')?.remove();
  }

  /** Dispatches `kiosk-error` with a KioskError (wrapping anything else). */
  protected emitError(error: unknown): KioskError {
    const e =
      error instanceof KioskError
        ? error
        : new KioskError({ code: 'unknown_error', message: String(error), cause: error });
    this.dispatchEvent(new KioskErrorEvent({ error: e }));
    return e;
  }
}
