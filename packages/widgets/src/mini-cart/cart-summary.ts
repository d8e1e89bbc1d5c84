import type { Cart, KioskError } from '@kiosk/sdk';
import { html, nothing, type ReactiveController } from 'lit';
import { analytics } from '../analytics/track.js';
import { KioskCheckoutEvent } from '../events/checkout.js';
import { amountOf } from '../format.js';
import type { MiniCartPanel } from './panel.js';

type CheckoutState = 'idle' | 'working' | 'redirecting';

/**
 * The open cart's footer: subtotal, discount and total, then Check out, which fires the
 * cancelable `kiosk-checkout` and goes to the hosted checkout page (or says why it can't, with
 * Try again).
 */
export class CartSummary implements ReactiveController {
  private state: CheckoutState = 'idle';
  private error: KioskError | undefined;
  private ships = false;

  constructor(private readonly panel: MiniCartPanel) {
    panel.el.addController(this);
  }

  /** On the way to the hosted checkout page: the panel says so instead of the cart. */
  get redirecting(): boolean {
    return this.state === 'redirecting';
  }

  hostConnected(): void {
    globalThis.addEventListener('pageshow', this.onPageShow);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('pageshow', this.onPageShow);
  }

  /**
   * Back from the hosted checkout page, restored from the back/forward cache: the page is as
   * it was left ("Going to checkout…"), so the cart shows again (the SDK re-reads it: as it
   * was if unpaid, empty once paid).
   */
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && this.redirecting) this.set('idle');
  };

  /**
   * The cart opened: whether this store ships (its configuration, which the SDK keeps), so the
   * summary says shipping comes at checkout; unknown (offline) says nothing.
   */
  opened(): void {
    const { panel } = this;
    panel.client?.store.get().then(
      (config) => {
        this.ships = config.shipping.enabled;
        panel.el.requestUpdate();
      },
      () => {},
    );
  }

  /** Forgets the last opening's checkout error. */
  reset(): void {
    this.error = undefined;
  }

  private set(state: CheckoutState) {
    this.state = state;
    this.panel.el.requestUpdate();
  }

  private message(e: KioskError): string {
    return this.panel.i18n.error(e, 'checkoutFailed', {
      offline: 'checkoutOffline',
      empty_cart: 'checkoutEmpty',
      out_of_stock: 'checkoutStock',
      quantity_limit_exceeded: 'checkoutStock',
    });
  }

  private async checkout() {
    const { panel } = this;
    const { host } = panel;
    const client = panel.client;
    const cart = host.cart();
    if (!client || !cart?.lines.length || this.state !== 'idle') return;
    this.error = undefined;
    analytics(panel.el, (a) => a.checkout(panel.el, client, cart));
    if (!panel.el.dispatchEvent(new KioskCheckoutEvent({ cart }))) return;
    this.set('working');
    try {
      // The hosted page leads back to this page as it is now, speaks this element's language
      // (and direction) and knows the currency it showed.
      const { checkoutUrl } = await client.cart.checkout({
        returnTo: location.href,
        locale: panel.i18n.locale,
        currency: host.currency(),
      });
      this.set('redirecting');
      host.navigate(checkoutUrl);
    } catch (error) {
      this.error = host.emitError(error);
      this.set('idle');
      void panel.announce(this.message(this.error));
    }
  }

  /** `updating`: points are being applied, so the discount and total are not known yet. */
  render(cart: Cart, updating: boolean) {
    const { panel } = this;
    const t = panel.t.bind(panel);
    const working = this.state !== 'idle';
    const e = this.error;
    // What points take off depends on the store's rates and limits, which only the server
    // applies: while it answers, the discount and total show a pending state, not old figures.
    const pending = html`<span class="placeholder line"></span
      ><span class="visually-hidden">${t('summary.updating')}</span>`;
    return html`<dl
        part="summary"
        class="summary"
        aria-label=${t('summary.label')}
        aria-busy=${updating}
      >
        <div class="row">
          <dt>${t('summary.subtotal')}</dt>
          <dd>${panel.money(cart.subtotal)}</dd>
        </div>
        ${
          updating || amountOf(cart.discount) > 0
            ? html`<div class="row discount">
                <dt>${t('summary.discount')}</dt>
                <dd>${updating ? pending : `−${panel.money(cart.discount)}`}</dd>
              </div>`
            : nothing
        }
        <div class="row total" part="total">
          <dt>${t('summary.total')}</dt>
          <dd>${updating ? pending : panel.money(cart.total)}</dd>
        </div>
      </dl>
      ${this.ships ? html`<p part="summary-note" class="note">${t('summary.shipping')}</p>` : nothing}
      ${
        e
          ? html`<div part="error" class="error" role="alert">
              <span>${this.message(e)}</span>
              <button type="button" class="retry" @click=${() => this.checkout()}>
                ${t('retry')}
              </button>
            </div>`
          : nothing
      }
      <button
        part="checkout"
        class="checkout"
        type="button"
        aria-disabled=${working}
        @click=${() => this.checkout()}
      >
        ${working ? t('checkingOut') : t('checkout')}
      </button>`;
  }
}
