import type { Cart } from '@kiosk/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Placement } from '../controllers/floating-panel-controller.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskCartChangeEvent } from '../events/cart-change.js';
import { formatNumber } from '../format.js';
import { KioskElement } from '../kiosk-element.js';
import { loadError } from '../load-error.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { miniCartStrings } from './i18n/index.js';
import { styles } from './mini-cart.styles.js';
import type { MiniCartPanel } from './panel.js';

type PanelModule = typeof import('./panel.js');
let panelModule: Promise<PanelModule> | undefined;

/**
 * The open cart's code (panel, its strings and styles), imported once per page the first time
 * a cart opens. A failed load (offline) is forgotten so the next open tries again.
 */
function loadPanel(): Promise<PanelModule> {
  panelModule ??= import('./panel.js').catch((error: unknown) => {
    panelModule = undefined;
    throw error;
  });
  return panelModule;
}

/**
 * What makes two carts the same change for `kiosk-cart-change`: lines, quantities, prices,
 * points and totals (not `updatedAt` or stock, which change without the shopper doing anything).
 */
function changeKey(cart: Cart | null): string {
  if (!cart) return 'null';
  return JSON.stringify([
    cart.id,
    cart.pointsRedeemed,
    cart.subtotal,
    cart.discount,
    cart.total,
    cart.lines.map((l) => [l.id, l.variantId, l.quantity, l.lineTotal]),
  ]);
}

/**
 * @summary A cart button with a live item count, opening a panel (a modal dialog: anchored to
 * the button on wide screens, a sheet at the bottom of the screen on phones) with the cart's
 * lines, quantity steppers, remove, points, subtotal, discount, total and checkout; the totals
 * and Check out stay in view however many lines the cart holds. The closed cart is only its
 * trigger and live count: the panel's code downloads the first time the cart opens.
 *
 * @event {KioskCartChangeEvent} kiosk-cart-change - The cart changed (lines, quantities, points, emptied once its order is paid): `{ cart }`, the cart as the server confirmed it. Fires once per change, when it is settled: not for the optimistic view shown while the server answers, not for a change the server refused (the cart rolls back to what it was), not for a reload that finds the cart unchanged. Changes made offline, or in quick succession, settle together: one event once the server has them all.
 * @event {KioskCheckoutEvent} kiosk-checkout - The shopper pressed Check out: `{ cart }`. Cancelable: call `preventDefault()` to run checkout yourself; otherwise the element calls `client.cart.checkout()` and goes to the hosted checkout page (in the element's language, with a link back to this page). The cart stays until the order is paid.
 * @event {KioskErrorEvent} kiosk-error - Something failed (`{ error }`, a KioskError); the cart shows it too.
 * @event {KioskAnalyticsEvent} kiosk-analytics - A GA4 ecommerce event, `{ name, params }`: `begin_checkout` when Check out is pressed, with every line (docs/widgets/analytics.md).
 *
 * @slot trigger-icon - Replaces the cart icon in the trigger button.
 * @slot empty - Extra content for the empty cart (a link to the shop, say).
 *
 * @csspart trigger - The button that opens the cart.
 * @csspart badge - The item count on the trigger.
 * @csspart pending - The dot on the trigger while changes wait to be saved (offline).
 * @csspart panel - The dialog (`data-layout="sheet"` on phones, `"anchored"` otherwise).
 * @csspart header - The dialog's header (title and close button).
 * @csspart title - The dialog's title.
 * @csspart close - The close button.
 * @csspart notice - The offline / saving notice.
 * @csspart body - The part of the panel that scrolls (lines and points).
 * @csspart lines - The list of lines.
 * @csspart line - One line.
 * @csspart line-image - A line's image (the variant's own, as the server returns it; fixed size, cropped to fit).
 * @csspart line-title - A line's product title.
 * @csspart line-variant - A line's variant title.
 * @csspart line-price - A line's unit price.
 * @csspart line-member - A line at the shopper's member price: "Gold price · you save $5.00".
 * @csspart line-total - A line's total.
 * @csspart quantity - A line's quantity stepper (group of −, input, +).
 * @csspart remove - A line's remove button.
 * @csspart empty - The empty state.
 * @csspart points - The points section.
 * @csspart footer - The panel's footer (summary and checkout), always in view.
 * @csspart summary - Subtotal, discount and total.
 * @csspart total - The total row.
 * @csspart summary-note - "Shipping calculated at checkout", under the summary.
 * @csspart checkout - The checkout button.
 * @csspart error - An error message.
 * @csspart status - The live regions (visually hidden) announcing changes.
 *
 * @cssprop --kiosk-color-accent - Button, badge and focus colour (global token).
 * @cssprop --kiosk-color-on-accent - Text on the accent colour (global token).
 * @cssprop --kiosk-radius - Corner radius (global token).
 * @cssprop --kiosk-font - Font family; inherits the page's font by default (global token).
 * @cssprop --kiosk-mini-cart-trigger-size - Block and inline size of the trigger (default 2.75rem).
 * @cssprop --kiosk-mini-cart-trigger-background - Trigger background (default transparent).
 * @cssprop --kiosk-mini-cart-trigger-color - Trigger icon colour (default inherit).
 * @cssprop --kiosk-mini-cart-badge-background - Count badge background (default the accent).
 * @cssprop --kiosk-mini-cart-badge-color - Count badge text colour.
 * @cssprop --kiosk-mini-cart-panel-width - Panel inline size on wide screens (default min(24rem, 100vw - 1rem)).
 * @cssprop --kiosk-mini-cart-sheet-max-height - Largest block size of the phone sheet (default 100dvh - 2.5rem).
 * @cssprop --kiosk-mini-cart-panel-background - Panel background (default the surface token).
 * @cssprop --kiosk-mini-cart-panel-radius - Panel corner radius.
 * @cssprop --kiosk-mini-cart-panel-shadow - Panel shadow.
 * @cssprop --kiosk-mini-cart-panel-padding - Panel inner padding (default 1rem).
 * @cssprop --kiosk-mini-cart-backdrop - Backdrop behind the open panel (default a light veil; darker under the phone sheet).
 * @cssprop --kiosk-mini-cart-image-size - Line image size (default 4rem).
 * @cssprop --kiosk-mini-cart-checkout-background - Checkout button background.
 * @cssprop --kiosk-mini-cart-checkout-color - Checkout button text colour.
 */
