import type { KioskClient } from '@kiosk/sdk';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { clientFor } from '../config.js';
import { STORE_CHANGE } from '../context.js';

/**
 * @summary Scopes the Kiosk widgets inside it to one store. Several stores on one page keep
 * separate carts and sessions: each (endpoint, store-key) pair gets its own SDK client.
 *
 * @slot - The widgets (and any other content) that belong to this store.
 * @event kiosk-store-change - Internal, not bubbling: endpoint, store-key, locale or currency changed; the widgets inside resolve their client again.
 *
 * @example
 * <kiosk-store endpoint="https://api.brand.example" store-key="pk_live_…" locale="de" currency="EUR">
 *   <kiosk-product-card product="classic-tee"></kiosk-product-card>
 * </kiosk-store>
 */
export class KioskStore extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The Kiosk API's origin. */
  @property({ reflect: true }) endpoint?: string;

  /** The store's publishable key (pk_…). */
  @property({ attribute: 'store-key', reflect: true }) storeKey?: string;

  /** Language for the widgets inside (BCP 47, or "auto"). */
  @property({ reflect: true }) locale?: string;

  /** Currency for the widgets inside (ISO 4217, or "auto"). */
  @property({ reflect: true }) currency?: string;

  /** The SDK client of this store (created once per endpoint + key), or null until both are set. */
  get client(): KioskClient | null {
    if (!this.endpoint || !this.storeKey) return null;
    try {
      return clientFor({
        endpoint: this.endpoint,
        storeKey: this.storeKey,
        ...(this.locale ? { locale: this.locale } : {}),
        ...(this.currency ? { currency: this.currency } : {}),
      });
    } catch {
      return null;
    }
  }

  private settled = false;

  protected override updated(): void {
    // Later changes: tell the widgets inside (they listen on this element) to resolve again.
    if (this.settled) this.dispatchEvent(new Event(STORE_CHANGE));
    this.settled = true;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-store': KioskStore;
  }
}
