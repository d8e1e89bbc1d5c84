import type { KioskClient, KioskError } from '@kiosk/sdk';
import {
  adoptStyles,
  type CSSResult,
  html,
  nothing,
  type ReactiveController,
  type ReactiveElement,
  type TemplateResult,
} from 'lit';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { Strings } from '../i18n/i18n.js';
import type { AccountMenuHost, AccountMenuOptions, MenuKey, ViewName } from './account-menu.js';
import type { TierStatus } from './account-summary.js';
import { menuViewStyles } from './menu-view.styles.js';

/**
 * What a view gets from the account menu. The menu's parts are handed over rather than
 * imported, so a view's chunk imports nothing of the menu's chunk (which is loaded already).
 */
export type MenuViewOptions = Pick<AccountMenuOptions, 'currency' | 'onError'> & {
  client: () => KioskClient | null;
  /** The menu's strings (its items' labels are the views' titles). */
  t: (key: MenuKey, options?: Record<string, unknown>) => string;
  /** The menu's styles, which the view's go on top of. */
  menuStyles: CSSResult;
  /** The menu's progress to the next tier, labelled by the element `id` names. */
  progress: (status: TierStatus, id: string) => TemplateResult | typeof nothing;
};

/** The strings every view's namespace has (loading and retry are the common namespace's). */
export type MenuViewStrings = {
  back: string;
  error: { load: string };
};

/** What the account menu knows of a view: it opens it and draws it in its panel. */
export interface OpenableView {
  show(): Promise<void>;
  render(): TemplateResult | typeof nothing;
}

type Loaded<Data> =
  | { status: 'loading' }
  | { status: 'done'; data: Data }
  | { status: 'error'; error: KioskError };

/**
 * Something of the shopper's, read from the API each time it opens, shown in the account
 * menu's panel in place of the menu: the membership view is this, and the passkeys and
 * notifications views are lists with Remove (list-view.ts).
 *
 * Why a view and not items of the menu (decisions/008): a WAI-ARIA `menu` holds only menu
 * items, and a list or a page of details is not that. So the view's menu item opens a dialog
 * (`aria-haspopup="dialog"`, as the APG allows a menu item to), drawn in the same popover:
 * focus moves to its Back button, Tab moves between its buttons as in any dialog, Escape or
 * Back returns to the menu on the item that opened it, and focus leaving the element closes
 * the menu as Tab does in the menu. While it loads it says so; when the read fails, the error
 * (translated) and "Try again": never a blank box.
 *
 * `name` names the view's parts (`<name>-view`, `<name>-status`, the menu item `<name>`, whose
 * label is the view's title).
 */
export abstract class MenuView<Data, S extends MenuViewStrings>
  implements ReactiveController, OpenableView
{
  /** The view shows in the panel (until Back, or the menu closes). */
  shown = false;
  protected readonly i18n: LocalizeController<S>;
  protected loaded: Loaded<Data> = { status: 'loading' };
  /** What the view's live region says (and shows, for an error). */
  protected status = { text: '', error: false };
  /** What to focus once the next render is done. */
  protected focusNext: (() => HTMLElement | null | undefined) | undefined;
  /** Counts loads, so a late answer for an older opening is dropped. */
  private loads = 0;

  constructor(
    protected readonly host: AccountMenuHost,
    protected readonly options: MenuViewOptions,
    protected readonly name: ViewName,
    strings: Strings<S>,
  ) {
    this.i18n = new LocalizeController(host, strings);
    host.addController(this);
    const element = host.constructor as typeof ReactiveElement;
    adoptStyles(host.renderRoot as ShadowRoot, [
      ...element.elementStyles,
      options.menuStyles,
      menuViewStyles,
    ]);
  }

  protected abstract fetch(client: KioskClient): Promise<Data>;
  /** What the view shows once its data is in. */
  protected abstract renderData(data: Data): TemplateResult;

  hostUpdate(): void {
    // The menu closed (Escape in the menu, a press outside, signing out): next time, the menu.
    if (!this.host.open) this.shown = false;
  }

  hostUpdated(): void {
    const target = this.focusNext?.();
    this.focusNext = undefined;
    target?.focus();
  }

  /**
   * Opens the view with fresh data. In another language it waits for the view's strings
   * (one small request, beside the data's), so it never shows half in English.
   */
  async show(): Promise<void> {
    void this.load();
    this.host.requestUpdate();
    await this.host.updateComplete; // the language is known
    await this.i18n.whenReady();
    if (!this.host.open) return;
    this.shown = true;
    this.status = { text: '', error: false };
    this.focusNext = () => this.query('.back');
    this.host.requestUpdate();
  }

  /**
   * The view's own namespace, typed as the strings every view has (`S` has them, but a key of
   * a type parameter can't be checked against it).
   */
  protected get shared(): LocalizeController<MenuViewStrings> {
    return this.i18n as unknown as LocalizeController<MenuViewStrings>;
  }

  protected query(selector: string) {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }

  protected async load() {
    const client = this.options.client();
    if (!client) return;
    const load = ++this.loads;
    this.loaded = { status: 'loading' };
    this.host.requestUpdate();
    let loaded: Loaded<Data>;
    try {
      loaded = { status: 'done', data: await this.fetch(client) };
    } catch (error) {
      loaded = { status: 'error', error: this.options.onError(error) };
    }
    if (load !== this.loads) return;
    this.loaded = loaded;
    this.host.requestUpdate();
  }

  private retry() {
    this.focusNext = () => this.query('.back');
    void this.load();
  }

  /** Back to the menu, on the item that opened the view. */
  protected back() {
    this.shown = false;
    this.focusNext = () => this.query(`[part~=${this.name}]`);
    this.host.requestUpdate();
  }

  /** Escape: back to the menu (a list first takes back a "Yes, remove"). */
  protected escape() {
    this.back();
  }

  /** The view's keys are its own: the menu's (arrows, Tab closing it) stop here. */
  private readonly onKeydown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.escape();
  };

  /** Focus moving out of the element (Tab past the last button) closes the menu. */
  private readonly onFocusout = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (to && !this.host.renderRoot.contains(to)) this.host.open = false;
  };

  render() {
    if (!this.shown) return nothing;
    const { name } = this;
    return html`<section
      part="${name}-view"
      class="view"
      role="dialog"
      aria-labelledby="${name}-title"
      @keydown=${this.onKeydown}
      @focusout=${this.onFocusout}
    >
      <div class="view-head">
        <button part="back" class="back" type="button" @click=${() => this.back()}>
          ${this.shared.t('back')}
        </button>
        <h2 class="section-title" id="${name}-title">${this.options.t(name)}</h2>
      </div>
      ${this.renderBody()}
      <p part="${name}-status" class=${this.status.error ? 'note error' : 'visually-hidden'} role="status">
        ${this.status.text}
      </p>
    </section>`;
  }

  private renderBody() {
    const { loaded } = this;
    const i18n = this.shared;
    if (loaded.status === 'loading') {
      return html`<p class="note muted" aria-busy="true">${i18n.t('loading')}</p>`;
    }
    if (loaded.status === 'error') {
      return html`<p class="note error">${i18n.error(loaded.error, 'error.load')}</p>
        <button part="retry" class="action" type="button" @click=${() => this.retry()}>
          ${i18n.t('retry')}
        </button>`;
    }
    return this.renderData(loaded.data);
  }
}
