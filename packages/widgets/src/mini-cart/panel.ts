import type { Cart, CartLine, KioskClient, KioskError, Money, PointsSummary } from '@kiosk/sdk';
import { isPendingLine } from '@kiosk/sdk';
import {
  adoptStyles,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type ReactiveElement,
} from 'lit';
import { storeId, storeOf } from '../config.js';
import type { ClientController } from '../controllers/client-controller.js';
import {
  FloatingPanelController,
  type Placement,
} from '../controllers/floating-panel-controller.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskCheckoutEvent } from '../events/checkout.js';
import { amountOf, formatMoney, formatNumber } from '../format.js';
import { miniCartPanelStrings } from './i18n/panel/index.js';
import { styles } from './panel.styles.js';
import { type PointsTerms, pointsTerms, pointsWorth } from './points-terms.js';

const MAX_QUANTITY = 999;
const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';
/** Narrower than this, the open cart is a sheet across the bottom of the screen. */
const PHONE = '(max-width: 640px)';

type CheckoutState = 'idle' | 'working' | 'redirecting';

/** What the panel needs from `<kiosk-mini-cart>` (which owns `open`, the trigger and the cart). */
export interface PanelHost {
  element: ReactiveControllerHost &
    ReactiveElement & { open: boolean; placement: Placement; pending: boolean };
  clients: ClientController;
  cart(): Cart | null;
  trigger(): HTMLElement;
  /** The currency the element shows prices in (attribute, store, client), for checkout. */
  currency(): string | undefined;
  close(): void;
  emitError(error: unknown): KioskError;
  navigate(url: string): void;
}

/** The page's scroll, locked while a sheet covers it: by which panel, and what it was before. */
let scrollLock: { by: MiniCartPanel; overflow: string } | undefined;
function lockPageScroll(panel: MiniCartPanel, lock: boolean) {
  const root = document.documentElement;
  if (lock && !scrollLock) {
    scrollLock = { by: panel, overflow: root.style.overflow };
    root.style.overflow = 'hidden';
  } else if (!lock && scrollLock?.by === panel) {
    root.style.overflow = scrollLock.overflow;
    scrollLock = undefined;
  }
}

/**
 * The open cart: a modal `<dialog>` with the lines, points, totals and checkout, rendered into
 * `<kiosk-mini-cart>`'s shadow root. This module (with its strings and styles) is imported the
 * first time a cart opens. On a phone the dialog is a sheet across the bottom of the screen
 * (the page behind it inert and its scroll locked); wider, it is anchored to the trigger.
 * Either way its header and footer (totals, Check out) stay put and only the lines and points
 * scroll.
 */
export class MiniCartPanel implements ReactiveController {
  private readonly i18n: LocalizeController<typeof miniCartPanelStrings.en>;
  private readonly session: StoreController<unknown>;
  private readonly summary: StoreController<PointsSummary | null>;
  private readonly floating: FloatingPanelController;
  private readonly phone = matchMedia(PHONE);

  private announcement = '';
  private lineErrors = new Map<string, string>();
  private pointsInput = '';
  private pointsError = '';
  private redeeming = false;
  private checkoutState: CheckoutState = 'idle';
  private checkoutError: KioskError | undefined;
  private online = globalThis.navigator?.onLine !== false;
  private terms: PointsTerms | null = null;
  private termsFor: KioskClient | undefined;

  constructor(private readonly host: PanelHost) {
    const el = host.element;
    this.i18n = new LocalizeController(el, miniCartPanelStrings);
    this.session = new StoreController(el, host.clients, (c) => c.auth.$session);
    this.summary = new StoreController(el, host.clients, (c) => c.points.$summary);
    this.floating = new FloatingPanelController(el, {
      reference: () => host.trigger(),
      floating: () => this.dialog,
      placement: () => el.placement || 'bottom-end',
    });
    el.addController(this);
    const element = el.constructor as typeof ReactiveElement;
    adoptStyles(el.renderRoot as ShadowRoot, [...element.elementStyles, styles]);
  }

