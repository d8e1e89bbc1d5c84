import type { Placement } from '@floating-ui/dom';
import type { Cart, CartLine, KioskError, Money, PointsSummary } from '@kiosk/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FloatingPanelController } from '../controllers/floating-panel-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskCartChangeEvent } from '../events/cart-change.js';
import { KioskCheckoutEvent } from '../events/checkout.js';
import { amountOf, formatMoney, formatNumber } from '../format.js';
import { KioskElement } from '../kiosk-element.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { miniCartStrings } from './i18n/index.js';
import { styles } from './mini-cart.styles.js';

const MAX_QUANTITY = 999;
const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

type CheckoutState = 'idle' | 'working' | 'redirecting';

/**
 * @summary A cart button with a live item count, opening a panel (a modal dialog anchored to
 * the button) with the cart's lines, quantity steppers, remove, points redemption for
 * signed-in customers, subtotal, discount, total and checkout. The panel's positioning code
 * (floating-ui) is downloaded the first time the cart opens.
 *
 * @event {KioskCartChangeEvent} kiosk-cart-change - The cart changed (lines, quantities, points, emptied once its order is paid): `{ cart }`.
 * @event {KioskCheckoutEvent} kiosk-checkout - The shopper pressed Check out: `{ cart }`. Cancelable: call `preventDefault()` to run checkout yourself; otherwise the element calls `client.cart.checkout()` and goes to the hosted checkout page (in the element's language, with a link back to this page). The cart stays until the order is paid.
 * @event {KioskErrorEvent} kiosk-error - Something failed (`{ error }`, a KioskError); the cart shows it too.
 *
 * @slot trigger-icon - Replaces the cart icon in the trigger button.
 * @slot empty - Extra content for the empty cart (a link to the shop, say).
 *
 * @csspart trigger - The button that opens the cart.
 * @csspart badge - The item count on the trigger.
 * @csspart pending - The dot on the trigger while changes wait to be saved (offline).
 * @csspart panel - The dialog.
 * @csspart header - The dialog's header (title and close button).
 * @csspart title - The dialog's title.
 * @csspart close - The close button.
 * @csspart notice - The offline / saving notice.
 * @csspart lines - The list of lines.
 * @csspart line - One line.
 * @csspart line-image - A line's image.
 * @csspart line-title - A line's product title.
 * @csspart line-variant - A line's variant title.
 * @csspart line-price - A line's unit price.
 * @csspart line-total - A line's total.
 * @csspart quantity - A line's quantity stepper (group of −, input, +).
 * @csspart remove - A line's remove button.
 * @csspart empty - The empty state.
 * @csspart points - The points section.
 * @csspart summary - Subtotal, discount and total.
 * @csspart total - The total row.
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
 * @cssprop --kiosk-mini-cart-panel-width - Panel inline size (default min(24rem, 100vw - 1rem)).
 * @cssprop --kiosk-mini-cart-panel-background - Panel background (default the surface token).
 * @cssprop --kiosk-mini-cart-panel-radius - Panel corner radius.
 * @cssprop --kiosk-mini-cart-panel-shadow - Panel shadow.
 * @cssprop --kiosk-mini-cart-panel-padding - Panel inner padding (default 1rem).
 * @cssprop --kiosk-mini-cart-backdrop - Backdrop behind the open panel (default a light veil).
 * @cssprop --kiosk-mini-cart-image-size - Line image size (default 4rem).
 * @cssprop --kiosk-mini-cart-checkout-background - Checkout button background.
 * @cssprop --kiosk-mini-cart-checkout-color - Checkout button text colour.
 */
export class KioskMiniCart extends KioskElement {
  static override styles = [sharedStyles, styles];

  /** Whether the panel is open. Set or remove it to open or close the cart from outside. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Where the panel sits relative to the trigger (floating-ui placement; start/end follow RTL). */
  @property({ reflect: true }) placement: Placement = 'bottom-end';

  /** Present while cart changes wait to be sent (offline). Read-only. */
  @property({ type: Boolean, reflect: true }) pending = false;

  @state() private announcement = '';
  @state() private panelAnnouncement = '';
  @state() private lineErrors = new Map<string, string>();
  @state() private pointsInput = '';
  @state() private pointsError = '';
  @state() private redeeming = false;
  @state() private checkoutState: CheckoutState = 'idle';
  @state() private checkoutError: KioskError | undefined;
  @state() private online = globalThis.navigator?.onLine !== false;

  @query('.trigger') private trigger!: HTMLButtonElement;
  @query('dialog') private panel!: HTMLDialogElement;

