import type { KioskClient, Passkey } from '@kiosk/sdk';
import { html } from 'lit';
import type { AccountMenuHost } from './account-menu.js';
import { passkeysStrings } from './i18n/passkeys/index.js';
import { ListView, type MenuViewOptions } from './menu-view.js';

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
 * The signed-in shopper's passkeys, a view in the account menu's panel (menu-view.ts: why a
 * view, and how it behaves).
 *
 * This module and its strings are imported the first time the shopper opens the view
 * (account-menu.ts), so a signed-in menu costs nothing for it until asked.
 */
export class PasskeysView extends ListView<Passkey, typeof passkeysStrings.en> {
  constructor(host: AccountMenuHost, options: MenuViewOptions) {
    super(
      host,
      options,
      { name: 'passkeys', item: 'passkey', gone: 'passkey_not_found' },
      passkeysStrings,
    );
  }

  protected fetch(client: KioskClient) {
    return client.auth.passkeys();
  }

  protected removeOnServer(client: KioskClient, passkey: Passkey) {
    return client.auth.removePasskey(passkey.id);
  }

  /** The server's ("Chrome on Linux"). */
  protected nameOf(passkey: Passkey) {
    return passkey.name;
  }

  protected renderDetails(passkey: Passkey) {
    const { locale } = this.i18n;
    const added = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
      new Date(passkey.createdAt),
    );
    return html`<span class="muted">${this.i18n.t('added', { date: added })}</span>
      <span class="muted">
        ${
          passkey.lastUsedAt
            ? this.i18n.t('lastUsed', { when: ago(passkey.lastUsedAt, locale) })
            : this.i18n.t('neverUsed')
        }
      </span>`;
  }
}
