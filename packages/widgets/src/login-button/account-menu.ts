import type { KioskClient, KioskError, PointsSummary, Session } from '@kiosk/sdk';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { FloatingPanelController } from '../controllers/floating-panel-controller.js';
import type { MessageKey } from '../controllers/localize-controller.js';
import { formatNumber, formatShortNumber } from '../format.js';
import { loadError } from '../load-error.js';
import { accountStyles } from './account-menu.styles.js';
import { HISTORY_ROWS, type HistoryState, renderAccountSummary } from './account-summary.js';
import type { loginButtonStrings } from './i18n/index.js';
import { initialsOf } from './initials.js';
import type { MenuViewOptions, OpenableView } from './menu-view.js';

export { accountStyles } from './account-menu.styles.js';

const supportsPopover = 'showPopover' in HTMLElement.prototype;

/**
 * The views the menu opens, in the menu's order: each item's label, part and view title is
 * the name's string; its code is imported the first time it is asked for.
 */
const VIEWS = {
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
  client: () => KioskClient | null | undefined;
  t: (key: MessageKey<typeof loginButtonStrings.en>, options?: Record<string, unknown>) => string;
  locale: () => string;
  /** Signing in or out: the button is inert. */
  busy: () => 'in' | 'out' | undefined;
  /** Reports a failure (`kiosk-error`) and gives it back as a KioskError. */
  onError: (error: unknown) => KioskError;
  /** Says an error in the element's live region (one the menu has no place for). */
  announceError: (message: string) => void;
  signOut: () => void;
}

/**
 * The signed-in customer's menu button and menu, after the WAI-ARIA APG menu button: the
 * button (initials and balance) has aria-haspopup, aria-expanded and aria-controls; Enter,
 * Space and ArrowDown open the menu on its first item, ArrowUp on its last; in the menu
 * ArrowDown/ArrowUp wrap, Home/End jump, Escape closes and returns focus to the button, Tab
 * and a press outside close it. The menu is a popover (the top layer: no host overflow or
 * stacking context clips it) anchored by the floating panel controller. Its points history
 * is fetched each time it opens. "Notifications" and "Passkeys" open a view of what the
 * shopper is subscribed to, or of their passkeys, in the same panel (subscriptions-view.ts,
 * passkeys-view.ts, each imported when first asked for; why a view: menu-view.ts). Loaded on
 * the first sign-in: a signed-out page never downloads it.
 */
export class AccountMenu implements ReactiveController {
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
    this.floating = new FloatingPanelController(host, {
      reference: () => this.query('.trigger'),
      floating: () => this.query('.panel'),
      placement: () => 'bottom-end',
    });
    this.viewOptions = { ...options, menuStyles: accountStyles };
    host.addController(this);
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
    const client = this.options.client();
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
    if (this.options.busy()) return;
    if (this.host.open) this.closeMenu(false);
    else this.openMenu('first');
  };

  private readonly onTriggerKeydown = (event: KeyboardEvent) => {
    if (this.options.busy()) return;
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
      this.options.announceError(this.options.t('error.view', { view: this.options.t(name) }));
    }
  }

  /**
   * Opens the shopper's orders on the hosted page, through the short-lived link the API
   * mints (no token in the URL), in this tab: opening a tab after the await would be blocked.
   */
  private readonly onOrders = async () => {
    const { t } = this.options;
    try {
      const url = await this.options.client()?.orders.pageUrl({ locale: this.options.locale() });
      if (url) location.assign(url);
    } catch (error) {
      this.options.onError(error);
      this.options.announceError(t('error.view', { view: t('orders') }));
    }
  };

  private readonly onSignOut = () => {
    this.closeMenu(true);
    this.options.signOut();
  };

  /** The menu button (filling the element's box) and its menu. */
  render(session: Session, summary: PointsSummary | null) {
    const { t } = this.options;
    const locale = this.options.locale();
    const { name } = session.customer;
    const initials = initialsOf(name);
    const busy = this.options.busy();
    const points = summary
      ? t('points', { count: summary.balance, n: formatNumber(summary.balance, locale) })
      : '';
    // The button's name, from its content: the initials and the short balance are decoration.
    const label = busy === 'out' ? t('signingOut') : points ? t('trigger', { name, points }) : name;
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
