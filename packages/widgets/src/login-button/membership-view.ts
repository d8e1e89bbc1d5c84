import type { KioskClient, Membership } from '@kiosk/sdk';
import { html } from 'lit';
import { amountOf, formatNumber, moneyText } from '../format.js';
import type { AccountMenuHost } from './account-menu.js';
import { membershipStrings } from './i18n/membership/index.js';
import { MenuView, type MenuViewOptions } from './menu-view.js';

/**
 * The shopper's membership, a view in the account menu's panel (menu-view.ts: why a view, and
 * how it behaves): their tier and where it comes from (their lifetime points, or a paid plan
 * and when it ends), the tier's perks in words, and the progress to the next tier. Read from
 * `GET /v1/membership` each time it opens.
 *
 * This module and its strings are imported the first time the shopper opens the view
 * (account-menu.ts), so a signed-in menu costs nothing for it until asked.
 */
export class MembershipView extends MenuView<Membership, typeof membershipStrings.en> {
  constructor(host: AccountMenuHost, options: MenuViewOptions) {
    super(host, options, 'membership', membershipStrings);
  }

  protected fetch(client: KioskClient) {
    return client.points.membership();
  }

  protected renderData(membership: Membership) {
    const perks = this.perks(membership);
    return html`<p part="membership-tier" class="item-name">
        ${membership.tier ? this.options.t('tier', { tier: membership.tier }) : this.i18n.t('noTier')}
      </p>
      ${this.renderSource(membership)}
      <h3 class="section-title view-section" id="perks-title">${this.i18n.t('perks')}</h3>
      ${
        perks.length
          ? html`<ul part="perk-list" class="view-list" aria-labelledby="perks-title">
              ${perks.map((perk) => html`<li part="perk" class="view-item">${perk}</li>`)}
            </ul>`
          : html`<p part="no-perks" class="note muted">${this.i18n.t('noPerks')}</p>`
      }
      <div class="view-section">${this.options.progress(membership, 'membership-progress')}</div>`;
  }

  /** Where the tier comes from: the lifetime points, or the paid plan (and until when). */
  private renderSource({ source, lifetime, plan }: Membership) {
    const { i18n } = this;
    const { locale } = i18n;
    const until = (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
    const lines = [
      source === 'points'
        ? i18n.t('fromPoints', { count: lifetime, n: formatNumber(lifetime, locale) })
        : plan && source === 'plan'
          ? i18n.t('fromPlan', { date: until(plan.activeUntil) })
          : '',
      // A plan of a lower tier than the points give still runs: the shopper paid for it.
      plan && source === 'points'
        ? i18n.t('plan', { tier: plan.tier, date: until(plan.activeUntil) })
        : '',
    ].filter(Boolean);
    return lines.map((line) => html`<p part="membership-source" class="muted">${line}</p>`);
  }

  /** The tier's perks in words, the free shipping threshold in the element's currency. */
  private perks({ perks }: Membership): string[] {
    const { i18n } = this;
    const { locale } = i18n;
    const words: string[] = [];
    if (perks.percentOff) {
      const percent = new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 2,
      }).format(perks.percentOff / 100);
      words.push(i18n.t('perk.percentOff', { percent }));
    }
    if (perks.pointsMultiplier > 1) {
      words.push(i18n.t('perk.multiplier', { n: formatNumber(perks.pointsMultiplier, locale, 2) }));
    }
    if (perks.freeShippingOver) {
      const currency = this.options.currency();
      const over = perks.freeShippingOver.find((m) => m.currency === currency);
      words.push(
        !over
          ? i18n.t('perk.freeShippingSome')
          : amountOf(over) === 0
            ? i18n.t('perk.freeShipping')
            : i18n.t('perk.freeShippingOver', { amount: moneyText(over, locale) }),
      );
    }
    if (perks.birthdayPoints) {
      const n = perks.birthdayPoints;
      words.push(i18n.t('perk.birthday', { count: n, n: formatNumber(n, locale) }));
    }
    return words;
  }
}
