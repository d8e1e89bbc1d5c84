import { type KioskClient, KioskError } from '@kiosk/sdk';
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
import type { AccountMenuHost, AccountMenuOptions, ViewName } from './account-menu.js';
import { menuViewStyles } from './menu-view.styles.js';

/** What a view uses of the account menu's options (its title is one of the menu's strings). */
export type MenuViewOptions = Pick<AccountMenuOptions, 'client' | 't' | 'onError'> & {
  /**
   * The menu's styles, which the view's go on top of. Handed over rather than imported, so a
   * view's chunk imports nothing of the menu's chunk (which is loaded already).
   */
  menuStyles: CSSResult;
};

/** The strings every view's namespace has (loading and retry are the common namespace's). */
export type MenuViewStrings = {
  back: string;
  remove: string;
  confirm: string;
  cancel: string;
  confirmQuestion: string;
  /** `{{name}}`: the row's name. */
  removed: string;
  empty: string;
  error: { load: string; remove: string };
};

/** What the account menu knows of a view: it opens it and draws it in its panel. */
export interface OpenableView {
  show(): Promise<void>;
  render(): TemplateResult | typeof nothing;
}

type List<Item> =
  | { status: 'loading' }
  | { status: 'done'; items: Item[] }
  | { status: 'error'; error: KioskError };

/**
 * A list of the shopper's things with Remove, shown in the account menu's panel in place of
 * the menu: the passkeys view and the notifications view are this, with their own list.
 *
 * Why a view and not items of the menu (decisions/008): a WAI-ARIA `menu` holds only menu
 * items, and a list with Remove buttons is not that. So the view's menu item opens a dialog
 * (`aria-haspopup="dialog"`, as the APG allows a menu item to), drawn in the same popover:
 * focus moves to its Back button, Tab moves between its buttons as in any dialog, Escape or
 * Back returns to the menu on the item that opened it, and focus leaving the element closes
 * the menu as Tab does in the menu. Removing asks first on the same button ("Yes, remove",
 * with Cancel beside it and the question as its description), never with window.confirm.
 *
 * `name` names the view's parts (`<name>-view`, `<name>-status`, the menu item `<name>`, whose
 * label is the view's title) and `item` its rows' (`<item>`, `<item>-remove`, `<item>-cancel`);
 * the list is `<item>-list`.
 */
export abstract class MenuView<Item extends { id: string }, S extends MenuViewStrings>
  implements ReactiveController, OpenableView
{
  /** The view shows in the panel (until Back, or the menu closes). */
  shown = false;
  protected readonly i18n: LocalizeController<S>;
  private list: List<Item> = { status: 'loading' };
  /** Counts list loads, so a late answer for an older opening is dropped. */
  private loads = 0;
  /** The row whose Remove was pressed once: its button now confirms. */
  private confirming: string | undefined;
  private removing: string | undefined;
  private status = { text: '', error: false };
  /** What to focus once the next render is done. */
  private focusNext: (() => HTMLElement | null | undefined) | undefined;

  constructor(
    protected readonly host: AccountMenuHost,
    protected readonly options: MenuViewOptions,
    private readonly parts: {
      name: ViewName;
      item: string;
      /** The error code of removing one that is gone already. */
      gone: string;
    },
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

  protected abstract fetch(client: KioskClient): Promise<Item[]>;
  /** Removes it on the server; an error with the `gone` code means it was already gone. */
  protected abstract removeOnServer(client: KioskClient, item: Item): Promise<void>;
  /** A row's name: its first line, Remove's description, and what "removed" says. */
  protected abstract nameOf(item: Item): string;
  /** A row's lines under its name. */
  protected abstract renderDetails(item: Item): TemplateResult;

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
   * Opens the view with a fresh list. In another language it waits for the view's strings
   * (one small request, beside the list's), so it never shows half in English.
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
  private get shared(): LocalizeController<MenuViewStrings> {
    return this.i18n as unknown as LocalizeController<MenuViewStrings>;
  }

  private query(selector: string) {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }

  private async load() {
    const client = this.options.client();
    if (!client) return;
    const load = ++this.loads;
    this.list = { status: 'loading' };
    this.confirming = undefined;
    this.host.requestUpdate();
    let list: List<Item>;
    try {
      list = { status: 'done', items: await this.fetch(client) };
    } catch (error) {
      list = { status: 'error', error: this.options.onError(error) };
    }
    if (load !== this.loads) return;
    this.list = list;
    this.host.requestUpdate();
  }

  private retry() {
    this.focusNext = () => this.query('.back');
    void this.load();
  }

  /** Back to the menu, on the item that opened the view. */
  private back() {
    this.shown = false;
    this.focusNext = () => this.query(`[part~=${this.parts.name}]`);
    this.host.requestUpdate();
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
      this.status = { text: this.shared.t('confirmQuestion'), error: false };
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
        this.status = { text: this.shared.error(e, 'error.remove'), error: true };
      }
    }
    this.removing = undefined;
    this.confirming = undefined;
    if (gone && this.list.status === 'done') {
      this.list = { status: 'done', items: this.list.items.filter((i) => i.id !== item.id) };
      this.status = { text: this.shared.t('removed', { name: this.nameOf(item) }), error: false };
      this.focusNext = () => {
        const buttons = this.host.renderRoot.querySelectorAll<HTMLElement>('.remove');
        return buttons[index] ?? buttons[index - 1] ?? this.query('.back');
      };
    }
    this.host.requestUpdate();
  }

  /** The view's keys are its own: the menu's (arrows, Tab closing it) stop here. */
  private readonly onKeydown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (this.confirming) this.cancel();
    else this.back();
  };

  /** Focus moving out of the element (Tab past the last button) closes the menu. */
  private readonly onFocusout = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (to && !this.host.renderRoot.contains(to)) this.host.open = false;
  };

  render() {
    if (!this.shown) return nothing;
    const { name } = this.parts;
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
      ${this.renderList()}
      <p part="${name}-status" class=${this.status.error ? 'note error' : 'visually-hidden'} role="status">
        ${this.status.text}
      </p>
    </section>`;
  }

  private renderList() {
    const { list } = this;
    const i18n = this.shared;
    if (list.status === 'loading') {
      return html`<p class="note muted" aria-busy="true">${i18n.t('loading')}</p>`;
    }
    if (list.status === 'error') {
      return html`<p class="note error">${i18n.error(list.error, 'error.load')}</p>
        <button part="retry" class="action" type="button" @click=${() => this.retry()}>
          ${i18n.t('retry')}
        </button>`;
    }
    if (!list.items.length) return html`<p class="note muted">${this.shared.t('empty')}</p>`;
    return html`<ul part="${this.parts.item}-list" class="view-list" aria-labelledby="${this.parts.name}-title">
      ${list.items.map((item, i) => this.renderItem(item, i))}
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
      ${confirming ? html`<span class="note" id=${question}>${this.shared.t('confirmQuestion')}</span>` : nothing}
      <span class="item-actions">
        <button
          part="${part}-remove"
          class="action remove"
          type="button"
          aria-describedby=${confirming ? question : `${part}-${index}`}
          aria-disabled=${this.removing === item.id ? 'true' : 'false'}
          @click=${() => this.remove(item, index)}
        >
          ${confirming ? this.shared.t('confirm') : this.shared.t('remove')}
        </button>
        ${
          confirming
            ? html`<button part="${part}-cancel" class="action" type="button" @click=${() => this.cancel()}>
                ${this.shared.t('cancel')}
              </button>`
            : nothing
        }
      </span>
    </li>`;
  }
}
