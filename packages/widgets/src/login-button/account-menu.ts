import type { KioskError, PointsSummary, Session } from '@kiosk/sdk';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ClientController } from '../controllers/client-controller.js';
import { FloatingPanelController } from '../controllers/floating-panel-controller.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { formatNumber, formatShortNumber } from '../format.js';
import { loadError } from '../load-error.js';
import { accountStyles } from './account-menu.styles.js';
import {
  HISTORY_ROWS,
  type HistoryState,
  renderAccountSummary,
  renderProgress,
} from './account-summary.js';
import { menuStrings } from './i18n/menu/index.js';
import { initialsOf } from './initials.js';
import type { MenuViewOptions, OpenableView } from './menu-view.js';

export { accountStyles } from './account-menu.styles.js';

const supportsPopover = 'showPopover' in HTMLElement.prototype;

/**
 * The views the menu opens, in the menu's order: each item's label, part and view title is
 * the name's string; its code is imported the first time it is asked for.
 */
const VIEWS = {
  membership: () => import('./membership-view.js').then((m) => m.MembershipView),
  notifications: () => import('./subscriptions-view.js').then((m) => m.SubscriptionsView),
  passkeys: () => import('./passkeys-view.js').then((m) => m.PasskeysView),
};
export type ViewName = keyof typeof VIEWS;
const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];

/** What the menu needs from the element that hosts it. */
export interface AccountMenuHost extends ReactiveControllerHost, HTMLElement {
  /** The menu is open (the element's reflected `open` property). */
  open: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface AccountMenuOptions {
  /** The element's client (the menu follows its points summary). */
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

export type MenuKey = MessageKey<typeof menuStrings.en>;

/**
 * The signed-in customer's menu button and menu, after the WAI-ARIA APG menu button: the
 * button (initials and balance) has aria-haspopup, aria-expanded and aria-controls; Enter,
 * Space and ArrowDown open the menu on its first item, ArrowUp on its last; in the menu
 * ArrowDown/ArrowUp wrap, Home/End jump, Escape closes and returns focus to the button, Tab
 * and a press outside close it. The menu is a popover (the top layer: no host overflow or
 * stacking context clips it) anchored by the floating panel controller. Its points history
 * is fetched each time it opens. "Membership", "Notifications" and "Passkeys" open a view of
 * the shopper's tier and perks, what they are subscribed to, or their passkeys, in the same
 * panel (membership-view.ts, subscriptions-view.ts, passkeys-view.ts, each imported when first
 * asked for; why a view: menu-view.ts). "Sign out" signs out here. Loaded on the first
 * sign-in, with its strings (the "login-button-menu" namespace): a signed-out page never
 * downloads them; until they are in, the button is a placeholder.
 */
export class AccountMenu implements ReactiveController {
  /** Signing out (the element's state says `signing-out`). */
  signingOut = false;
  private readonly i18n: LocalizeController<typeof menuStrings.en>;
  private readonly summary: StoreController<PointsSummary | null>;
  private history: HistoryState = { status: 'loading' };
  /** Counts history loads, so a late answer for an older opening is dropped. */
  private historyLoad = 0;
  private wasOpen = false;
  /** The item to focus once the menu has rendered open. */
  private focusItem: 'first' | 'last' | undefined;
  private readonly floating: FloatingPanelController;
  /** The views, each created the first time the shopper opens it. */
  private readonly views: Partial<Record<ViewName, OpenableView>> = {};
  private readonly viewOptions: MenuViewOptions;

  /** A press outside the element closes the menu (focus stays where the shopper put it). */
  private readonly onOutsidePointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(this.host)) this.host.open = false;
  };

  constructor(
    private readonly host: AccountMenuHost,
    private readonly options: AccountMenuOptions,
  ) {
    this.i18n = new LocalizeController(host, menuStrings);
    this.summary = new StoreController(host, options.clients, (c) => c.points.$summary);
    this.floating = new FloatingPanelController(host, {
      reference: () => this.query('.trigger'),
      floating: () => this.query('.panel'),
      placement: () => 'bottom-end',
    });
    this.viewOptions = {
      client: () => options.clients.client,
      t: this.t,
      onError: options.onError,
      currency: options.currency,
      menuStyles: accountStyles,
      progress: (status, id) => renderProgress(status, this.t, this.i18n.locale, id),
    };
    host.addController(this);
  }

  private readonly t = (key: MenuKey, options?: Record<string, unknown>): string =>
    this.i18n.t(key, options);

  /** Signing in or out: the button is inert. */
  private busy(): boolean {
    return this.signingOut || this.options.signingIn();
  }

  hostUpdate(): void {
    if (this.host.open && !this.wasOpen) void this.loadHistory();
  }

  hostUpdated(): void {
    const open = this.host.open;
    const panel = this.query('.panel');
    if (open !== this.wasOpen) {
      this.wasOpen = open;
      if (open && panel) {
        if (supportsPopover) panel.showPopover();
        else panel.setAttribute('data-open', '');
        void this.floating.show();
        document.addEventListener('pointerdown', this.onOutsidePointer, true);
      } else {
        this.stopListening();
        this.floating.hide();
        if (panel?.matches(':popover-open')) panel.hidePopover();
        panel?.removeAttribute('data-open');
      }
    }
    if (open && this.focusItem) {
      this.items()
        .at(this.focusItem === 'first' ? 0 : -1)
        ?.focus();
      this.focusItem = undefined;
    }
  }

