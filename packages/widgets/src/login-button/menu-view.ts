import { type KioskClient, KioskError } from '@kiosk/sdk';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { Strings } from '../i18n/i18n.js';
import type { AccountMenuHost, AccountMenuOptions } from './account-menu.js';
import type { MenuKey, ViewName } from './account-panel.js';
import type { TierStatus } from './account-summary.js';

/**
 * What a view gets from the account menu. The menu's parts are handed over rather than
 * imported, so a view's chunk imports nothing of the menu's chunks (which are loaded already).
 * Their styles are the menu's, adopted with it (account-menu.ts).
 */
export type MenuViewOptions = Pick<AccountMenuOptions, 'currency' | 'onError'> & {
  client: () => KioskClient | null;
  /** The menu's strings (its items' labels are the views' titles). */
  t: (key: MenuKey, options?: Record<string, unknown>) => string;
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
 * notifications views are lists with Remove (ListView, below).
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

/** The strings every list view's namespace has. */
export type ListViewStrings = MenuViewStrings & {
  remove: string;
  confirm: string;
  cancel: string;
  confirmQuestion: string;
  /** `{{name}}`: the row's name. */
  removed: string;
  empty: string;
  error: { load: string; remove: string };
};

/**
 * A list of the shopper's things with Remove, a view of the account menu (menu-view.ts): the
 * passkeys view and the notifications view are this, with their own list. Removing asks first
 * on the same button ("Yes, remove", with Cancel beside it and the question as its
 * description), never with window.confirm; Escape takes that back before it leaves the view.
 *
 * Its rows' parts are named by `item`: `<item>`, `<item>-remove`, `<item>-cancel`; the list is
 * `<item>-list`.
 */
export abstract class ListView<
  Item extends { id: string },
  S extends ListViewStrings,
> extends MenuView<Item[], S> {
  /** The row whose Remove was pressed once: its button now confirms. */
  private confirming: string | undefined;
  private removing: string | undefined;

  constructor(
    host: AccountMenuHost,
    options: MenuViewOptions,
    private readonly parts: {
      name: ViewName;
      item: string;
      /** The error code of removing one that is gone already. */
      gone: string;
    },
    strings: Strings<S>,
  ) {
    super(host, options, parts.name, strings);
  }

  /** Removes it on the server; an error with the `gone` code means it was already gone. */
  protected abstract removeOnServer(client: KioskClient, item: Item): Promise<void>;
  /** A row's name: its first line, Remove's description, and what "removed" says. */
  protected abstract nameOf(item: Item): string;
  /** A row's lines under its name. */
  protected abstract renderDetails(item: Item): TemplateResult;

  /** The list's strings, typed as every list view has them (as `shared`). */
  private get list() {
    return this.i18n as unknown as MenuView<Item[], ListViewStrings>['i18n'];
  }

  protected override load() {
    this.confirming = undefined;
    return super.load();
  }

  protected override escape() {
    if (this.confirming) this.cancel();
    else this.back();
  }

  private cancel() {
    this.confirming = undefined;
    this.host.requestUpdate();
  }

  /** First press: asks. Second press ("Yes, remove"): removes, then focus goes to a neighbour. */
  private async remove(item: Item, index: number) {
    const client = this.options.client();
    if (!client || this.removing) return;
    if (this.confirming !== item.id) {
      this.confirming = item.id;
      this.status = { text: this.list.t('confirmQuestion'), error: false };
      this.host.requestUpdate();
      return;
    }
    this.removing = item.id;
    this.host.requestUpdate();
    let gone = true;
    try {
      await this.removeOnServer(client, item);
    } catch (error) {
      // Removed meanwhile (another tab, a mail's unsubscribe link): what was asked for is done.
      gone = error instanceof KioskError && error.code === this.parts.gone;
      if (!gone) {
        const e = this.options.onError(error);
        this.status = { text: this.list.error(e, 'error.remove'), error: true };
      }
    }
    this.removing = undefined;
    this.confirming = undefined;
    if (gone && this.loaded.status === 'done') {
      this.loaded = {
        status: 'done',
        data: this.loaded.data.filter((i) => i.id !== item.id),
      };
      this.status = { text: this.list.t('removed', { name: this.nameOf(item) }), error: false };
      this.focusNext = () => {
        const buttons = this.host.renderRoot.querySelectorAll<HTMLElement>('.remove');
        return buttons[index] ?? buttons[index - 1] ?? this.query('.back');
      };
    }
    this.host.requestUpdate();
  }

  protected renderData(items: Item[]) {
    if (!items.length) return html`<p class="note muted">${this.list.t('empty')}</p>`;
    return html`<ul part="${this.parts.item}-list" class="view-list" aria-labelledby="${this.name}-title">
      ${items.map((item, i) => this.renderItem(item, i))}
    </ul>`;
  }

  private renderItem(item: Item, index: number) {
    const { item: part } = this.parts;
    const confirming = this.confirming === item.id;
    const question = `${part}-confirm-${index}`;
    // The name is the server's or the store's words ("Chrome on Linux", a product's title),
    // isolated for either direction.
    return html`<li part=${part} class="view-item">
      <span class="item-name" id="${part}-${index}" dir="auto">${this.nameOf(item)}</span>
      ${this.renderDetails(item)}
      ${confirming ? html`<span class="note" id=${question}>${this.list.t('confirmQuestion')}</span>` : nothing}
      <span class="item-actions">
        <button
          part="${part}-remove"
          class="action remove"
          type="button"
          aria-describedby=${confirming ? question : `${part}-${index}`}
          aria-disabled=${this.removing === item.id ? 'true' : 'false'}
          @click=${() => this.remove(item, index)}
        >
          ${confirming ? this.list.t('confirm') : this.list.t('remove')}
        </button>
        ${
          confirming
            ? html`<button part="${part}-cancel" class="action" type="button" @click=${() => this.cancel()}>
                ${this.list.t('cancel')}
              </button>`
            : nothing
        }
      </span>
    </li>`;
  }
}
