import type { KioskClient, KioskError, Session } from '@kiosk/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FloatingPanelController } from '../controllers/floating-panel-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskLoginEvent } from '../events/login.js';
import { KioskLogoutEvent } from '../events/logout.js';
import { formatNumber, formatShortNumber } from '../format.js';
import { KioskElement } from '../kiosk-element.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { HISTORY_ROWS, type HistoryState, renderAccountSummary } from './account-summary.js';
import { loginButtonStrings } from './i18n/index.js';
import { initialsOf } from './initials.js';
import { styles } from './login-button.styles.js';

export type LoginMode = 'popup' | 'redirect';
export type LoginButtonState =
  | 'loading'
  | 'signed-out'
  | 'signing-in'
  | 'signed-in'
  | 'signing-out';

const supportsPopover =
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/**
 * @summary Sign-in for shoppers, in one fixed-size box that never moves the header it sits in.
 * Signed out: a "Sign in" button that opens the store's hosted sign-in page (a popup, or a
 * full-page redirect). Signed in: a menu button with the customer's initials and points
 * balance; its menu shows the name, balance, tier, progress to the next tier and the latest
 * points (loaded when the menu opens), and "Sign out".
 *
 * @event {KioskLoginEvent} kiosk-login - A customer signed in (through this button, another tab, or a session restored on page load): `{ customer }` with id, email, name.
 * @event {KioskLogoutEvent} kiosk-logout - The customer signed out.
 * @event {KioskErrorEvent} kiosk-error - Signing in or out, or loading the points history, failed: `{ error }` (a KioskError). The button says so too.
 *
 * @csspart base - The wrapper (the reserved box).
 * @csspart button - The sign-in button and the account menu button.
 * @csspart sign-in - The sign-in button.
 * @csspart trigger - The account menu button (avatar and balance).
 * @csspart avatar - The initials in a circle, on the menu button.
 * @csspart balance - The points balance on the menu button.
 * @csspart menu - The account menu's floating panel.
 * @csspart name - The customer's name, in the menu.
 * @csspart tier - The loyalty tier, in the menu.
 * @csspart points - The points balance, in words, in the menu.
 * @csspart progress - Progress to the next tier (or "top tier"), in the menu.
 * @csspart history - The list of the latest points entries, in the menu.
 * @csspart history-entry - One points entry.
 * @csspart menu-item - An item of the menu (Sign out).
 * @csspart sign-out - The sign-out menu item.
 * @csspart status - The live region with errors and announcements.
 *
 * @cssprop --kiosk-color-accent - Button and focus colour (global token).
 * @cssprop --kiosk-color-on-accent - Text on the accent colour (global token).
 * @cssprop --kiosk-radius - Corner radius (global token).
 * @cssprop --kiosk-font - Font family; inherits the page's font by default (global token).
 * @cssprop --kiosk-login-button-width - Inline size of the box, the same in every state (default 8em).
 * @cssprop --kiosk-login-button-height - Block size of the box (default 2.5rem).
 * @cssprop --kiosk-login-button-background - Sign-in button background (default the accent).
 * @cssprop --kiosk-login-button-color - Sign-in button text colour.
 * @cssprop --kiosk-login-button-radius - Button corner radius.
 * @cssprop --kiosk-login-button-avatar-background - Avatar background.
 * @cssprop --kiosk-login-button-avatar-color - Avatar text colour.
 * @cssprop --kiosk-login-button-gap - Space between the parts (default 0.5rem).
 * @cssprop --kiosk-login-button-menu-width - Inline size of the menu (default min(20rem, 100vw - 1rem)).
 * @cssprop --kiosk-login-button-menu-background - Menu background (default the surface token).
 * @cssprop --kiosk-login-button-menu-color - Menu text colour.
 * @cssprop --kiosk-login-button-menu-shadow - Menu shadow.
 */
export class KioskLoginButton extends KioskElement {
  static override styles = [sharedStyles, styles];

  /** `popup` (default: the hosted page opens in a popup) or `redirect` (the page navigates there and back). */
  @property({ reflect: true }) mode: LoginMode = 'popup';

  /** loading (restoring a session), signed-out, signing-in, signed-in or signing-out. Read-only. */
  @property({ reflect: true, attribute: 'state' }) loginState: LoginButtonState = 'loading';

  /** Whether the account menu is open (signed in only). */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private busy: 'in' | 'out' | undefined;
  @state() private restoring = true;
  @state() private message = '';
  @state() private isError = false;
  @state() private history: HistoryState = { status: 'loading' };

  @query('.trigger') private trigger!: HTMLButtonElement | null;
  @query('.panel') private panel!: HTMLElement | null;