  private get el() {
    return this.host.element;
  }

  private get client(): KioskClient | null {
    return this.host.clients.client;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.el.renderRoot.querySelector('dialog');
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.onNetwork);
    globalThis.addEventListener('offline', this.onNetwork);
    globalThis.addEventListener('pageshow', this.onPageShow);
  }

  /** A signed-in customer's cart shows what points are worth: read the store's terms once. */
  hostUpdate(): void {
    const client = this.client;
    if (!client || !this.session.value || this.termsFor === client) return;
    this.termsFor = client;
    this.terms = null;
    void pointsTerms(client).then((terms) => {
      if (this.termsFor !== client) return;
      // Not read (offline): tried again on the next render the cart has anyway.
      if (!terms) this.termsFor = undefined;
      else {
        this.terms = terms;
        this.el.requestUpdate();
      }
    });
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.onNetwork);
    globalThis.removeEventListener('offline', this.onNetwork);
    globalThis.removeEventListener('pageshow', this.onPageShow);
  }

  private readonly onNetwork = () => {
    this.online = navigator.onLine !== false;
    this.el.requestUpdate();
  };

  /**
   * Back from the hosted checkout page, restored from the back/forward cache: the page is as
   * it was left ("Going to checkout…"), so the cart shows again (the SDK re-reads it: as it
   * was if unpaid, empty once paid).
   */
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && this.checkoutState === 'redirecting') {
      this.checkoutState = 'idle';
      this.el.requestUpdate();
    }
  };

  /** A phone turned or a window resized while open: sheet or anchored panel to match. */
  private readonly onLayoutChange = () => this.layOut();

  /** Resolves once the panel's strings in the element's language are loaded (or failed). */
  ready(): Promise<void> {
    return this.i18n.whenReady();
  }

  /** Opens the dialog (modal) and moves focus into it. */
  show(): void {
    const dialog = this.dialog;
    // Not while its element has left the page (removed while the panel's code loaded).
    if (!dialog || dialog.open || !dialog.isConnected) return;
    dialog.showModal();
    this.layOut();
    this.phone.addEventListener('change', this.onLayoutChange);
    this.focusFirst();
  }

  /** Closes the dialog; focus returns to the trigger when the shopper had it open. */
  close(returnFocus: boolean): void {
    this.phone.removeEventListener('change', this.onLayoutChange);
    this.floating.hide();
    lockPageScroll(this, false);
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    if (returnFocus) this.host.trigger().focus();
  }

  /** Forgets what belonged to the last opening (a checkout error). */
  reset(): void {
    this.checkoutError = undefined;
  }

  private layOut() {
    const dialog = this.dialog;
    if (!dialog?.open) return;
    if (this.phone.matches) {
      this.floating.hide();
      dialog.removeAttribute('data-floating');
      dialog.style.removeProperty('left');
      dialog.style.removeProperty('top');
      dialog.dataset.layout = 'sheet';
      lockPageScroll(this, true);
    } else {
      dialog.dataset.layout = 'anchored';
      lockPageScroll(this, false);
      void this.floating.show();
    }
  }

  private t(
    key: MessageKey<typeof miniCartPanelStrings.en>,
    options?: Record<string, unknown>,
  ): string {
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

  /** Puts a message in the panel's live region. */
  private async announce(message: string) {
    this.announcement = '';
    this.el.requestUpdate();
    await this.el.updateComplete;
    this.announcement = message;
    this.el.requestUpdate();
  }

  private focusables(): HTMLElement[] {
    const dialog = this.dialog;
    if (!dialog) return [];
    return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.getClientRects().length > 0,
    );
  }

  private focusFirst() {
    (this.focusables()[0] ?? this.dialog)?.focus();
  }

  // Arrow functions: lit calls event listeners with the element as `this`, not this panel.
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.host.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = this.focusables();
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const active = (this.el.renderRoot as ShadowRoot).activeElement;
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
  };

  /** A click on the backdrop (outside the panel's box) closes it. */
  private readonly onClick = (event: MouseEvent) => {
    const dialog = this.dialog;
    if (!dialog || event.target !== dialog || event.detail === 0) return;
    const r = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= r.left &&
      event.clientX <= r.right &&
      event.clientY >= r.top &&
      event.clientY <= r.bottom;
    if (!inside) this.host.close();
  };

  private setLineError(lineId: string, message: string | undefined) {
    const errors = new Map(this.lineErrors);
    if (message) errors.set(lineId, message);
    else errors.delete(lineId);
    this.lineErrors = errors;
    this.el.requestUpdate();
  }

  private maxFor(line: CartLine): number {
    return Math.max(1, Math.min(MAX_QUANTITY, Math.max(line.available, line.quantity)));
  }

  private async setQuantity(line: CartLine, value: number) {
    const client = this.client;
    if (!client || isPendingLine(line)) return;
    const max = Math.min(MAX_QUANTITY, line.available);
    const quantity = Number.isFinite(value) ? Math.max(1, Math.min(max, Math.trunc(value))) : 1;
    if (quantity === line.quantity || quantity < 1) {
      this.el.requestUpdate(); // puts a clamped input back
      return;
    }
    this.setLineError(line.id, undefined);
    try {
      await client.cart.update(line.id, quantity);
      void this.announce(this.t('updated', { title: line.title, quantity: this.num(quantity) }));
    } catch (error) {
      const e = this.host.emitError(error);
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
    const client = this.client;
    if (!client || isPendingLine(line)) return;
    this.setLineError(line.id, undefined);
    const removal = client.cart.remove(line.id);
    // The line leaves at once (optimistically): keep focus in the panel, on the next line.
    await this.el.updateComplete;
    const removes = [...(this.dialog?.querySelectorAll<HTMLElement>('[part~="remove"]') ?? [])];
    (removes[Math.min(index, removes.length - 1)] ?? this.focusables()[0] ?? this.dialog)?.focus();
    try {
      await removal;
      void this.announce(this.t('removed', { title: line.title }));
    } catch (error) {
      const e = this.host.emitError(error);
      const message = e.status === 0 ? this.t('error.network') : this.t('updateFailed');
      this.setLineError(line.id, message);
      void this.announce(message);
    }
  }

  private pointsMessage(e: KioskError): string {
    const max = (e.details as { maxPoints?: number } | undefined)?.maxPoints;
    if (e.code === 'points_limit_exceeded' && typeof max === 'number') {
      return this.t('points.limit', { count: max, n: this.num(max) });
    }
    if (e.code === 'insufficient_points') return this.t('points.insufficient');
    if (e.code === 'unauthenticated') return this.t('points.signIn');
    if (e.code === 'validation_failed') return this.t('points.invalid');
    if (e.status === 0) return this.t('error.network');
    return this.t('points.failed');
  }

  /**
   * Applies `points` to the cart. With `upToMax`, what the server refuses as too many becomes
   * the most it allows: it alone knows the limit (its rates, `maxRedeemPercent`) and what this
   * cart's unpaid order already holds, and says both in its refusal.
   */
  private async redeem(points: number, upToMax = false) {
    const client = this.client;
    if (!client) return;
    const balance = this.summary.value?.balance ?? client.points.$balance.get() ?? 0;
    if (!Number.isInteger(points) || points < 0) {
      this.pointsError = this.t('points.invalid');
      this.el.requestUpdate();
      return;
    }
    if (!upToMax && points > balance) {
      this.pointsError = this.t('points.tooMany', { count: balance, n: this.num(balance) });
      this.el.requestUpdate();
      return;
    }
    this.pointsError = '';
    this.redeeming = true;
    this.el.requestUpdate();
    try {
      let want = points;
      for (;;) {
        try {
          await client.cart.redeemPoints(want);
          break;
        } catch (error) {
          const e = error as KioskError;
          const details = e.details as { maxPoints?: number; balance?: number } | undefined;
          const allowed =
            e.code === 'points_limit_exceeded'
              ? details?.maxPoints
              : e.code === 'insufficient_points'
                ? details?.balance
                : undefined;
          if (!upToMax || typeof allowed !== 'number' || allowed >= want) throw error;
          want = allowed;
        }
      }
      this.pointsInput = '';
      void this.announce(
        want === 0
          ? this.t('points.removed')
          : this.t('points.applied', { count: want, n: this.num(want) }),
      );
    } catch (error) {
      this.pointsError = this.pointsMessage(this.host.emitError(error));
    } finally {
      this.redeeming = false;
      this.el.requestUpdate();
    }
  }

  private readonly onPointsSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const raw = this.pointsInput.trim();
    void this.redeem(raw === '' ? Number.NaN : Number(raw));
  };

  private async checkout() {
    const client = this.client;
    const cart = this.host.cart();
    if (!client || !cart || cart.lines.length === 0 || this.checkoutState !== 'idle') return;
    this.checkoutError = undefined;
    if (!this.el.dispatchEvent(new KioskCheckoutEvent({ cart }))) return;
    this.checkoutState = 'working';
    this.el.requestUpdate();
    try {
      // The hosted page leads back to this page as it is now, speaks this element's language
      // (and direction) and knows the currency it showed.
      const { checkoutUrl } = await client.cart.checkout({
        returnTo: location.href,
        locale: this.i18n.locale,
        currency: this.host.currency(),
      });
      this.checkoutState = 'redirecting';
      this.host.navigate(checkoutUrl);
    } catch (error) {
      this.checkoutError = this.host.emitError(error);
      this.checkoutState = 'idle';
      void this.announce(this.checkoutMessage(this.checkoutError));
    } finally {
      this.el.requestUpdate();
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

  /**
   * Whether the page offers a way to sign in to this cart's store: a `<kiosk-login-button>`
   * that uses the same store. A second store's cart (inside another `<kiosk-store>`) on a page
   * whose sign-in belongs to the first store does not ask its shoppers to sign in.
   */
  private canSignIn(): boolean {
    const client = this.client;
    if (!client) return false;
    return [...document.querySelectorAll('kiosk-login-button')].some(
      (button) => storeOf(button) === storeId(client),
    );
  }

  render() {
    const ready = this.i18n.ready;
    return html`<dialog
      part="panel"
      class="panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="title"
      lang=${this.i18n.lang}
      @keydown=${this.onKeydown}
      @click=${this.onClick}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.host.close();
      }}
    >
      <div part="header" class="header">
        <h2 id="title" part="title" class="title">${ready ? this.t('title') : ''}</h2>
        <button
          part="close"
          class="close"
          type="button"
          aria-label=${ready ? this.t('close') : nothing}
          @click=${() => this.host.close()}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"></path></svg>
        </button>
      </div>
      ${this.renderContent(this.host.cart(), ready)}
      <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
    </dialog>`;
  }

  private renderContent(cart: Cart | null, ready: boolean) {
    if (!ready) {
      return html`<div part="body" class="body loading" aria-busy="true">
        <span class="placeholder line"></span><span class="placeholder line"></span>
      </div>`;
    }
    if (!this.client) {
      return html`<p class="body error" part="error" role="alert">${this.t('error.notConfigured')}</p>`;
    }
    if (this.checkoutState === 'redirecting') {
      return html`<p part="body" class="body busy" aria-busy="true">${this.t('checkingOut')}</p>`;
    }
    const notice = !this.online
      ? this.t('offline')
      : this.host.element.pending
        ? this.t('saving')
        : '';
    const lines = cart?.lines ?? [];
    return html`${notice ? html`<p part="notice" class="notice">${notice}</p>` : nothing}
      ${
        lines.length === 0
          ? html`<div part="body" class="body">
              <div part="empty" class="empty">
                <p class="empty-title">${this.t('empty')}</p>
                <p class="hint">${this.t('emptyHint')}</p>
                <slot name="empty"></slot>
              </div>
            </div>`
          : html`<div part="body" class="body">
                <ul part="lines" class="lines">
                  ${lines.map((line, i) => this.renderLine(line, i))}
                </ul>
                ${this.renderPoints(cart!)}
              </div>
              <div part="footer" class="footer">${this.renderSummary(cart!)}</div>`
      }`;
  }

  private renderLine(line: CartLine, index: number) {
    const pendingLine = isPendingLine(line);
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
              alt=${line.image.alt || line.title}
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

  /** "You'll earn N points" when the server says how many (`pointsToEarn`, 0 for guests). */
  private renderEarn(cart: Cart) {
    const earn = cart.pointsToEarn;
    if (!(earn > 0)) return nothing;
    return html`<p class="earn">${this.t('points.earn', { count: earn, n: this.num(earn) })}</p>`;
  }

  private renderWorth(points: number) {
    if (!this.terms || points <= 0) return nothing;
    const value = this.money(pointsWorth(points, this.terms));
    return html`<p id="points-worth" class="worth">
      ${this.t('points.worth', { count: points, n: this.num(points), value })}
    </p>`;
  }

  private renderPoints(cart: Cart) {
    if (!this.session.value) {
      // Only where this store has a sign-in on the page; a second store's cart stays quiet.
      return this.canSignIn()
        ? html`<p part="points" class="points guest">${this.t('points.guest')}</p>`
        : nothing;
    }
    const summary = this.summary.value ?? null;
    // The balance the server reports is what can be spent: points held by unpaid orders
    // (redeemed at checkout, given back if the order expires) are already taken off.
    const balance = Math.max(0, summary?.balance ?? 0);
    const title = html`<h3 id="points-title" class="points-title">${this.t('points.title')}</h3>`;
    if (summary && balance === 0 && cart.pointsRedeemed === 0) {
      return html`<section part="points" class="points" aria-labelledby="points-title">
        ${title}
        <p class="balance">${this.t('points.none')}</p>
        <p class="hint">${this.t('points.howToEarn')}</p>
        ${this.renderEarn(cart)}
      </section>`;
    }
    const typed = Number(this.pointsInput.trim());
    const worthOf = this.pointsInput.trim() && Number.isInteger(typed) ? typed : balance;
    const describedBy = [
      this.pointsError ? 'points-error' : '',
      this.terms && worthOf > 0 ? 'points-worth' : '',
    ].filter(Boolean);
    return html`<section part="points" class="points" aria-labelledby="points-title">
      ${title}
      <p class="balance">
        ${
          summary
            ? html`${this.t('points.balance', { count: balance, n: this.num(balance) })}${
                summary.tier.name
                  ? html`${' · '}<span class="tier">${this.t('points.tier', { tier: summary.tier.name })}</span>`
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
      ${
        balance > 0
          ? html`<form class="redeem" novalidate @submit=${this.onPointsSubmit}>
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
                aria-describedby=${describedBy.length ? describedBy.join(' ') : nothing}
                @input=${(e: Event) => {
                  this.pointsInput = (e.target as HTMLInputElement).value;
                  this.el.requestUpdate();
                }}
              />
              <button type="submit" aria-disabled=${this.redeeming ? 'true' : 'false'}>
                ${this.redeeming ? this.t('points.applying') : this.t('points.apply')}
              </button>
              <button
                type="button"
                class="use-all"
                aria-disabled=${this.redeeming ? 'true' : 'false'}
                @click=${() => !this.redeeming && this.redeem(balance + cart.pointsRedeemed, true)}
              >
                ${this.t('points.useAll')}
              </button>
            </form>
            ${this.renderWorth(worthOf)}`
          : nothing
      }
      ${
        this.pointsError
          ? html`<p id="points-error" part="error" class="error" role="alert">${this.pointsError}</p>`
          : nothing
      }
      ${this.renderEarn(cart)}
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
