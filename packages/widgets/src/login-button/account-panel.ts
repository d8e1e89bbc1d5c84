import type { Session } from '@kiosk/sdk';
import { html, nothing, type ReactiveController } from 'lit';
import { FloatingPanelController } from '../controllers/floating-panel-controller.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { loadError } from '../load-error.js';
import type { AccountMenu } from './account-menu.js';
import { HISTORY_ROWS } from './account-menu.styles.js';
import { type HistoryState, renderAccountSummary, renderProgress } from './account-summary.js';
import { menuStrings } from './i18n/menu/index.js';
import { initialsOf } from './initials.js';
import type { MenuViewOptions, OpenableView } from './menu-view.js';

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

export type MenuKey = MessageKey<typeof menuStrings.en>;

/**
 * The account menu, open: the menu button's (account-menu.ts) menu, after the WAI-ARIA APG
 * menu button. In the menu ArrowDown/ArrowUp wrap, Home/End jump, Escape closes and returns
 * focus to the button, Tab and a press outside close it. The menu is a popover (the top
 * layer: no host overflow or stacking context clips it) anchored by the floating panel
 * controller. Its points history is fetched each time it opens. "Membership",
 * "Notifications" and "Passkeys" open a view of the shopper's tier and perks, what they are
 * subscribed to, or their passkeys, in the same panel (membership-view.ts,
 * subscriptions-view.ts, passkeys-view.ts, each imported when first asked for; why a view:
 * menu-view.ts); "Orders" goes to the hosted orders page; "Sign out" signs out.
 *
 * This module and its strings (the "login-button-menu" namespace) are imported the
 * first time the shopper opens the menu. In another language the menu shows once its strings
 * are in too (one small request beside the module's), so it never shows half in English.
 */
export class AccountPanel implements ReactiveController {
  /** Signing out (the element's state says `signing-out`). */
  signingOut = false;
  private readonly i18n: LocalizeController<typeof menuStrings.en>;
  private history: HistoryState = { status: 'loading' };
  /** Counts history loads, so a late answer for an older opening is dropped. */
  private historyLoad = 0;
  private wasOpen = false;
  private readonly floating: FloatingPanelController;
  /** The views, each created the first time the shopper opens it. */
  private readonly views: Partial<Record<ViewName, OpenableView>> = {};
  private readonly viewOptions: MenuViewOptions;
  private readonly host: AccountMenu['host'];

  /** A press outside the element closes the menu (focus stays where the shopper put it). */
  private readonly onOutsidePointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(this.host)) this.host.open = false;
  };

  constructor(private readonly menu: AccountMenu) {
    const host = menu.host;
    this.host = host;
    this.i18n = new LocalizeController(host, menuStrings);
    this.floating = new FloatingPanelController(host, {
      reference: () => this.query('.trigger'),
      floating: () => this.query('.panel'),
      placement: () => 'bottom-end',
    });
    const { options } = menu;
    this.viewOptions = {
      client: () => options.clients.client,
      t: this.t,
      onError: options.onError,
      currency: options.currency,
      progress: (status, id) => renderProgress(status, this.t, this.i18n.locale, id),
    };
    host.addController(this);
  }

  private readonly t = (key: MenuKey, options?: Record<string, unknown>): string =>
    this.i18n.t(key, options);

  /** Open and its strings in (their controller updates first): never shown half in English. */
  private get showing(): boolean {
    return this.host.open && this.i18n.ready;
  }

  hostUpdate(): void {
    if (this.showing && !this.wasOpen) void this.loadHistory();
  }

  hostUpdated(): void {
    const open = this.showing;
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
    const { focusItem } = this.menu;
    if (open && focusItem) {
      this.items()
        .at(focusItem === 'first' ? 0 : -1)
        ?.focus();
      this.menu.focusItem = undefined;
    }
  }

  hostDisconnected(): void {
    this.stopListening();
    this.wasOpen = false;
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
    const client = this.menu.options.clients.client;
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
      this.menu.options.onError(error);
      this.history = { status: 'error' };
    }
    this.host.requestUpdate();
  }

  private closeMenu(returnFocus: boolean) {
    this.host.open = false;
    if (returnFocus) this.query('.trigger')?.focus();
  }

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
      this.menu.options.onError(loadError(`The ${name} view`, error));
      this.menu.options.announce(this.t('error.view', { view: this.t(name) }), true);
    }
  }

  /**
   * Opens the shopper's orders on the hosted page, through the short-lived link the API
   * mints (no token in the URL), in this tab: opening a tab after the await would be blocked.
   */
  private readonly onOrders = async () => {
    const { t } = this;
    const { options } = this.menu;
    try {
      const url = await options.clients.client?.orders.pageUrl({ locale: this.i18n.locale });
      if (url) location.assign(url);
    } catch (error) {
      options.onError(error);
      options.announce(t('error.view', { view: t('orders') }), true);
    }
  };

  /** Signs out; focus then goes to the "Sign in" button that takes the menu button's place. */
  private readonly onSignOut = async () => {
    const { options } = this.menu;
    const client = options.clients.client;
    this.closeMenu(true);
    if (!client || this.menu.busy) return;
    this.signingOut = true;
    options.announce('');
    this.host.requestUpdate();
    try {
      await client.auth.logout();
    } catch (error) {
      // The SDK signed out on this device all the same.
      options.onError(error);
      options.announce(this.t('error.signOutFailed'), true);
    }
    this.signingOut = false;
    // The next customer's history is not this one's.
    this.historyLoad++;
    this.history = { status: 'loading' };
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.query('.sign-in')?.focus();
  };

  /** The menu's popover; `points` is the balance in words (the button's). */
  render(session: Session, points: string) {
    const { t } = this;
    const { locale } = this.i18n;
    const summary = this.menu.summary.value ?? null;
    const { name } = session.customer;
    return html`<div
      part="menu"
      class="panel"
      popover=${supportsPopover ? 'manual' : nothing}
      @keydown=${this.onMenuKeydown}
    >
      ${
        this.i18n.ready
          ? html`${renderAccountSummary({
              name,
              initials: initialsOf(name),
              summary,
              points,
              history: this.history,
              locale,
              t,
            })}
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
            ${VIEW_NAMES.map((name) => this.views[name]?.render())}`
          : nothing
      }
    </div>`;
  }
}