  private readonly i18n = new LocalizeController(this, loginButtonStrings);
  private readonly session = new StoreController(this, this.kiosk, (c) => c.auth.$session);
  private readonly summary = new StoreController(this, this.kiosk, (c) => c.points.$summary);
  private readonly floating = new FloatingPanelController(this, {
    reference: () => this.trigger,
    floating: () => this.panel,
    placement: () => 'bottom-end',
  });

  private watchedClient: KioskClient | null | undefined;
  private seenSession: Session | null | undefined;
  /** Counts history loads, so a late answer for an older menu opening is dropped. */
  private historyLoad = 0;
  /** Where focus goes after the next render ('first' / 'last' menu item, or the sign-in button). */
  private focusTarget: 'first' | 'last' | 'sign-in' | undefined;

  /** A press outside the element closes the menu (focus stays where the shopper put it). */
  private readonly onOutsidePointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(this)) this.open = false;
  };

  /** The signed-in customer, or null. */
  get customer(): Session['customer'] | null {
    return this.session.value?.customer ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.kiosk.client;
    if (client !== this.watchedClient) {
      this.watchedClient = client;
      this.seenSession = undefined;
      this.restoring = !!client;
      client?.ready.finally(() => {
        if (this.kiosk.client === client) this.restoring = false;
      });
    }
    const session = this.session.value;
    if (session !== undefined && session !== this.seenSession) {
      const before = this.seenSession;
      this.seenSession = session;
      if (!session) this.open = false;
      if (before !== undefined) {
        if (session && !before) {
          this.dispatchEvent(new KioskLoginEvent({ customer: session.customer }));
          this.announce(this.t('signedIn', { name: session.customer.name }));
        } else if (!session && before) {
          this.dispatchEvent(new KioskLogoutEvent());
          if (!this.isError) this.announce(this.t('signedOut'));
        }
      }
    }
    this.loginState = this.busy
      ? this.busy === 'in'
        ? 'signing-in'
        : 'signing-out'
      : session
        ? 'signed-in'
        : this.restoring
          ? 'loading'
          : 'signed-out';
    if (changed.has('open') && this.open) {
      if (!session) this.open = false;
      else void this.loadHistory();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.syncPanel();
    const target = this.focusTarget;
    if (target) {
      const el =
        target === 'sign-in'
          ? this.renderRoot.querySelector<HTMLElement>('.sign-in')
          : this.items().at(target === 'first' ? 0 : -1);
      if (el) {
        this.focusTarget = undefined;
        el.focus();
      }
    }
  }

  /** Shows or hides the menu's panel to match `open`. */
  private syncPanel() {
    const panel = this.panel;
    if (this.open && panel) {
      if (supportsPopover) panel.showPopover();
      else panel.setAttribute('data-open', '');
      void this.floating.show();
      document.addEventListener('pointerdown', this.onOutsidePointer, true);
    } else if (!this.open) {
      document.removeEventListener('pointerdown', this.onOutsidePointer, true);
      this.floating.hide();
      if (panel?.matches(':popover-open')) panel.hidePopover();
      panel?.removeAttribute('data-open');
    }
  }

  private t(key: string, options?: Record<string, unknown>): string {
    return this.i18n.t(key, options);
  }

  private announce(message: string, isError = false) {
    this.message = message;
    this.isError = isError;
  }

  /** The latest points entries, fetched each time the menu opens (older ones stay meanwhile). */
  private async loadHistory() {
    const client = this.kiosk.client;
    if (!client) return;
    const load = ++this.historyLoad;
    const shown = this.history.status === 'error' ? undefined : this.history.entries;
    this.history = { status: 'loading', ...(shown ? { entries: shown } : {}) };
    try {
      const page = await client.points.history({ first: HISTORY_ROWS });
      if (load === this.historyLoad) this.history = { status: 'done', entries: page.items };
    } catch (error) {
      if (load !== this.historyLoad) return;
      this.emitError(error);
      this.history = { status: 'error' };
    }
  }

  /** Starts sign-in. Called straight from the click: the popup opens before anything awaits. */
  private signIn() {
    const client = this.kiosk.client;
    if (!client || this.busy) return;
    let login: Promise<Session>;
    try {
      login = client.auth.login({ mode: this.mode === 'redirect' ? 'redirect' : 'popup' });
    } catch (error) {
      login = Promise.reject(error);
    }
    this.busy = 'in';
    this.announce('');
    login.then(
      () => {
        this.busy = undefined;
      },
      (error: unknown) => {
        this.busy = undefined;
        const e = this.emitError(error);
        this.announce(this.loginMessage(e), true);
      },
    );
  }

  private loginMessage(e: KioskError): string {
    if (e.code === 'login_cancelled' || e.code === 'access_denied')
      return this.t('error.cancelled');
    if (e.code === 'popup_blocked') return this.t('error.popup');
    if (e.status === 0 && e.code !== 'unsupported') return this.t('error.network');
    return this.t('error.failed');
  }

  private async signOut() {
    const client = this.kiosk.client;
    if (!client || this.busy) return;
    this.closeMenu(true);
    this.busy = 'out';
    this.announce('');
    // Focus was on the menu: it goes to the "Sign in" button that takes the menu button's place.
    this.focusTarget = 'sign-in';
    try {
      await client.auth.logout();
    } catch (error) {
      this.emitError(error);
      this.announce(this.t('error.signOutFailed'), true);
    } finally {
      this.busy = undefined;
      this.historyLoad++;
      this.history = { status: 'loading' };
    }
  }

  // --- The menu button (WAI-ARIA APG menu button) ---------------------------------------

  private items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];
  }

  private openMenu(focus: 'first' | 'last') {
    this.focusTarget = focus;
    this.open = true;
    this.requestUpdate();
  }

  private closeMenu(returnFocus: boolean) {
    this.open = false;
    if (returnFocus) this.trigger?.focus();
  }

  private onTriggerClick(event: MouseEvent) {
    if (this.busy) return;
    if (this.open) this.closeMenu(false);
    else this.openMenu('first');
    event.stopPropagation();
  }

  private onTriggerKeydown(event: KeyboardEvent) {
    if (this.busy) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  private onMenuKeydown(event: KeyboardEvent) {
    const items = this.items();
    const current = items.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    const move = (index: number) => items.at(index % items.length)?.focus();
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        this.closeMenu(true);
        return;
      case 'Tab':
        this.closeMenu(false);
        return;
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current <= 0 ? items.length - 1 : current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  // --- Rendering ------------------------------------------------------------------------

  protected override render() {
    const ready = this.i18n.ready;
    const client = this.kiosk.client;
    const session = this.session.value ?? null;
    let content: unknown;
    let message = this.message;
    let isError = this.isError;
    if (!ready || (client && this.restoring && !session)) {
      content = html`<span class="placeholder" aria-hidden="true"></span
        ><span class="visually-hidden">${ready ? this.t('loading') : ''}</span>`;
    } else if (!client) {
      content = html`<span class="placeholder" aria-hidden="true"></span>`;
      message = this.t('error.notConfigured');
      isError = true;
    } else if (session) {
      content = this.renderAccount(session);
    } else {
      content = html`<button
        part="button sign-in"
        class="button sign-in"
        type="button"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${this.signIn}
      >
        <span class="label">${this.busy === 'in' ? this.t('signingIn') : this.t('signIn')}</span>
      </button>`;
    }
    return html`<div
      part="base"
      class="base"
      lang=${this.i18n.lang}
      aria-busy=${this.loginState === 'loading' ? 'true' : 'false'}
    >
      ${content}
      <p part="status" class=${isError && message ? 'message error' : 'visually-hidden'} role="status">
        ${message}
      </p>
    </div>`;
  }

  private renderAccount(session: Session) {
    const { name } = session.customer;
    const summary = this.summary.value ?? null;
    const locale = this.i18n.locale;
    const initials = initialsOf(name);
    const points = summary
      ? this.t('points', { count: summary.balance, n: formatNumber(summary.balance, locale) })
      : '';
    const label =
      this.busy === 'out'
        ? this.t('signingOut')
        : points
          ? this.t('trigger', { name, points })
          : name;
    return html`<button
        part="button trigger"
        class="button trigger"
        id="trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${this.onTriggerClick}
        @keydown=${this.onTriggerKeydown}
      >
        <span part="avatar" class="avatar" aria-hidden="true">${initials}</span>
        <span class="visually-hidden">${label}</span>
        <span part="balance" class="balance" aria-hidden="true">
          ${
            summary
              ? html`${formatShortNumber(summary.balance, locale)}<svg
                    class="star"
                    viewBox="0 0 20 20"
                    aria-hidden="true"
                  >
                    <path
                      d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z"
                    />
                  </svg>`
              : html`<span class="placeholder short"></span>`
          }
        </span>
      </button>
      <div
        part="menu"
        class="panel"
        popover=${supportsPopover ? 'manual' : nothing}
        @keydown=${this.onMenuKeydown}
      >
        ${renderAccountSummary({
          name,
          initials,
          summary,
          history: this.history,
          locale,
          t: (key, options) => this.t(key, options),
        })}
        <div class="menu" role="menu" id="menu" aria-labelledby="trigger">
          <button
            part="menu-item sign-out"
            class="menu-item"
            role="menuitem"
            type="button"
            tabindex="-1"
            @click=${this.signOut}
          >
            ${this.t('signOut')}
          </button>
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-login-button': KioskLoginButton;
  }
}
