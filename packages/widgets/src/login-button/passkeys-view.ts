import { KioskError, type Passkey } from '@kiosk/sdk';
import { adoptStyles, html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import type { AccountMenuHost, AccountMenuOptions } from './account-menu.js';
import { accountStyles } from './account-menu.styles.js';
import { passkeysStrings } from './i18n/passkeys/index.js';
import { passkeysStyles } from './passkeys-view.styles.js';

/** What the view uses of the account menu's options (its title is the menu's "passkeys"). */
export type PasskeysViewOptions = Pick<AccountMenuOptions, 'client' | 't' | 'onError'>;

type List =
  | { status: 'loading' }
  | { status: 'done'; items: Passkey[] }
  | { status: 'error'; error: KioskError };

/** How long each unit is, in seconds, largest first: "last used" says the largest that fits. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 days ago", "yesterday", "now", in the locale. */
function ago(iso: string, locale: string): string {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(
    Math.round(seconds / size),
    unit,
  );
}

/**
 * The signed-in shopper's passkeys, shown in the account menu's panel in place of the menu.
 *
 * Why a view and not items of the menu: a WAI-ARIA `menu` holds only menu items, and a list
 * with dates and Remove buttons is not that. So "Passkeys" is a menu item that opens a dialog
 * (`aria-haspopup="dialog"`, as the APG allows a menu item to), drawn in the same popover:
 * focus moves to its Back button, Tab moves between its buttons as in any dialog, Escape or
 * Back returns to the menu on "Passkeys", and focus leaving the element closes the menu as Tab
 * does in the menu. Removing asks first on the same button ("Yes, remove", with Cancel beside
 * it and the question as its description), never with window.confirm.
 *
 * This module, its strings and styles are imported the first time the shopper opens the view
 * (account-menu.ts), so a signed-in menu costs nothing for it until asked.
 */
export class PasskeysView implements ReactiveController {
  /** The view shows in the panel (until Back, or the menu closes). */
  shown = false;
  private readonly i18n: LocalizeController<typeof passkeysStrings.en>;
  private list: List = { status: 'loading' };
  /** Counts list loads, so a late answer for an older opening is dropped. */
  private loads = 0;
  /** The passkey whose Remove was pressed once: its button now confirms. */
  private confirming: string | undefined;
  private removing: string | undefined;
  private status = { text: '', error: false };
  /** What to focus once the next render is done. */
  private focusNext: (() => HTMLElement | null | undefined) | undefined;

  constructor(
    private readonly host: AccountMenuHost,
    private readonly options: PasskeysViewOptions,
  ) {
    this.i18n = new LocalizeController(host, passkeysStrings);
    host.addController(this);
    const element = host.constructor as typeof ReactiveElement;
    adoptStyles(host.renderRoot as ShadowRoot, [
      ...element.elementStyles,
      accountStyles,
      passkeysStyles,
    ]);
  }

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

  private t(key: MessageKey<typeof passkeysStrings.en>, options?: Record<string, unknown>) {
    return this.i18n.t(key, options);
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
    let list: List;
    try {
      list = { status: 'done', items: await client.auth.passkeys() };
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
    this.focusNext = () => this.query('[part~=passkeys]');
    this.host.requestUpdate();
  }

  private cancel() {
    this.confirming = undefined;
    this.host.requestUpdate();
  }

  /** First press: asks. Second press ("Yes, remove"): removes, then focus goes to a neighbour. */
  private async remove(passkey: Passkey, index: number) {
    const client = this.options.client();
    if (!client || this.removing) return;
    if (this.confirming !== passkey.id) {
      this.confirming = passkey.id;
      this.status = { text: this.t('confirmQuestion'), error: false };
      this.host.requestUpdate();
      return;
    }
    this.removing = passkey.id;
    this.host.requestUpdate();
    let gone = true;
    try {
      await client.auth.removePasskey(passkey.id);
    } catch (error) {
      // Removed meanwhile (another tab): what the shopper asked for is done.
      gone = error instanceof KioskError && error.code === 'passkey_not_found';
      if (!gone) {
        const e = this.options.onError(error);
        this.status = { text: this.i18n.error(e, 'error.remove'), error: true };
      }
    }
    this.removing = undefined;
    this.confirming = undefined;
    if (gone && this.list.status === 'done') {
      this.list = { status: 'done', items: this.list.items.filter((p) => p.id !== passkey.id) };
      this.status = { text: this.t('removed', { name: passkey.name }), error: false };
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
    return html`<section
      part="passkeys-view"
      class="passkeys"
      role="dialog"
      aria-labelledby="passkeys-title"
      @keydown=${this.onKeydown}
      @focusout=${this.onFocusout}
    >
      <div class="passkeys-head">
        <button part="back" class="back" type="button" @click=${() => this.back()}>
          ${this.t('back')}
        </button>
        <h2 class="section-title" id="passkeys-title">${this.options.t('passkeys')}</h2>
      </div>
      ${this.renderList()}
      <p part="passkeys-status" class=${this.status.error ? 'note error' : 'visually-hidden'} role="status">
        ${this.status.text}
      </p>
    </section>`;
  }

  private renderList() {
    const { list } = this;
    if (list.status === 'loading') {
      return html`<p class="note muted" aria-busy="true">${this.t('loading')}</p>`;
    }
    if (list.status === 'error') {
      return html`<p class="note error">${this.i18n.error(list.error, 'error.load')}</p>
        <button part="retry" class="action" type="button" @click=${() => this.retry()}>
          ${this.t('retry')}
        </button>`;
    }
    if (!list.items.length) return html`<p class="note muted">${this.t('empty')}</p>`;
    return html`<ul part="passkey-list" class="passkey-list" aria-labelledby="passkeys-title">
      ${list.items.map((p, i) => this.renderPasskey(p, i))}
    </ul>`;
  }

  private renderPasskey(passkey: Passkey, index: number) {
    const { locale } = this.i18n;
    const confirming = this.confirming === passkey.id;
    const added = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
      new Date(passkey.createdAt),
    );
    // The name is the server's ("Chrome on Linux"), isolated for either direction.
    return html`<li part="passkey" class="passkey">
      <span class="passkey-name" id="passkey-${index}" dir="auto">${passkey.name}</span>
      <span class="muted">${this.t('added', { date: added })}</span>
      <span class="muted">
        ${
          passkey.lastUsedAt
            ? this.t('lastUsed', { when: ago(passkey.lastUsedAt, locale) })
            : this.t('neverUsed')
        }
      </span>
      ${confirming ? html`<span class="note" id="confirm-${index}">${this.t('confirmQuestion')}</span>` : nothing}
      <span class="passkey-actions">
        <button
          part="passkey-remove"
          class="action remove"
          type="button"
          aria-describedby=${confirming ? `confirm-${index}` : `passkey-${index}`}
          aria-disabled=${this.removing === passkey.id ? 'true' : 'false'}
          @click=${() => this.remove(passkey, index)}
        >
          ${confirming ? this.t('confirm') : this.t('remove')}
        </button>
        ${
          confirming
            ? html`<button part="passkey-cancel" class="action" type="button" @click=${() => this.cancel()}>
                ${this.t('cancel')}
              </button>`
            : nothing
        }
      </span>
    </li>`;
  }
}