  hostDisconnected(): void {
    this.stopListening();
    this.wasOpen = false;
  }

  /** Forgets the last customer's history (signed out). */
  reset(): void {
    this.historyLoad++;
    this.history = { status: 'loading' };
  }

  private stopListening() {
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
  }

  private query(selector: string) {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }

  private items(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];
  }

  private async loadHistory() {
    const client = this.options.clients.client;
    if (!client) return;
    const load = ++this.historyLoad;
    const shown = this.history.status === 'error' ? undefined : this.history.entries;
    this.history = { status: 'loading', ...(shown ? { entries: shown } : {}) };
    try {
      const page = await client.points.history({ first: HISTORY_ROWS });
      if (load !== this.historyLoad) return;
      this.history = { status: 'done', entries: page.items };
    } catch (error) {
      if (load !== this.historyLoad) return;
      this.options.onError(error);
      this.history = { status: 'error' };
    }
    this.host.requestUpdate();
  }

  private openMenu(focus: 'first' | 'last') {
    this.focusItem = focus;
    this.host.open = true;
    this.host.requestUpdate();
  }

  private closeMenu(returnFocus: boolean) {
    this.host.open = false;
    if (returnFocus) this.query('.trigger')?.focus();
  }

  private readonly onTriggerClick = () => {
    if (this.busy()) return;
    if (this.host.open) this.closeMenu(false);
    else this.openMenu('first');
  };

  private readonly onTriggerKeydown = (event: KeyboardEvent) => {
    if (this.busy()) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  private readonly onMenuKeydown = (event: KeyboardEvent) => {
    const items = this.items();
    const root = this.host.renderRoot as ShadowRoot;
    const current = items.indexOf(root.activeElement as HTMLElement);
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
  };

  /** Opens a view, importing its code the first time. */
  private async openView(name: ViewName): Promise<void> {
    try {
      const view = this.views[name] ?? new (await VIEWS[name]())(this.host, this.viewOptions);
      this.views[name] = view;
      await view.show();
    } catch (error) {
      // The view's code didn't load (offline): the menu stays, and says so.
      this.options.onError(loadError(`The ${name} view`, error));
      this.options.announce(this.t('error.view', { view: this.t(name) }), true);
    }
  }

  /**
   * Opens the shopper's orders on the hosted page, through the short-lived link the API
   * mints (no token in the URL), in this tab: opening a tab after the await would be blocked.
   */
  private readonly onOrders = async () => {
    const { t } = this;
    try {
      const url = await this.options.clients.client?.orders.pageUrl({ locale: this.i18n.locale });
      if (url) location.assign(url);
    } catch (error) {
      this.options.onError(error);
      this.options.announce(t('error.view', { view: t('orders') }), true);
    }
  };

  /** Signs out; focus then goes to the "Sign in" button that takes the menu button's place. */
  private readonly onSignOut = async () => {
    const client = this.options.clients.client;
    this.closeMenu(true);
    if (!client || this.busy()) return;
    this.signingOut = true;
    this.options.announce('');
    this.host.requestUpdate();
    try {
      await client.auth.logout();
    } catch (error) {
      // The SDK signed out on this device all the same.
      this.options.onError(error);
      this.options.announce(this.t('error.signOutFailed'), true);
    }
    this.signingOut = false;
    this.reset();
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.query('.sign-in')?.focus();
  };

  /** The menu button (filling the element's box) and its menu; a placeholder until its strings are in. */
  render(session: Session) {
    if (!this.i18n.ready) return html`<span class="placeholder" aria-hidden="true"></span>`;
    const { t } = this;
    const { locale } = this.i18n;
    const summary = this.summary.value ?? null;
    const { name } = session.customer;
    const initials = initialsOf(name);
    const busy = this.busy();
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
        aria-controls="menu"
        aria-disabled=${busy ? 'true' : 'false'}
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
        ${renderAccountSummary({ name, initials, summary, history: this.history, locale, t })}
        <div class="menu" role="menu" id="menu" aria-labelledby="trigger">
          ${VIEW_NAMES.map(
            (name) => html`<button
              part="menu-item ${name}"
              class="menu-item"
              role="menuitem"
              type="button"
              tabindex="-1"
              aria-haspopup="dialog"
              @click=${() => this.openView(name)}
            >
              ${t(name)}
            </button>`,
          )}
          <button
            part="menu-item orders"
            class="menu-item"
            role="menuitem"
            type="button"
            tabindex="-1"
            @click=${this.onOrders}
          >
            ${t('orders')}
          </button>
          <button
            part="menu-item sign-out"
            class="menu-item"
            role="menuitem"
            type="button"
            tabindex="-1"
            @click=${this.onSignOut}
          >
            ${t('signOut')}
          </button>
        </div>
        ${VIEW_NAMES.map((name) => this.views[name]?.render())}
      </div>`;
  }
}
