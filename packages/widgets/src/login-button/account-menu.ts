import type { KioskError, PointsSummary, Session } from '@kiosk/sdk';
import {
  adoptStyles,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type ReactiveElement,
} from 'lit';
import type { ClientController } from '../controllers/client-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { formatNumber, formatShortNumber } from '../format.js';
import { loadError } from '../load-error.js';
import { accountStyles } from './account-menu.styles.js';
import type { AccountPanel } from './account-panel.js';
import { accountStrings } from './i18n/account/index.js';
import { initialsOf } from './initials.js';
import { menuViewStyles } from './menu-view.styles.js';

/** What the menu needs from the element that hosts it. */
export interface AccountMenuHost extends ReactiveControllerHost, HTMLElement {
  /** The menu is open (the element's reflected `open` property). */
  open: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface AccountMenuOptions {
  /** The element's client (the button shows its points summary). */
  clients: ClientController;
  /** The currency the element shows prices in (attribute, store, client). */
  currency: () => string | undefined;
  /** The element is signing in: the button is inert. */
  signingIn: () => boolean;
  /** Reports a failure (`kiosk-error`) and gives it back as a KioskError. */
  onError: (error: unknown) => KioskError;
  /**
   * Says something in the element's live region (an error the menu has no place for); an
   * empty message clears it.
   */
  announce: (message: string, isError?: boolean) => void;
}

/**
 * The signed-in customer's menu button, after the WAI-ARIA APG menu button: the button
 * (initials and balance) has aria-haspopup and aria-expanded (and aria-controls once the menu
 * is there); Enter, Space and ArrowDown open the menu on its first item, ArrowUp on its last.
 * Loaded on the first sign-in with its strings (the "login-button-account" namespace) and
 * every signed-in part's styles: a signed-out page never downloads them.
 *
 * The menu itself (account-panel.ts: its content, keys, views and strings) is imported
 * the first time the shopper opens it, as the mini cart's panel is: `open` turns true at once
 * and the menu shows once its code is in. When that code can't load (offline), the element
 * says so and the menu stays closed; the next opening tries again.
 */
export class AccountMenu implements ReactiveController {
  readonly i18n: LocalizeController<typeof accountStrings.en>;
  readonly summary: StoreController<PointsSummary | null>;
  /** The item the menu focuses once it has rendered open (how the shopper opened it). */
  focusItem: 'first' | 'last' | undefined;
  private panel: AccountPanel | undefined;
  private panelLoading: Promise<void> | undefined;

  constructor(
    readonly host: AccountMenuHost,
    readonly options: AccountMenuOptions,
  ) {
    this.i18n = new LocalizeController(host, accountStrings);
    this.summary = new StoreController(host, options.clients, (c) => c.points.$summary);
    // Every signed-in part's styles at once: the open menu and its views show styled at once.
    adoptStyles(host.renderRoot as ShadowRoot, [
      ...(host.constructor as typeof ReactiveElement).elementStyles,
      accountStyles,
      menuViewStyles,
    ]);
    host.addController(this);
  }

  /** Signing out, from the menu (the element's state says `signing-out`). */
  get signingOut(): boolean {
    return !!this.panel?.signingOut;
  }

  /** Signing in or out: the button is inert. */
  get busy(): boolean {
    return this.signingOut || this.options.signingIn();
  }

  hostUpdate(): void {
    if (this.host.open && !this.panel) void this.loadPanel();
  }

  /** Imports the menu's code (once; a failed import is tried again at the next opening). */
  private loadPanel(): Promise<void> {
    this.panelLoading ??= import('./account-panel.js').then(
      ({ AccountPanel }) => {
        this.panel = new AccountPanel(this);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.panelLoading = undefined;
        this.options.onError(loadError('The account menu', error));
        this.options.announce(this.i18n.t('error.menu'), true);
        this.host.open = false;
      },
    );
    return this.panelLoading;
  }

  private openMenu(focus: 'first' | 'last') {
    this.focusItem = focus;
    this.host.open = true;
  }

  private readonly onTriggerClick = () => {
    if (this.busy) return;
    if (this.host.open) this.host.open = false;
    else this.openMenu('first');
  };

  private readonly onTriggerKeydown = (event: KeyboardEvent) => {
    if (this.busy) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  /**
   * The menu button (filling the element's box), and the menu once its code is in; a
   * placeholder until the button's strings are in (another language: one small request).
   */
  render(session: Session) {
    const { i18n } = this;
    if (!i18n.ready) return html`<span class="placeholder" aria-hidden="true"></span>`;
    const { locale } = i18n;
    const t = i18n.t.bind(i18n);
    const summary = this.summary.value ?? null;
    const { name } = session.customer;
    const points = summary
      ? t('points', { count: summary.balance, n: formatNumber(summary.balance, locale) })
      : '';
    // The button's name, from its content: the initials and the short balance are decoration.
    const label = this.signingOut
      ? t('signingOut')
      : points
        ? t('trigger', { name, points })
        : name;
    return html`<button
        part="button trigger"
        class="button trigger"
        id="trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.host.open ? 'true' : 'false'}
        aria-controls=${this.panel ? 'menu' : nothing}
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${this.onTriggerClick}
        @keydown=${this.onTriggerKeydown}
      >
        <span part="avatar" class="avatar" aria-hidden="true">${initialsOf(name)}</span>
        <span class="visually-hidden">${label}</span>
        <span part="balance" class="balance" aria-hidden="true">
          ${
            summary
              ? html`${formatShortNumber(summary.balance, locale)}<svg
                    class="star"
                    viewBox="0 0 20 20"
                  >
                    <path
                      d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z"
                    />
                  </svg>`
              : html`<span class="placeholder short"></span>`
          }
        </span>
      </button>
      ${this.panel?.render(session, points) ?? nothing}`;
  }
}