  private readonly i18n = new LocalizeController(this, miniCartStrings);
  private readonly cart = new StoreController(this, this.kiosk, (c) => c.cart.$cart);
  private readonly queued = new StoreController(this, this.kiosk, (c) => c.cart.$pending);
  private readonly session = new StoreController(this, this.kiosk, (c) => c.auth.$session);
  private readonly summary = new StoreController(this, this.kiosk, (c) => c.points.$summary);
  private readonly floating = new FloatingPanelController(this, {
    reference: () => this.trigger,
    floating: () => this.panel,
    placement: () => this.placement || 'bottom-end',
  });

  /** The last cart seen, to tell changes apart (undefined until the first value). */
  private seenCart: Cart | null | undefined = undefined;
  private seenCount: number | undefined;
  private readonly onNetwork = () => {
    this.online = navigator.onLine !== false;
  };
  /**
   * Back from the hosted checkout page, restored from the back/forward cache: the page is as
   * it was left ("Going to checkout…"), so the cart shows again (the SDK re-reads it: as it
   * was if unpaid, empty once paid).
   */
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && this.checkoutState === 'redirecting') this.checkoutState = 'idle';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.onNetwork);
    globalThis.addEventListener('offline', this.onNetwork);
    globalThis.addEventListener('pageshow', this.onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.onNetwork);
    globalThis.removeEventListener('offline', this.onNetwork);
    globalThis.removeEventListener('pageshow', this.onPageShow);
    if (this.panel?.open) this.panel.close();
  }

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.pending = (this.queued.value ?? 0) > 0;
    const cart = this.cart.value;
    if (cart !== undefined && cart !== this.seenCart) {
      const first = this.seenCart === undefined;
      this.seenCart = cart;
      if (!first) this.dispatchEvent(new KioskCartChangeEvent({ cart }));
    }
    const count = cart?.itemCount ?? 0;
    if (cart !== undefined && count !== this.seenCount) {
      if (this.seenCount !== undefined && !this.open) {
        void this.announce(this.t('count', { count, n: this.num(count) }));
      }
      this.seenCount = count;
    }
    if (changed.has('open') && !this.open) this.checkoutError = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const wasOpen = changed.get('open') === true;
    if (this.open && !this.panel.open) {
      this.panel.showModal();
      void this.floating.show();
      this.focusFirst();
    } else if (!this.open && this.panel.open) {
      this.floating.hide();
      this.panel.close();
      if (wasOpen) this.trigger.focus();
    }
  }

  private t(key: string, options?: Record<string, unknown>): string {
    return this.i18n.t(key, options);
  }

  private num(n: number): string {
    return formatNumber(n, this.i18n.locale);
  }

  private money(m: Money): string {
    try {
      return formatMoney(m, this.i18n.locale);
    } catch {
      return `${m.amount} ${m.currency}`;
    }
  }

  /** Puts a message in the live region (outside the panel when closed, inside when open). */
  private async announce(message: string) {
    const inside = this.open;
    this.announcement = '';
    this.panelAnnouncement = '';
    await this.updateComplete;
    if (inside) this.panelAnnouncement = message;
    else this.announcement = message;
  }

  private focusables(): HTMLElement[] {
    return [...this.panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.getClientRects().length > 0,
    );
  }

  private focusFirst() {
    (this.focusables()[0] ?? this.panel).focus();
  }

  private onPanelKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.open = false;
      return;
    }
    if (event.key !== 'Tab') return;
    const items = this.focusables();
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const active = this.shadowRoot!.activeElement;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const inside = active instanceof HTMLElement && items.includes(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  /** A click on the backdrop (outside the panel's box) closes it. */
  private onPanelClick(event: MouseEvent) {
    if (event.target !== this.panel || event.detail === 0) return;
    const r = this.panel.getBoundingClientRect();
    const inside =
      event.clientX >= r.left &&
      event.clientX <= r.right &&
      event.clientY >= r.top &&
      event.clientY <= r.bottom;
    if (!inside) this.open = false;
  }

  private setLineError(lineId: string, message: string | undefined) {
    const errors = new Map(this.lineErrors);
    if (message) errors.set(lineId, message);
    else errors.delete(lineId);
    this.lineErrors = errors;
  }

  private maxFor(line: CartLine): number {
    return Math.max(1, Math.min(MAX_QUANTITY, Math.max(line.available, line.quantity)));
  }

  private async setQuantity(line: CartLine, value: number) {
    const client = this.kiosk.client;
    if (!client || line.id.startsWith('pending:')) return;
    const max = Math.min(MAX_QUANTITY, line.available);
    const quantity = Number.isFinite(value) ? Math.max(1, Math.min(max, Math.trunc(value))) : 1;
    if (quantity === line.quantity || quantity < 1) {
      this.requestUpdate(); // puts a clamped input back
      return;
    }
    this.setLineError(line.id, undefined);
    try {
      await client.cart.update(line.id, quantity);
      void this.announce(this.t('updated', { title: line.title, quantity: this.num(quantity) }));
    } catch (error) {
      const e = this.emitError(error);
      const stock = e.code === 'out_of_stock' || e.code === 'quantity_limit_exceeded';
      const message = stock
        ? this.t('notEnoughStock', { count: line.available, n: this.num(line.available) })
        : e.status === 0
          ? this.t('error.network')
          : this.t('updateFailed');
      this.setLineError(line.id, message);
      void this.announce(message);
    }
  }

  private async removeLine(line: CartLine, index: number) {
    const client = this.kiosk.client;
    if (!client || line.id.startsWith('pending:')) return;
    this.setLineError(line.id, undefined);
    const removal = client.cart.remove(line.id);
    // The line leaves at once (optimistically): keep focus in the panel, on the next line.
    await this.updateComplete;
    const removes = [...this.panel.querySelectorAll<HTMLElement>('[part~="remove"]')];
    (removes[Math.min(index, removes.length - 1)] ?? this.focusables()[0] ?? this.panel).focus();
    try {
      await removal;
      void this.announce(this.t('removed', { title: line.title }));
    } catch (error) {
      const e = this.emitError(error);
      const message = e.status === 0 ? this.t('error.network') : this.t('updateFailed');
      this.setLineError(line.id, message);
      void this.announce(message);
    }
  }

  private async redeem(points: number) {
    const client = this.kiosk.client;
    const balance = this.summary.value?.balance ?? client?.points.$balance.get() ?? 0;
    if (!client) return;
    if (!Number.isInteger(points) || points < 0) {
      this.pointsError = this.t('points.invalid');
      return;
    }
    if (points > balance) {
      this.pointsError = this.t('points.tooMany', { count: balance, n: this.num(balance) });
      return;
    }
    this.pointsError = '';
    this.redeeming = true;
    try {
      await client.cart.redeemPoints(points);
      this.pointsInput = '';
      void this.announce(
        points === 0
          ? this.t('points.removed')
          : this.t('points.applied', { count: points, n: this.num(points) }),
      );
    } catch (error) {
      const e = this.emitError(error);
      const max = (e.details as { maxPoints?: number } | undefined)?.maxPoints;
      this.pointsError =
        e.code === 'points_limit_exceeded' && typeof max === 'number'
          ? this.t('points.limit', { count: max, n: this.num(max) })
          : e.code === 'insufficient_points'
            ? this.t('points.insufficient')
            : e.code === 'unauthenticated'
              ? this.t('points.signIn')
              : e.code === 'validation_failed'
                ? this.t('points.invalid')
                : e.status === 0
                  ? this.t('error.network')
                  : this.t('points.failed');
    } finally {
      this.redeeming = false;
    }
  }

  private onPointsSubmit(event: SubmitEvent) {
    event.preventDefault();
    const raw = this.pointsInput.trim();
    void this.redeem(raw === '' ? Number.NaN : Number(raw));
  }

  private async checkout() {
    const client = this.kiosk.client;
    const cart = this.cart.value;
    if (!client || !cart || cart.lines.length === 0 || this.checkoutState !== 'idle') return;
    this.checkoutError = undefined;
    if (!this.dispatchEvent(new KioskCheckoutEvent({ cart }))) return;
    this.checkoutState = 'working';
    try {
      // The hosted page speaks this element's language, knows its currency, leads back here.
      const { checkoutUrl } = await client.cart.checkout({
        locale: this.i18n.locale,
        currency: this.preferredCurrency,
      });
      this.checkoutState = 'redirecting';
      this.navigate(checkoutUrl);
    } catch (error) {
      this.checkoutError = this.emitError(error);
      this.checkoutState = 'idle';
      void this.announce(this.checkoutMessage(this.checkoutError));
    }
  }

  private checkoutMessage(e: KioskError): string {
    if (e.code === 'offline' || e.status === 0) return this.t('checkoutOffline');
    if (e.code === 'empty_cart') return this.t('checkoutEmpty');
    if (e.code === 'out_of_stock' || e.code === 'quantity_limit_exceeded') {
      return this.t('checkoutStock');
    }
    return this.t('checkoutFailed');
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
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-label=${label || nothing}
        aria-busy=${ready ? 'false' : 'true'}
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
      <dialog
        part="panel"
        class="panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="title"
        lang=${this.i18n.lang}
        @keydown=${this.onPanelKeydown}
        @click=${this.onPanelClick}
        @cancel=${(e: Event) => {
          e.preventDefault();
          this.open = false;
        }}
      >
        <header part="header" class="header">
          <h2 id="title" part="title" class="title">${ready ? this.t('title') : ''}</h2>
          <button
            part="close"
            class="close"
            type="button"
            aria-label=${ready ? this.t('close') : nothing}
            @click=${() => {
              this.open = false;
            }}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"></path></svg>
          </button>
        </header>
        ${this.renderBody(cart, ready)}
        <p part="status" class="visually-hidden" role="status">${this.panelAnnouncement}</p>
      </dialog>`;
  }

  private renderBody(cart: Cart | null, ready: boolean) {
    if (!ready) {
      return html`<div class="body loading" aria-busy="true">
        <span class="placeholder line"></span><span class="placeholder line"></span>
      </div>`;
    }
    if (!this.kiosk.client) {
      return html`<p class="error" part="error" role="alert">${this.t('error.notConfigured')}</p>`;
    }
    if (this.checkoutState === 'redirecting') {
      return html`<p class="body busy" aria-busy="true">${this.t('checkingOut')}</p>`;
    }
    const notice = !this.online ? this.t('offline') : this.pending ? this.t('saving') : '';
    const lines = cart?.lines ?? [];
    return html`${notice ? html`<p part="notice" class="notice">${notice}</p>` : nothing}
      ${
        lines.length === 0
          ? html`<div part="empty" class="empty">
              <p class="empty-title">${this.t('empty')}</p>
              <p class="hint">${this.t('emptyHint')}</p>
              <slot name="empty"></slot>
            </div>`
          : html`<ul part="lines" class="lines">
                ${lines.map((line, i) => this.renderLine(line, i))}
              </ul>
              ${this.renderPoints(cart!)} ${this.renderSummary(cart!)}`
      }`;
  }

  private renderLine(line: CartLine, index: number) {
    const pendingLine = line.id.startsWith('pending:');
    const max = this.maxFor(line);
    const atMin = line.quantity <= 1;
    const atMax = line.quantity >= Math.min(MAX_QUANTITY, line.available);
    const error = this.lineErrors.get(line.id);
    const id = `q-${index}`;
    return html`<li part="line" class="line" data-line=${line.id}>
      ${
        line.image
          ? html`<img
              part="line-image"
              class="line-image"
              src=${line.image.url}
              alt=""
              width="64"
              height="64"
              loading="lazy"
              decoding="async"
            />`
          : html`<span part="line-image" class="line-image"></span>`
      }
      <div class="line-info">
        <p part="line-title" class="line-title">${line.title}</p>
        ${
          line.variantTitle
            ? html`<p part="line-variant" class="line-variant">${line.variantTitle}</p>`
            : nothing
        }
        <p part="line-price" class="line-price">
          ${this.t('line.each', { price: this.money(line.unitPrice) })}
        </p>
        ${line.available <= 0 ? html`<p class="line-note">${this.t('line.soldOut')}</p>` : nothing}
      </div>
      <p part="line-total" class="line-total">${this.money(line.lineTotal)}</p>
      <div
        part="quantity"
        class="stepper"
        role="group"
        aria-label=${this.t('line.quantity', { title: line.title })}
      >
        <button
          type="button"
          class="dec"
          aria-label=${this.t('line.decrease', { title: line.title })}
          aria-disabled=${atMin || pendingLine ? 'true' : 'false'}
          @click=${() => !atMin && this.setQuantity(line, line.quantity - 1)}
        >
          −
        </button>
        <input
          id=${id}
          type="number"
          inputmode="numeric"
          min="1"
          max=${max}
          .value=${String(line.quantity)}
          aria-label=${this.t('line.quantity', { title: line.title })}
          ?readonly=${pendingLine}
          @change=${(e: Event) => this.setQuantity(line, Number((e.target as HTMLInputElement).value))}
        />
        <button
          type="button"
          class="inc"
          aria-label=${this.t('line.increase', { title: line.title })}
          aria-disabled=${atMax || pendingLine ? 'true' : 'false'}
          @click=${() => !atMax && this.setQuantity(line, line.quantity + 1)}
        >
          +
        </button>
      </div>
      <button
        part="remove"
        class="remove"
        type="button"
        aria-label=${this.t('line.remove', { title: line.title })}
        aria-disabled=${pendingLine ? 'true' : 'false'}
        @click=${() => this.removeLine(line, index)}
      >
        ${this.t('line.removeShort')}
      </button>
      ${
        atMax && line.available > 0 && line.available < MAX_QUANTITY
          ? html`<p class="line-note">
              ${this.t('line.max', { count: line.available, n: this.num(line.available) })}
            </p>`
          : nothing
      }
      ${error ? html`<p part="error" class="error line-error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private renderPoints(cart: Cart) {
    if (!this.session.value) {
      return html`<p part="points" class="points guest">${this.t('points.guest')}</p>`;
    }
    const summary: PointsSummary | null = this.summary.value ?? null;
    const balance = summary?.balance ?? 0;
    return html`<section part="points" class="points" aria-labelledby="points-title">
      <h3 id="points-title" class="points-title">${this.t('points.title')}</h3>
      <p class="balance">
        ${
          summary
            ? html`${this.t('points.balance', { count: balance, n: this.num(balance) })}${
                summary.tier.name
                  ? html` · <span class="tier">${this.t('points.tier', { tier: summary.tier.name })}</span>`
                  : nothing
              }`
            : html`<span class="placeholder line"></span>`
        }
      </p>
      ${
        cart.pointsRedeemed > 0
          ? html`<p class="applied">
              ${this.t('points.applied', { count: cart.pointsRedeemed, n: this.num(cart.pointsRedeemed) })}
              <button
                type="button"
                class="link"
                aria-disabled=${this.redeeming ? 'true' : 'false'}
                @click=${() => !this.redeeming && this.redeem(0)}
              >
                ${this.t('points.remove')}
              </button>
            </p>`
          : nothing
      }
      <form class="redeem" novalidate @submit=${this.onPointsSubmit}>
        <label for="points-input">${this.t('points.label')}</label>
        <input
          id="points-input"
          name="points"
          type="number"
          inputmode="numeric"
          min="0"
          step="1"
          max=${balance}
          .value=${this.pointsInput}
          aria-invalid=${this.pointsError ? 'true' : 'false'}
          aria-describedby=${this.pointsError ? 'points-error' : nothing}
          @input=${(e: Event) => {
            this.pointsInput = (e.target as HTMLInputElement).value;
          }}
        />
        <button type="submit" aria-disabled=${this.redeeming ? 'true' : 'false'}>
          ${this.redeeming ? this.t('points.applying') : this.t('points.apply')}
        </button>
      </form>
      ${
        this.pointsError
          ? html`<p id="points-error" part="error" class="error" role="alert">${this.pointsError}</p>`
          : nothing
      }
    </section>`;
  }

  private renderSummary(cart: Cart) {
    const working = this.checkoutState !== 'idle';
    const e = this.checkoutError;
    // What points take off depends on the store's rates and limits, which only the server
    // applies: while it answers, the discount and total show a pending state, not old figures.
    const updating = this.redeeming;
    const pending = html`<span class="placeholder line"></span
      ><span class="visually-hidden">${this.t('summary.updating')}</span>`;
    return html`<dl
        part="summary"
        class="summary"
        aria-label=${this.t('summary.label')}
        aria-busy=${updating ? 'true' : 'false'}
      >
        <div class="row">
          <dt>${this.t('summary.subtotal')}</dt>
          <dd>${this.money(cart.subtotal)}</dd>
        </div>
        ${
          updating || amountOf(cart.discount) > 0
            ? html`<div class="row discount">
                <dt>${this.t('summary.discount')}</dt>
                <dd>${updating ? pending : `−${this.money(cart.discount)}`}</dd>
              </div>`
            : nothing
        }
        <div class="row total" part="total">
          <dt>${this.t('summary.total')}</dt>
          <dd>${updating ? pending : this.money(cart.total)}</dd>
        </div>
      </dl>
      ${
        e
          ? html`<div part="error" class="error" role="alert">
              <span>${this.checkoutMessage(e)}</span>
              <button type="button" class="retry" @click=${() => this.checkout()}>
                ${this.t('retry')}
              </button>
            </div>`
          : nothing
      }
      <button
        part="checkout"
        class="checkout"
        type="button"
        aria-disabled=${working ? 'true' : 'false'}
        @click=${() => this.checkout()}
      >
        ${working ? this.t('checkingOut') : this.t('checkout')}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mini-cart': KioskMiniCart;
  }
}
