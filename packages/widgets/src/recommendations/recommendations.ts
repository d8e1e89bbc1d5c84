import type { KioskError, RecommendationKind, Recommendations } from '@kiosk/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LoadController } from '../controllers/load-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskElement } from '../kiosk-element.js';
import '../product-card/define.js';
import type { ProductCardLayout } from '../product-card/product-card.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { recommendationsStrings } from './i18n/index.js';
import { placeholderStyles } from './placeholder.styles.js';
import { styles } from './recommendations.styles.js';

export type RecommendationsState = 'loading' | 'ready' | 'empty' | 'off' | 'error';

/**
 * @summary A row of product cards to go with a product or the shopper: bought together,
 * similar, picked for you (the signed-in shopper's orders, else what sells in their currency)
 * or recently viewed (kept on this device only). The heading says why ("Often bought with
 * Classic Tee"); the row scrolls sideways and snaps to each card. Hidden when the store turned
 * recommendations off.
 *
 * @event {KioskErrorEvent} kiosk-error - Loading failed: `{ error }` (a KioskError). The element shows it too.
 *
 * @csspart base - The element's box (a labelled region).
 * @csspart heading - The heading that says why these products (an h2).
 * @csspart list - The scrolling row of cards (a list).
 * @csspart item - One card's place in the row.
 * @csspart message - The empty state's message.
 *
 * @cssprop --kiosk-color-accent - Focus ring (global token).
 * @cssprop --kiosk-radius - Corner radius (global token).
 * @cssprop --kiosk-font - Font family; inherits the page's font by default (global token).
 * @cssprop --kiosk-recommendations-gap - Space between cards (default 1rem).
 * @cssprop --kiosk-recommendations-card-size - Width of each card (default 14rem).
 * @cssprop --kiosk-recommendations-heading-size - Heading font size (default 1.25rem).
 */
export class KioskRecommendations extends KioskElement {
  static override styles = [sharedStyles, placeholderStyles, styles];

  /** `bought-together` or `similar` (for `product`), `for-you` or `recently-viewed`. */
  @property({ reflect: true }) kind: RecommendationKind = 'for-you';

  /** The product on display (handle or id): never recommended; required for bought-together and similar. */
  @property({ reflect: true }) product?: string;

  /** How many products at most (1–24). */
  @property({ type: Number, reflect: true }) limit = 4;

  /** The cards' layout: `card`, `row` or `compact`. */
  @property({ reflect: true }) layout: ProductCardLayout = 'card';

  /** What the element shows: loading, ready, empty, off (the store turned it off) or error. Read-only. */
  @property({ reflect: true, attribute: 'state' }) recommendationsState: RecommendationsState =
    'loading';

  @state() private data: Recommendations | undefined;
  @state() private loadError: KioskError | undefined;

  private readonly i18n = new LocalizeController(this, recommendationsStrings);
  // "For you" depends on who is signed in.
  private readonly session = new StoreController(this, this.kiosk, (c) => c.auth.$session);
  private readonly loader = new LoadController(
    this,
    () =>
      [
        this.kiosk.client?.endpoint,
        this.kiosk.client?.storeKey,
        this.kind,
        this.product,
        this.limit,
        this.preferredCurrency,
        this.kind === 'for-you' ? this.session.value?.customer.id : '',
      ].join('|'),
    (current) => this.fetch(current),
  );

  /** Loads (or reloads, after an error) the recommendations. */
  load(): Promise<void> {
    return this.loader.reload();
  }

  private async fetch(current: () => boolean): Promise<void> {
    const client = this.kiosk.client;
    this.loadError = undefined;
    this.recommendationsState = 'loading';
    try {
      if (!client) throw this.kiosk.error;
      const currency = this.preferredCurrency;
      const first = Math.max(1, Math.min(24, Math.trunc(this.limit) || 4));
      const asked = client.products.recommendations({
        kind: this.kind,
        first,
        ...(this.product ? { product: this.product } : {}),
        ...(currency ? { currency } : {}),
      });
      // Recently viewed is read on the device: the store's switch is in its configuration.
      const on =
        this.kind !== 'recently-viewed' ||
        (await client.store.get()).recommendations.enabled !== false;
      const data = await asked;
      await this.i18n.whenReady();
      if (!current()) return;
      this.data = data;
      this.recommendationsState =
        !on || !data.enabled ? 'off' : data.items.length ? 'ready' : 'empty';
    } catch (error) {
      if (!current()) return;
      this.data = undefined;
      this.loadError = this.emitError(error);
      this.recommendationsState = 'error';
    }
  }

  /** Why these products, in words. */
  private heading(): string {
    const d = this.data;
    const t = (key: Parameters<typeof this.i18n.t>[0], options?: Record<string, unknown>) =>
      this.i18n.t(key, options);
    const title = d?.product?.title;
    switch (d?.basis ?? this.kind) {
      case 'bought-together':
        return title ? t('heading.boughtWith', { title }) : t('heading.boughtTogether');
      case 'similar':
        return title ? t('heading.similarTo', { title }) : t('heading.similar');
      case 'popular':
        return t('heading.popular', { currency: d?.currency });
      case 'recently-viewed':
        return t('heading.recentlyViewed');
      default:
        return t('heading.forYou');
    }
  }

  override render() {
    const s = this.recommendationsState;
    if (s === 'off') return nothing;
    const loading = s === 'loading' || !this.i18n.ready;
    let content: TemplateResult;
    if (loading) {
      content = html`<span class="visually-hidden">${this.i18n.t('loading')}</span>
        <div class="row" aria-hidden="true">
          ${Array.from(
            { length: Math.min(Math.max(1, this.limit || 1), 4) },
            () => html`<kiosk-card-placeholder layout=${this.layout}></kiosk-card-placeholder>`,
          )}
        </div>`;
    } else if (s === 'error') {
      const e = this.loadError;
      content = html`<div class="error" role="alert">
        <p>${this.i18n.error(e, 'loadFailed')}</p>
        ${
          e?.code === 'not_configured'
            ? nothing
            : html`<button class="retry" type="button" @click=${() => this.load()}>
                ${this.i18n.t('retry')}
              </button>`
        }
      </div>`;
    } else if (s === 'empty') {
      content = html`<p part="message" class="message">
        ${this.i18n.t(this.kind === 'recently-viewed' ? 'emptyViewed' : 'empty')}
      </p>`;
    } else {
      // The row scrolls: focusable, so a keyboard can scroll it too; named by the heading. A
      // list role of its own: Safari drops a list's role when its markers are gone.
      content = html`<ul part="list" class="row" role="list" tabindex="0" aria-labelledby="heading">
        ${this.data!.items.map(
          (p) => html`<li part="item">
            <kiosk-product-card
              product=${p.handle}
              layout=${this.layout}
              locale=${ifDefined(this.locale)}
              currency=${ifDefined(this.currency)}
            ></kiosk-product-card>
          </li>`,
        )}
      </ul>`;
    }
    return html`<section
      part="base"
      class="base"
      aria-labelledby="heading"
      aria-busy=${loading}
      lang=${this.i18n.lang}
    >
      <h2 id="heading" part="heading">${this.i18n.ready ? this.heading() : nothing}</h2>
      ${content}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-recommendations': KioskRecommendations;
  }
}
