import type { KioskClient, KioskError, Session } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskLoginEvent } from '../events/login.js';
import { KioskLogoutEvent } from '../events/logout.js';
import { formatNumber } from '../format.js';
import { KioskElement } from '../kiosk-element.js';
import { sharedStyles } from '../styles/shared.styles.js';
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
 * @summary Sign-in for shoppers. Signed out: a "Sign in" button that opens the store's hosted
 * sign-in page (a popup, or a full-page redirect). Signed in: the customer's name, points
 * balance and tier, and "Sign out".
 *
 * @event {KioskLoginEvent} kiosk-login - A customer signed in (through this button, another tab, or a session restored on page load): `{ customer }` with id, email, name.
 * @event {KioskLogoutEvent} kiosk-logout - The customer signed out.
 * @event {KioskErrorEvent} kiosk-error - Signing in or out failed: `{ error }` (a KioskError). The button says so too.
 *
 * @csspart base - The wrapper.
 * @csspart button - The sign-in and sign-out buttons.
 * @csspart sign-in - The sign-in button.
 * @csspart sign-out - The sign-out button.
 * @csspart account - The signed-in customer's details.
 * @csspart avatar - The initial in a circle.
 * @csspart name - The customer's name.
 * @csspart points - The points balance.
 * @csspart tier - The loyalty tier.
 * @csspart status - The live region with errors and announcements.
 *
 * @cssprop --kiosk-color-accent - Button and focus colour (global token).
 * @cssprop --kiosk-color-on-accent - Text on the accent colour (global token).
 * @cssprop --kiosk-radius - Corner radius (global token).
 * @cssprop --kiosk-font - Font family; inherits the page's font by default (global token).
 * @cssprop --kiosk-login-button-background - Sign-in button background (default the accent).
 * @cssprop --kiosk-login-button-color - Sign-in button text colour.
 * @cssprop --kiosk-login-button-radius - Button corner radius.
 * @cssprop --kiosk-login-button-height - Button block size (default 2.5rem).
 * @cssprop --kiosk-login-button-avatar-background - Avatar background.
 * @cssprop --kiosk-login-button-avatar-color - Avatar text colour.
 * @cssprop --kiosk-login-button-gap - Space between the parts (default 0.5rem).
 */
export class KioskLoginButton extends KioskElement {
  static override styles = [sharedStyles, styles];

  /** `popup` (default: the hosted page opens in a popup) or `redirect` (the page navigates there and back). */
  @property({ reflect: true }) mode: LoginMode = 'popup';

  /** loading (restoring a session), signed-out, signing-in, signed-in or signing-out. Read-only. */
  @property({ reflect: true, attribute: 'state' }) loginState: LoginButtonState = 'loading';

  @state() private busy: 'in' | 'out' | undefined;
  @state() private restoring = true;
  @state() private message = '';
  @state() private isError = false;

  private readonly i18n = new LocalizeController(this, loginButtonStrings);
  private readonly session = new StoreController(this, this.kiosk, (c) => c.auth.$session);
  private readonly summary = new StoreController(this, this.kiosk, (c) => c.points.$summary);

  private watchedClient: KioskClient | null | undefined;
  private seenSession: Session | null | undefined;

  /** The signed-in customer, or null. */
  get customer(): Session['customer'] | null {
    return this.session.value?.customer ?? null;
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
  }

  private t(key: string, options?: Record<string, unknown>): string {
    return this.i18n.t(key, options);
  }

  private announce(message: string, isError = false) {
    this.message = message;
    this.isError = isError;
  }

  /** Starts sign-in. Called straight from the click: the popup opens before anything awaits. */
  private signIn() {
    const client = this.kiosk.client;
    if (!client || this.busy) return;
    let login: Promise<Session>;
    try {
      login = client.auth.login({
        mode: this.mode === 'redirect' ? 'redirect' : 'popup',
        locale: this.i18n.locale, // the hosted page speaks this element's language
      });
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
    this.busy = 'out';
    this.announce('');
    try {
      await client.auth.logout();
    } catch (error) {
      this.emitError(error);
      this.announce(this.t('error.signOutFailed'), true);
    } finally {
      this.busy = undefined;
    }
  }

  protected override render() {
    const ready = this.i18n.ready;
    const client = this.kiosk.client;
    const session = this.session.value ?? null;
    let content: unknown;
    if (!ready || (client && this.restoring && !session)) {
      content = html`<span class="placeholder" aria-hidden="true"></span
        ><span class="visually-hidden">${ready ? this.t('loading') : ''}</span>`;
    } else if (!client) {
      content = html`<p class="message error">${this.t('error.notConfigured')}</p>`;
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
        ${this.busy === 'in' ? this.t('signingIn') : this.t('signIn')}
      </button>`;
    }
    return html`<div
      part="base"
      class="base"
      lang=${this.i18n.lang}
      aria-busy=${this.loginState === 'loading' ? 'true' : 'false'}
    >
      ${content}
      <p
        part="status"
        class=${this.isError && this.message ? 'message error' : 'visually-hidden'}
        role="status"
      >
        ${this.message}
      </p>
    </div>`;
  }

  private renderAccount(session: Session) {
    const { name } = session.customer;
    const summary = this.summary.value ?? null;
    const initial = [...(name.trim() || '?')][0]!.toUpperCase();
    return html`<div part="account" class="account" role="group" aria-label=${this.t('account')}>
        <span part="avatar" class="avatar" aria-hidden="true">${initial}</span>
        <span class="details">
          <span part="name" class="name">${name}</span>
          <span class="meta">
            ${
              summary
                ? html`<span part="points" class="points"
                      >${this.t('points', {
                        count: summary.balance,
                        n: formatNumber(summary.balance, this.i18n.locale),
                      })}</span
                    >${
                      summary.tier.name
                        ? html`<span class="sep" aria-hidden="true"> · </span
                            ><span part="tier" class="tier"
                              >${this.t('tier', { tier: summary.tier.name })}</span
                            >`
                        : nothing
                    }`
                : html`<span class="placeholder short" aria-hidden="true"></span>`
            }
          </span>
        </span>
      </div>
      <button
        part="button sign-out"
        class="button sign-out"
        type="button"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${this.signOut}
      >
        ${this.busy === 'out' ? this.t('signingOut') : this.t('signOut')}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-login-button': KioskLoginButton;
  }
}
