import { type KioskClient, KioskError } from '@kiosk/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/i18n.js';
import type { AccountMenuHost, ViewName } from './account-menu.js';
import { MenuView, type MenuViewOptions, type MenuViewStrings } from './menu-view.js';

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
