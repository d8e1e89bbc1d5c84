import type { Cart, KioskClient, KioskError, Money } from '@kiosk/sdk';
import {
  adoptStyles,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type ReactiveElement,
} from 'lit';
import type { ClientController } from '../controllers/client-controller.js';
import type { Placement } from '../controllers/floating-panel-controller.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { ModalController } from '../controllers/modal-controller.js';
import { formatNumber, moneyText } from '../format.js';
import { stepperStyles } from '../quantity-stepper.js';
import { CartLines } from './cart-lines.js';
import { linesStyles } from './cart-lines.styles.js';
import { CartSummary } from './cart-summary.js';
import { summaryStyles } from './cart-summary.styles.js';
import { miniCartPanelStrings } from './i18n/panel/index.js';
import { styles } from './panel.styles.js';
import { PointsForm } from './points-form.js';
import { pointsStyles } from './points-form.styles.js';

/**
 * What the panel needs from `<kiosk-mini-cart>`, which owns `open` (the panel follows it and
 * sets it false when the shopper closes the dialog), the trigger and the cart.
 */
export interface PanelHost {
  element: ReactiveControllerHost &
    ReactiveElement & { open: boolean; placement: Placement; pending: boolean };
  clients: ClientController;
  cart(): Cart | null;
  trigger(): HTMLElement;
  /** The currency the element shows prices in (attribute, store, client), for checkout. */
  currency(): string | undefined;
  emitError(error: unknown): KioskError;
  navigate(url: string): void;
}

type PanelKey = MessageKey<typeof miniCartPanelStrings.en>;

/**
 * The open cart: a modal `<dialog>` (ModalController: a sheet on phones, anchored to the
 * trigger otherwise) rendered into `<kiosk-mini-cart>`'s shadow root, holding its parts: the
 * lines, the points form, the summary with Check out. This module (with its parts, strings and
 * styles) is imported the first time a cart opens. The header and footer (totals, Check out)
 * stay put; only the lines and points scroll. The parts speak through the panel: its strings,
 * number and money formats, and one live region.
 */
export class MiniCartPanel implements ReactiveController {
  readonly i18n: LocalizeController<typeof miniCartPanelStrings.en>;
  readonly modal: ModalController;
  private readonly lines: CartLines;
  private readonly points: PointsForm;
  private readonly summary: CartSummary;

  private announcement = '';
  private online = globalThis.navigator?.onLine !== false;
  /** Whether the dialog is open: it follows the element's `open`. */
  private shown = false;

  constructor(readonly host: PanelHost) {
    const el = host.element;
    this.i18n = new LocalizeController(el, miniCartPanelStrings);
    this.modal = new ModalController(el, {
      dialog: () => el.renderRoot.querySelector('dialog'),
      trigger: () => host.trigger(),
      placement: () => el.placement || 'bottom-end',
      requestClose: () => this.close(),
    });
    this.lines = new CartLines(this);
    this.points = new PointsForm(this);
    this.summary = new CartSummary(this);
    el.addController(this);
    const element = el.constructor as typeof ReactiveElement;
    adoptStyles(el.renderRoot as ShadowRoot, [
      ...element.elementStyles,
      stepperStyles,
      styles,
      linesStyles,
      pointsStyles,
      summaryStyles,
    ]);
  }

  get el() {
    return this.host.element;
  }

  get client(): KioskClient | null {
    return this.host.clients.client;
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.onNetwork);
    globalThis.addEventListener('offline', this.onNetwork);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.onNetwork);
    globalThis.removeEventListener('offline', this.onNetwork);
    this.shown = false; // the modal closed the dialog
  }

  /**
   * Opens the dialog when the element's `open` turns true (moving focus into it) and closes it
   * when it turns false (focus back on the trigger, the last opening's checkout error gone).
   * The first opening in another language waits for the panel's strings (one request beside
   * the module's): the dialog opens translated, not as a placeholder.
   */
  hostUpdated(): void {
    const { open } = this.el;
    if (open && !this.shown && this.i18n.ready) {
      this.shown = true;
      this.modal.show();
      this.points.opened();
      this.summary.opened();
    } else if (!open && this.shown) {
      this.shown = false;
      this.modal.close(true);
      this.summary.reset();
    }
  }

  /** The shopper closed the dialog (close button, Escape, backdrop). */
  private close() {
    this.el.open = false;
  }

  private readonly onNetwork = () => {
    this.online = navigator.onLine !== false;
    this.el.requestUpdate();
  };

  t(key: PanelKey, options?: Record<string, unknown>): string {
    return this.i18n.t(key, options);
  }

  num(n: number): string {
    return formatNumber(n, this.i18n.locale);
  }

  money(m: Money): string {
    return moneyText(m, this.i18n.locale);
  }

  /** Puts a message in the panel's live region (emptied first, so a repeat is heard again). */
  async announce(message: string) {
    this.announcement = '';
    this.el.requestUpdate();
    await this.el.updateComplete;
    this.announcement = message;
    this.el.requestUpdate();
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
    >
      <div part="header" class="header">
        <h2 id="title" part="title" class="title">${ready ? this.t('title') : ''}</h2>
        <button
          part="close"
          class="close"
          type="button"
          aria-label=${ready ? this.t('close') : nothing}
          @click=${() => this.close()}
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
    if (this.summary.redirecting) {
      return html`<p part="body" class="body busy" aria-busy="true">${this.t('checkingOut')}</p>`;
    }
    const notice = !this.online ? this.t('offline') : this.el.pending ? this.t('saving') : '';
    return html`${notice ? html`<p part="notice" class="notice">${notice}</p>` : nothing}
      ${
        cart?.lines.length
          ? html`<div part="body" class="body">
                ${this.lines.render(cart.lines)} ${this.points.render(cart)}
              </div>
              <div part="footer" class="footer">
                ${this.summary.render(cart, this.points.redeeming)}
              </div>`
          : html`<div part="body" class="body">
              <div part="empty" class="empty">
                <p class="empty-title">${this.t('empty')}</p>
                <p class="hint">${this.t('emptyHint')}</p>
                <slot name="empty"></slot>
              </div>
            </div>`
      }`;
  }
}
