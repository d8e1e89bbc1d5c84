import type { KioskClient, KioskError, Session } from '@kiosk/sdk';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskLoginEvent } from '../events/login.js';
import { KioskLogoutEvent } from '../events/logout.js';
import { KioskElement } from '../kiosk-element.js';
import { loadError } from '../load-error.js';
import { sharedStyles } from '../styles/shared.styles.js';
import type { AccountMenu } from './account-menu.js';
import { loginButtonStrings } from './i18n/index.js';
import { styles } from './login-button.styles.js';

export type LoginMode = 'popup' | 'redirect';
export type LoginButtonState =
  | 'loading'
  | 'signed-out'
  | 'signing-in'
  | 'signed-in'
  | 'signing-out';

/**
 * @summary Sign-in for shoppers, in one fixed-size box that never moves the header it sits in.
 * Signed out: a "Sign in" button that opens the store's hosted sign-in page (a popup, or a
 * full-page redirect). Signed in: a menu button with the customer's initials and points
 * balance; its menu shows the name, balance, tier, progress to the next tier and the latest
 * points (loaded when the menu opens), "Membership", "Notifications", "Passkeys", "Orders" and
 * "Sign out". "Membership" opens a view in the menu's panel of the shopper's tier, where it
 * comes from (their lifetime points, or a paid plan until its end), its perks in words and the
 * progress to the next tier. "Notifications" and "Passkeys" each open a view of what the
 * shopper is subscribed to (what about, by push or email, an email waiting for its
 * confirmation), or of their passkeys (name, when added, when last used), each with Remove
 * (asking "Yes, remove" first). The menu's code and strings load the first time it opens, a
 * view's the first time it opens.
 *
 * @event {KioskLoginEvent} kiosk-login - A customer signed in (through this button, another tab, or a session restored on page load): `{ customer }` with id, email, name.
 * @event {KioskLogoutEvent} kiosk-logout - The customer signed out.
 * @event {KioskErrorEvent} kiosk-error - Signing in or out, loading the menu's or a view's code, loading the points history or the membership, or loading or removing passkeys or notification subscriptions failed: `{ error }` (a KioskError). The element says so too.
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
 * @csspart progress - Progress to the next tier (or "top tier"), in the menu and in the membership view.
 * @csspart history - The list of the latest points entries, in the menu.
 * @csspart history-entry - One points entry.
 * @csspart menu-item - An item of the menu (Membership, Notifications, Passkeys, Orders, Sign out).
 * @csspart membership - The menu item opening the membership view.
 * @csspart notifications - The menu item opening the notifications view.
 * @csspart passkeys - The menu item opening the passkeys view.
 * @csspart orders - The menu item opening the shopper's orders (the hosted page).
 * @csspart sign-out - The sign-out menu item.
 * @csspart membership-view - The membership view, in the menu's panel in place of the menu (a dialog).
 * @csspart membership-tier - The shopper's tier ("Gold tier", or "No tier yet"), in the membership view.
 * @csspart membership-source - Where the tier comes from: the lifetime points, or the paid plan and its end date.
 * @csspart perk-list - The list of the tier's perks.
 * @csspart perk - One perk, in words ("15% off member prices", "Free shipping over $75.00").
 * @csspart no-perks - "No perks yet.", in place of the list.
 * @csspart membership-status - The membership view's live region.
 * @csspart passkeys-view - The passkeys view, in the menu's panel in place of the menu (a dialog).
 * @csspart notifications-view - The notifications view, in the menu's panel in place of the menu (a dialog).
 * @csspart subscription-list - The list of what the shopper is subscribed to.
 * @csspart subscription - One subscription: what it is about, its channel, whether its email waits for confirmation, its buttons.
 * @csspart subscription-remove - A subscription's Remove button ("Yes, remove" once pressed).
 * @csspart subscription-cancel - Cancel, beside a subscription's "Yes, remove".
 * @csspart notifications-status - The notifications view's live region (the question, "removed", errors).
 * @csspart back - A view's Back button (to the menu).
 * @csspart passkey-list - The list of the shopper's passkeys.
 * @csspart passkey - One passkey: its name, when it was added and last used, its buttons.
 * @csspart passkey-remove - A passkey's Remove button ("Yes, remove" once pressed).
 * @csspart passkey-cancel - Cancel, beside a passkey's "Yes, remove".
 * @csspart retry - "Try again", when what a view shows couldn't load.
 * @csspart passkeys-status - The passkeys view's live region (the question, "removed", errors).
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

  /** One of the store's upstream identity providers (e.g. `google`): sign in there at once, skipping the choices. */
  @property() provider: string | undefined;

  /** loading (restoring a session), signed-out, signing-in, signed-in or signing-out. Read-only. */
  @property({ reflect: true, attribute: 'state' }) loginState: LoginButtonState = 'loading';

  /** Whether the account menu is open (signed in only). */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private signingIn = false;
  @state() private restoring = true;
  @state() private message = '';
  @state() private isError = false;
  /** The signed-in menu (account-menu.ts), loaded on the first sign-in. */
  @state() private account: AccountMenu | undefined;
  /** The signed-in menu's code could not load (offline): the element says so instead. */
  @state() private accountFailed = false;

  private readonly i18n = new LocalizeController(this, loginButtonStrings);
  private readonly session = new StoreController(this, this.kiosk, (c) => c.auth.$session);

  private watchedClient: KioskClient | null | undefined;
  private seenSession: Session | null | undefined;
  private accountLoading: Promise<void> | undefined;

  /** The signed-in customer, or null. */
  get customer(): Session['customer'] | null {
    return this.session.value?.customer ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  protected override willUpdate(): void {
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
      if (session) void this.loadAccount();
      else this.open = false;
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
    this.loginState = this.signingIn
      ? 'signing-in'
      : this.account?.signingOut
        ? 'signing-out'
        : session
          ? 'signed-in'
          : this.restoring
            ? 'loading'
            : 'signed-out';
    if (!session || !this.account) this.open = false;
  }

  /** Loads the signed-in menu button's code and styles (once; a failed load is tried again later). */
  private loadAccount() {
    this.accountLoading ??= import('./account-menu.js').then(
      (m) => {
        this.account = new m.AccountMenu(this, {
          clients: this.kiosk,
          currency: () => this.preferredCurrency,
          signingIn: () => this.signingIn,
          onError: (error) => this.emitError(error),
          announce: (message, isError) => this.announce(message, isError),
        });
      },
      (error: unknown) => {
        // Tried again at the next sign-in or page load; meanwhile the element says why.
        this.accountLoading = undefined;
        this.emitError(loadError('The account menu', error));
        this.accountFailed = true;
      },
    );
  }

  private t(
    key: MessageKey<typeof loginButtonStrings.en>,
    options?: Record<string, unknown>,
  ): string {
    return this.i18n.t(key, options);
  }

  private announce(message: string, isError = false) {
    this.message = message;
    this.isError = isError;
  }

  /** Starts sign-in. Called straight from the click: the popup opens before anything awaits. */
  private signIn() {
    const client = this.kiosk.client;
    if (!client || this.signingIn) return;
    let login: Promise<Session>;
    try {
      login = client.auth.login({
        mode: this.mode === 'redirect' ? 'redirect' : 'popup',
        locale: this.i18n.locale, // the hosted page speaks this element's language
        ...(this.provider ? { provider: this.provider } : {}),
      });
    } catch (error) {
      login = Promise.reject(error);
    }
    this.signingIn = true;
    this.announce('');
    login.then(
      () => {
        this.signingIn = false;
      },
      (error: unknown) => {
        this.signingIn = false;
        const e = this.emitError(error);
        this.announce(this.loginMessage(e), true);
      },
    );
  }

  private loginMessage(e: KioskError): string {
    return this.i18n.error(e, 'error.failed', {
      login_cancelled: 'error.cancelled',
      access_denied: 'error.cancelled',
      popup_blocked: 'error.popup',
      // No popup and no redirect possible here: not a connection problem.
      unsupported: 'error.failed',
    });
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
      if (this.accountFailed && !this.account) {
        message = this.t('error.account');
        isError = true;
      }
      content = this.account
        ? this.account.render(session)
        : html`<span class="placeholder" aria-hidden="true"></span>`;
    } else {
      content = html`<button
        part="button sign-in"
        class="button sign-in"
        type="button"
        aria-disabled=${this.signingIn ? 'true' : 'false'}
        @click=${this.signIn}
      >
        <span class="label">${this.signingIn ? this.t('signingIn') : this.t('signIn')}</span>
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
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-login-button': KioskLoginButton;
  }
}
