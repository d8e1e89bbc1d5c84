import type { Cart, KioskError, PointsSummary } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import { storeId, storeOf } from '../config.js';
import { LoadController } from '../controllers/load-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import type { MiniCartPanel } from './panel.js';
import { type PointsTerms, pointsTerms, pointsWorth } from './points-terms.js';

/**
 * The open cart's points: a signed-in customer's balance and tier, the form that applies points
 * ("Use points", "Use all", what the typed number is worth), the points applied and what the
 * order will earn; a guest is asked to sign in where the page can sign in to this store.
 */
export class PointsForm {
  /** True while the server applies points: the summary shows its figures as pending. */
  redeeming = false;
  private input = '';
  private error = '';
  private terms: PointsTerms | null = null;
  private readonly session: StoreController<unknown>;
  private readonly summary: StoreController<PointsSummary | null>;
  /** A signed-in customer's cart shows what points are worth: the store's terms, once per store. */
  private readonly termsLoader: LoadController;

  constructor(private readonly panel: MiniCartPanel) {
    const { element, clients } = panel.host;
    this.session = new StoreController(element, clients, (c) => c.auth.$session);
    this.summary = new StoreController(element, clients, (c) => c.points.$summary);
    this.termsLoader = new LoadController(
      element,
      () => {
        const client = panel.client;
        return client && this.session.value ? storeId(client) : '';
      },
      async (current) => {
        const client = panel.client;
        this.terms = null;
        if (!client || !this.session.value) return;
        const terms = await pointsTerms(client);
        if (!current()) return;
        this.terms = terms;
        element.requestUpdate();
      },
    );
  }

  /** The cart opened: terms not read last time (offline) are asked for again. */
  opened(): void {
    if (!this.terms) void this.termsLoader.reload();
  }

  private message(e: KioskError): string {
    const max = (e.details as { maxPoints?: number } | undefined)?.maxPoints ?? -1;
    return this.panel.i18n.error(
      e,
      'points.failed',
      {
        points_limit_exceeded: max < 0 ? 'points.failed' : 'points.limit',
        insufficient_points: 'points.insufficient',
        unauthenticated: 'points.signIn',
        validation_failed: 'points.invalid',
      },
      { count: max, n: this.panel.num(max) },
    );
  }

  private showError(message: string) {
    this.error = message;
    this.panel.el.requestUpdate();
  }

  /**
   * Applies `points` to the cart. With `upToMax`, what the server refuses as too many becomes
   * the most it allows: it alone knows the limit (its rates, `maxRedeemPercent`) and what this
   * cart's unpaid order already holds, and says both in its refusal.
   */
  private async redeem(points: number, upToMax = false) {
    const { panel } = this;
    const client = panel.client;
    if (!client) return;
    const balance = this.summary.value?.balance ?? client.points.$balance.get() ?? 0;
    if (!Number.isInteger(points) || points < 0) return this.showError(panel.t('points.invalid'));
    if (!upToMax && points > balance) {
      return this.showError(panel.t('points.tooMany', { count: balance, n: panel.num(balance) }));
    }
    this.redeeming = true;
    this.showError('');
    try {
      let want = points;
      for (;;) {
        try {
          await client.cart.redeemPoints(want);
          break;
        } catch (error) {
          const e = error as KioskError;
          const details = e.details as { maxPoints?: number; balance?: number } | undefined;
          const allowed =
            e.code === 'points_limit_exceeded'
              ? details?.maxPoints
              : e.code === 'insufficient_points'
                ? details?.balance
                : undefined;
          if (!upToMax || typeof allowed !== 'number' || allowed >= want) throw error;
          want = allowed;
        }
      }
      this.input = '';
      void panel.announce(
        want === 0
          ? panel.t('points.removed')
          : panel.t('points.applied', { count: want, n: panel.num(want) }),
      );
    } catch (error) {
      this.error = this.message(panel.host.emitError(error));
    } finally {
      this.redeeming = false;
      panel.el.requestUpdate();
    }
  }