export class KioskMiniCart extends KioskElement {
  static override styles = [sharedStyles, styles];

  /**
   * Whether the panel is open. Set it (property or attribute) to open the cart from outside:
   * the panel opens and focus moves into it, as when the shopper presses the trigger.
   * Remove it to close the cart.
   */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Where the panel sits relative to the trigger on wide screens (side, then `-start`/`-end`, which follow RTL). */
  @property({ reflect: true }) placement: Placement = 'bottom-end';

  /** Present while cart changes wait to be sent (offline). Read-only. */
  @property({ type: Boolean, reflect: true }) pending = false;

  @state() private announcement = '';

  @query('.trigger') private trigger!: HTMLButtonElement;

  private readonly i18n = new LocalizeController(this, miniCartStrings);
  private readonly cart = new StoreController(this, this.kiosk, (c) => c.cart.$cart);
  private readonly queued = new StoreController(this, this.kiosk, (c) => c.cart.$pending);
  /** The open cart, once its code has loaded (the first open). */
  private panel: MiniCartPanel | undefined;

  /** The last settled cart announced with kiosk-cart-change (undefined until the first). */
  private settled: string | undefined;
  private seenCount: number | undefined;

  /** The cart as the shopper sees it (optimistic changes included). */
  get cartData(): Cart | null {
    return this.cart.value ?? null;
  }

  /** Opens the panel (the same as setting `open`). */
  show(): void {
    this.open = true;
  }

  /** Closes the panel; focus returns to the trigger. */
  hide(): void {
    this.open = false;
  }

  /**
   * Goes to the hosted checkout page. Apps with their own router can override it in a
   * subclass; tests replace it to stay on the page.
   */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  protected override willUpdate(): void {
    this.pending = (this.queued.value ?? 0) > 0;
    const cart = this.cart.value;
    // A change is settled once no write waits for the server: the confirmed cart, once.
    if (cart !== undefined && !this.pending) {
      const key = changeKey(cart);
      if (key !== this.settled) {
        const first = this.settled === undefined;
        this.settled = key;
        if (!first) this.dispatchEvent(new KioskCartChangeEvent({ cart }));
      }
    }
    const count = cart?.itemCount ?? 0;
    if (cart !== undefined && count !== this.seenCount) {
      if (this.seenCount !== undefined && !this.open) {
        void this.announce(this.t('count', { count, n: this.num(count) }));
      }
      this.seenCount = count;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && !this.panel) void this.createPanel();
  }

  /**
   * The first opening: loads the panel's code, which from then on opens and closes the dialog
   * as `open` says (once its strings are loaded: it never opens half translated).
   */
  private async createPanel() {
    let module: PanelModule;
    try {
      module = await loadPanel();
    } catch (error) {
      this.emitError(loadError('The cart', error));
      void this.announce(this.t('error.network'));
      this.open = false;
      return;
    }
    this.panel ??= new module.MiniCartPanel({
      element: this,
      clients: this.kiosk,
      cart: () => this.cart.value ?? null,
      trigger: () => this.trigger,
      currency: () => this.preferredCurrency,
      emitError: (error) => this.emitError(error),
      navigate: (url) => this.navigate(url),
    });
    this.requestUpdate();
  }

  private t(key: MessageKey<typeof miniCartStrings.en>, options?: Record<string, unknown>): string {
    return this.i18n.t(key, options);
  }

  private num(n: number): string {
    return formatNumber(n, this.i18n.locale);
  }

  /** Puts a message in the trigger's live region (the panel has its own while open). */
  private async announce(message: string) {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  protected override render() {
    const cart = this.cart.value ?? null;
    const count = cart?.itemCount ?? 0;
    const ready = this.i18n.ready;
    const label = ready
      ? this.t(this.pending ? 'triggerPending' : 'trigger', { count, n: this.num(count) })
      : '';
    return html`<span class="anchor"
        ><button
        part="trigger"
        class="trigger"
        type="button"
        aria-haspopup="dialog"
        aria-expanded=${this.open}
        aria-label=${label || nothing}
        aria-busy=${!ready}
        lang=${this.i18n.lang}
        @click=${() => {
          this.open = !this.open;
        }}
      >
        <slot name="trigger-icon"
          ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2"></path>
            <circle cx="10" cy="20" r="1.3"></circle><circle cx="17" cy="20" r="1.3"></circle></svg
        ></slot>
      </button>
        <span part="badge" class="badge ${count ? '' : 'zero'}" aria-hidden="true"
          >${this.num(count)}</span
        >
        ${this.pending ? html`<span part="pending" class="pending" aria-hidden="true"></span>` : nothing}
      </span>
      <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
      ${this.panel?.render() ?? nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mini-cart': KioskMiniCart;
  }
}