  // An arrow function: lit calls listeners with the element as `this`.
  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const raw = this.input.trim();
    void this.redeem(raw === '' ? Number.NaN : Number(raw));
  };

  /**
   * Whether the page offers a way to sign in to this cart's store: a `<kiosk-login-button>`
   * that uses the same store. A second store's cart (inside another `<kiosk-store>`) on a page
   * whose sign-in belongs to the first store does not ask its shoppers to sign in.
   */
  private canSignIn(): boolean {
    const client = this.panel.client;
    return (
      !!client &&
      [...document.querySelectorAll('kiosk-login-button')].some(
        (button) => storeOf(button) === storeId(client),
      )
    );
  }

  /** "You'll earn N points" when the server says how many (`pointsToEarn`, 0 for guests). */
  private renderEarn(cart: Cart) {
    const earn = cart.pointsToEarn;
    if (!(earn > 0)) return nothing;
    const { panel } = this;
    return html`<p class="earn">${panel.t('points.earn', { count: earn, n: panel.num(earn) })}</p>`;
  }

  private renderWorth(points: number) {
    if (!this.terms || points <= 0) return nothing;
    const { panel } = this;
    const value = panel.money(pointsWorth(points, this.terms));
    return html`<p id="points-worth" class="worth">
      ${panel.t('points.worth', { count: points, n: panel.num(points), value })}
    </p>`;
  }

  render(cart: Cart) {
    const { panel } = this;
    const t = panel.t.bind(panel);
    if (!this.session.value) {
      // Only where this store has a sign-in on the page; a second store's cart stays quiet.
      return this.canSignIn()
        ? html`<p part="points" class="points guest">${t('points.guest')}</p>`
        : nothing;
    }
    const summary = this.summary.value ?? null;
    // The balance the server reports is what can be spent: points held by unpaid orders
    // (redeemed at checkout, given back if the order expires) are already taken off.
    const balance = Math.max(0, summary?.balance ?? 0);
    const title = html`<h3 id="points-title" class="points-title">${t('points.title')}</h3>`;
    if (summary && balance === 0 && cart.pointsRedeemed === 0) {
      return html`<section part="points" class="points" aria-labelledby="points-title">
        ${title}
        <p class="balance">${t('points.none')}</p>
        <p class="hint">${t('points.howToEarn')}</p>
        ${this.renderEarn(cart)}
      </section>`;
    }
    const typed = Number(this.input.trim());
    const worthOf = this.input.trim() && Number.isInteger(typed) ? typed : balance;
    const describedBy = [
      this.error ? 'points-error' : '',
      this.terms && worthOf > 0 ? 'points-worth' : '',
    ].filter(Boolean);
    const busy = this.redeeming;
    return html`<section part="points" class="points" aria-labelledby="points-title">
      ${title}
      <p class="balance">
        ${
          summary
            ? html`${t('points.balance', { count: balance, n: panel.num(balance) })}${
                summary.tier.name
                  ? html`${' · '}<span class="tier">${t('points.tier', { tier: summary.tier.name })}</span>`
                  : nothing
              }`
            : html`<span class="placeholder line"></span>`
        }
      </p>
      ${
        cart.pointsRedeemed > 0
          ? html`<p class="applied">
              ${t('points.applied', { count: cart.pointsRedeemed, n: panel.num(cart.pointsRedeemed) })}
              <button
                type="button"
                class="link"
                aria-disabled=${busy}
                @click=${() => !busy && this.redeem(0)}
              >
                ${t('points.remove')}
              </button>
            </p>`
          : nothing
      }
      ${
        balance > 0
          ? html`<form class="redeem" novalidate @submit=${this.onSubmit}>
              <label for="points-input">${t('points.label')}</label>
              <input
                id="points-input"
                name="points"
                type="number"
                inputmode="numeric"
                min="0"
                step="1"
                max=${balance}
                .value=${this.input}
                aria-invalid=${!!this.error}
                aria-describedby=${describedBy.length ? describedBy.join(' ') : nothing}
                @input=${(e: Event) => {
                  this.input = (e.target as HTMLInputElement).value;
                  panel.el.requestUpdate();
                }}
              />
              <button type="submit" aria-disabled=${busy}>
                ${busy ? t('points.applying') : t('points.apply')}
              </button>
              <button
                type="button"
                class="use-all"
                aria-disabled=${busy}
                @click=${() => !busy && this.redeem(balance + cart.pointsRedeemed, true)}
              >
                ${t('points.useAll')}
              </button>
            </form>
            ${this.renderWorth(worthOf)}`
          : nothing
      }
      ${
        this.error
          ? html`<p id="points-error" part="error" class="error" role="alert">${this.error}</p>`
          : nothing
      }
      ${this.renderEarn(cart)}
    </section>`;
  }
}
