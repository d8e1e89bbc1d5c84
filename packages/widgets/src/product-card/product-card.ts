import type { KioskError, Product, Variant } from '@kiosk/sdk';
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { analytics } from '../analytics/track.js';
import { attributionRef } from '../config.js';
import { LoadController } from '../controllers/load-controller.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskAddToCartEvent } from '../events/add-to-cart.js';
import { formatNumber, warmMoneyFormat } from '../format.js';
import { productJsonLd, writeJsonLd } from '../json-ld.js';
import { KioskElement } from '../kiosk-element.js';
import { loadError } from '../load-error.js';
import { quantityStepper, stepperStyles } from '../quantity-stepper.js';
import { starStyles } from '../stars.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { productCardStrings } from './i18n/index.js';
import { miniCartInScope } from './mini-cart-in-scope.js';
import type { NotifyPanel } from './notify-panel.js';
import { styles } from './product-card.styles.js';
import { renderImage } from './product-image.js';
import { renderPrice, renderRating, renderStock } from './product-info.js';
import { infoStyles } from './product-info.styles.js';
import { renderSlot } from './render-slots.js';
import { shareButton } from './share-link.js';
import type { SharePanel } from './share-panel.js';
import { type Announcement, renderStatus } from './status-message.js';
import { renderPicker, variantFor } from './variant-picker.js';

export type ProductCardLayout = 'card' | 'row' | 'compact';
/** A message's deep link (deep-link.ts): its code loads only on a page opened with one. */
const deepLink = /[?&]kiosk_product=/.test(globalThis.location?.search ?? '')
  ? import('./deep-link.js')
  : undefined;

export type ProductCardState = 'loading' | 'ready' | 'sold-out' | 'unavailable' | 'error';

/**
 * @summary A product with its image, price (and sale price), rating, variant picker, stock,
 * quantity, add to cart and share. Loads through the SDK: every card on a page shares one
 * batched request.
 *
 * @event {KioskAddToCartEvent} kiosk-add-to-cart - The shopper added the product: `{ product, variant, quantity }`. Fired once per add, at once (the cart updates optimistically).
 * @event {KioskErrorEvent} kiosk-error - Loading or adding failed: `{ error }` (a KioskError). The card shows it too.
 * @event {KioskAnalyticsEvent} kiosk-analytics - A GA4 ecommerce event, `{ name, params }`: `view_item_list` (the card seen), `view_item` (a variant chosen, Notify me or the share panel opened), `add_to_cart` (docs/widgets/analytics.md).
 *
 * @csspart base - The card's box.
 * @csspart image - The product image.
 * @csspart title - The product title (an h3).
 * @csspart price - The current price (the sale price when on sale).
 * @csspart compare-price - The struck-through regular price when on sale, or beside a member's own price.
 * @csspart member-offer - For a guest, beside the price: "Members pay $X — sign in" (a button that opens sign-in).
 * @csspart early-access - Instead of the stock line while only members may buy it: "Members first · for everyone from <date>".
 * @csspart rating - The stars and review count.
 * @csspart variant-picker - The group of option selects.
 * @csspart quantity - The quantity stepper.
 * @csspart button - The add-to-cart button; on a sold-out card, "Notify me" (it opens the `notify` panel).
 * @csspart notify - The "Notify me" panel: back in stock on a sold-out card, price drop on one in stock; push or an email field, and what came of it.
 * @csspart price-alert - The bell beside share on a card in stock: opens the `notify` panel for a price drop.
 * @csspart share - The share button: opens the `share-panel`.
 * @csspart share-panel - The share panel: the product's short link, "Share…" (the system share sheet, where there is one), "Copy link", the link's QR code and Close.
 * @csspart status - The live region announcing results ("Added · View cart", "Link copied").
 * @csspart view-cart - The "View cart" button after an add: opens the mini cart of the same store (shown only when the page has one).
 *
 * @cssprop --kiosk-color-accent - Button and focus colour (global token).
 * @cssprop --kiosk-color-on-accent - Text on the accent colour (global token).
 * @cssprop --kiosk-radius - Corner radius (global token).
 * @cssprop --kiosk-font - Font family; inherits the page's font by default (global token).
 * @cssprop --kiosk-product-card-background - Card background.
 * @cssprop --kiosk-product-card-border - Card border (default: 1px solid the border token).
 * @cssprop --kiosk-product-card-radius - Card corner radius.
 * @cssprop --kiosk-product-card-padding - Inner padding (default 0.75rem).
 * @cssprop --kiosk-product-card-gap - Space between rows (default 0.5rem).
 * @cssprop --kiosk-product-card-image-size - Image column width in the row and compact layouts.
 * @cssprop --kiosk-product-card-image-fit - object-fit of the image (default cover).
 * @cssprop --kiosk-product-card-title-size - Title font size (default 1rem).
 * @cssprop --kiosk-product-card-sale-color - Sale price colour.
 * @cssprop --kiosk-product-card-star-color - Rating star colour.
 * @cssprop --kiosk-product-card-button-background - Add-to-cart button background.
 * @cssprop --kiosk-product-card-button-color - Add-to-cart button text colour.
 * @cssprop --kiosk-product-card-link-color - "View cart" colour (default the accent colour).
 */
export class KioskProductCard extends KioskElement {
  static override styles = [sharedStyles, starStyles, stepperStyles, infoStyles, styles];

  /** The product's handle or id. */
  @property({ reflect: true }) product?: string;

  /** The selected variant's id (set it to preselect one; reflects the shopper's choice). */
  @property({ reflect: true }) variant?: string;

  /** Attribution code carried into the cart line (defaults to the page's `?kiosk_ref=`). */
  @property({ reflect: true }) ref?: string;

  /** `card` (stacked), `row` (image beside the details) or `compact` (one line). */
  @property({ reflect: true }) layout: ProductCardLayout = 'card';

  /** What the card shows: loading, ready, sold-out (the selected variant), unavailable or error. Read-only. */
  @property({ reflect: true, attribute: 'state' }) cardState: ProductCardState = 'loading';

  /** @internal Set by `@kiosk/widgets/ssr`: the product the server renders (in the browser, the card loads its own). */
  declare serverProduct?: Product;
  /** @internal Set by `@kiosk/widgets/ssr` for a page without JavaScript: no controls. */
  declare serverStatic?: boolean;

  @state() private data: Product | undefined;
  @state() private quantity = 1;
  @state() private loadError: KioskError | undefined;
  @state() private addError: KioskError | undefined;
  @state() private adding = false;
  @state() private announcement: Announcement | undefined;
  /** A sold-out card's "Notify me" panel, once asked for (its code loads then). */
  @state() private notify: NotifyPanel | undefined;
  /** The share panel, once asked for (its code loads then). */
  @state() private sharing: SharePanel | undefined;

  private readonly i18n = new LocalizeController(this, productCardStrings);
  /** Who is signed in: member prices and early access are theirs (the product is re-read). */
  private readonly session = new StoreController(this, this.kiosk, (c) => c.auth.$session);
  /** The customer the product was read for ('' a guest). */
  private readFor = '';
  private readonly loader = new LoadController(
    this,
    () =>
      `${this.kiosk.client?.endpoint}|${this.kiosk.client?.storeKey}|${this.product}|${this.preferredCurrency}`,
    (current) => this.fetchProduct(current),
  );
  private readonly onOnline = () => {
    if (this.cardState === 'error') void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.onOnline);
  }

  /** The product as loaded (undefined until then). */
  get productData(): Product | undefined {
    return this.data;
  }

  /** The variant the shopper has selected. */
  get selectedVariant(): Variant | undefined {
    const variants = this.data?.variants ?? [];
    return variants.find((v) => v.id === this.variant) ?? variants[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // On the server nothing connects the card: no controller runs and nothing loads.
    // (lit types isServer as false: its Node build says true)
    if ((isServer as boolean) && this.serverProduct) {
      this.i18n.hostUpdate();
      this.data = this.serverProduct;
      this.cardState = 'ready';
    }
    const data = this.data;
    if (changed.has('variant') || (changed as Map<string, unknown>).has('data')) {
      if (data && (this.cardState === 'ready' || this.cardState === 'sold-out')) {
        // A product shows the chosen variant if it has it, else its first available one.
        if (!data.variants.some((v) => v.id === this.variant)) {
          this.variant = (data.variants.find((v) => v.available) ?? data.variants[0])?.id;
        }
        this.cardState = this.selectedVariant?.available ? 'ready' : 'sold-out';
      }
      const stock = this.selectedVariant?.quantityAvailable ?? this.quantity;
      this.quantity = Math.max(1, Math.min(this.quantity, stock));
    }
  }

  protected override updated(): void {
    this.writeJsonLd();
    // Signed in or out since the product was read: re-read it in place, without a skeleton.
    const who = this.session.value?.customer.id ?? '';
    const client = this.kiosk.client;
    if (this.data && client && who !== this.readFor) {
      this.readFor = who;
      client.products.get(this.data.id, this.currencyOption()).then(
        (product) => {
          if (product.id === this.data?.id) this.data = product;
        },
        () => {},
      );
    }
  }

  private currencyOption() {
    const currency = this.preferredCurrency;
    return currency ? { currency } : {};
  }

  /** "Members pay $X — sign in": the sign-in window, opened from the click (no popup blocker). */
  private readonly signIn = () => {
    this.kiosk.client?.auth
      .login({ mode: 'popup', locale: this.i18n.locale })
      .catch((error: unknown) => this.emitError(error));
  };

  /** Loads (or reloads, after an error) the product. */
  load(): Promise<void> {
    return this.loader.reload();
  }

  private async fetchProduct(current: () => boolean): Promise<void> {
    const client = this.kiosk.client;
    this.loadError = undefined;
    if (!client) {
      this.data = undefined;
      this.cardState = 'error';
      this.loadError = this.kiosk.error ?? undefined;
      if (this.kiosk.error) this.emitError(this.kiosk.error);
      return;
    }
    if (!this.product) {
      this.data = undefined;
      this.cardState = 'unavailable';
      return;
    }
    this.cardState = 'loading';
    const currency = this.preferredCurrency;
    this.readFor = this.session.value?.customer.id ?? '';
    try {
      const loading = client.products.get(this.product, this.currencyOption());
      // While the request is out: the first price format loads the locale's data (~20 ms).
      warmMoneyFormat(this.i18n.locale, currency);
      const product = await loading;
      // `state` says what shows: still loading while the card's language is (a skeleton).
      await this.i18n.whenReady();
      // A few cards per frame: no long task when 50 cards get their products together.
      const done = await renderSlot();
      try {
        if (!current()) return;
        this.data = product;
        this.cardState = 'ready'; // or sold-out: willUpdate picks the variant
        await this.updateComplete;
        analytics(this, (a) => a.observe(this, () => this.kiosk.client));
        void deepLink?.then((link) => link.focusIfLinked(this, product));
      } finally {
        done();
      }
    } catch (error) {
      if (!current()) return;
      this.data = undefined;
      const e = this.emitError(error);
      if (e.code === 'product_not_found' || e.code === 'not_found') {
        this.cardState = 'unavailable';
      } else {
        this.loadError = e;
        this.cardState = 'error';
      }
    }
  }

  private t(
    key: MessageKey<typeof productCardStrings.en>,
    options?: Record<string, unknown>,
  ): string {
    return this.i18n.t(key, options);
  }

  /** Says `message` in the status region (emptied first, so a repeat is announced again). */
  private async announce(message: Announcement | string) {
    this.announcement = undefined;
    await this.updateComplete;
    this.announcement = typeof message === 'string' ? { text: message } : message;
  }

  private readonly selectOption = (name: string, value: string) => {
    const next = this.data && variantFor(this.data, this.selectedVariant, name, value);
    if (next) this.variant = next.id;
    this.addError = undefined;
    this.viewed();
  };

  /**
   * view_item: the shopper engaged with this product (docs/widgets/analytics.md). The collector
   * and the panels also put it in the device's recently viewed list (not analytics: never
   * sent), so that code costs a page of cards nothing (docs/widgets/recommendations.md).
   */
  private viewed() {
    analytics(this, (a) => a.view(this, this.kiosk.client));
  }

  private async addToCart() {
    const client = this.kiosk.client;
    const product = this.data;
    const variant = this.selectedVariant;
    if (!client || !product || !variant?.available || this.adding) return;
    if (product.earlyAccess?.canBuy === false) return;
    const quantity = this.quantity;
    const ref = this.ref || attributionRef();
    this.addError = undefined;
    this.adding = true;
    this.dispatchEvent(new KioskAddToCartEvent({ product, variant, quantity }));
    try {
      await client.cart.add(variant.id, quantity, ref ? { ref } : {});
      analytics(this, (a) => a.added(this, client, product, variant, quantity));
      const queued = client.cart.$pending.get() > 0 && navigator.onLine === false;
      const text = this.t(queued ? 'queued' : 'added', {
        quantity: formatNumber(quantity, this.i18n.locale),
        title: product.title,
      });
      void this.announce(
        queued ? text : { text, shown: this.t('addedShort'), cart: miniCartInScope(this) },
      );
    } catch (error) {
      this.addError = this.emitError(error);
      void this.announce('');
    } finally {
      this.adding = false;
    }
  }

  private async toggleNotify() {
    this.viewed();
    try {
      const { NotifyPanel } = await import('./notify-panel.js');
      this.notify ??= new NotifyPanel(this, {
        client: () => this.kiosk.client,
        product: () => this.data,
        topic: () => (this.selectedVariant?.available ? 'price-drop' : 'back-in-stock'),
        onError: (e) => this.emitError(e),
      });
      this.notify.toggle();
    } catch (error) {
      // Its code could not load (offline): said in the status line; pressing again retries.
      void this.announce(
        this.i18n.error(this.emitError(loadError('The "Notify me" panel', error)), 'error.generic'),
      );
    }
  }

  private async toggleShare() {
    this.viewed();
    try {
      const { SharePanel } = await import('./share-panel.js');
      this.sharing ??= new SharePanel(this, {
        client: () => this.kiosk.client,
        product: () => this.data,
        ref: () => this.ref || attributionRef(),
        copied: (ok) => void this.announce(this.t(ok ? 'linkCopied' : 'copyFailed')),
        onError: (e) => this.emitError(e),
      });
      this.sharing.toggle();
    } catch (error) {
      // Its code could not load (offline): said in the status line; pressing again retries.
      void this.announce(
        this.i18n.error(this.emitError(loadError('The share panel', error)), 'error.generic'),
      );
    }
  }

  private writeJsonLd() {
    writeJsonLd(
      this,
      'product',
      this.data ? productJsonLd(this.data, this.selectedVariant, location.href) : null,
    );
  }

  protected override render() {
    const ready = this.i18n.ready;
    let content: TemplateResult;
    let kind = this.cardState as string;
    if (!ready || this.cardState === 'loading') {
      content = this.renderSkeleton();
      kind = 'skeleton';
    } else if (this.cardState === 'unavailable') {
      content = html`<p>${this.t('unavailable')}</p>
        <p class="hint">${this.t('unavailableHint')}</p>`;
      kind = 'message';
    } else if (this.cardState === 'error' || !this.data) {
      const e = this.loadError;
      const message = this.i18n.error(e, 'loadFailed');
      content = html`<div class="error" role="alert">
        <p>${message}</p>
        ${
          e?.code === 'not_configured'
            ? nothing
            : html`<button class="retry" type="button" @click=${() => this.load()}>
                ${this.t('retry')}
              </button>`
        }
      </div>`;
      kind = 'message';
    } else {
      content = this.renderProduct(this.data);
    }
    return html`<div
      part="base"
      class="base ${kind}"
      aria-busy=${kind === 'skeleton'}
      lang=${this.i18n.lang}
    >
      ${content}
      <p part="status" class="status" role="status" aria-live="polite">${renderStatus(this.announcement, this.t('viewCart'))}</p>
    </div>`;
  }

  private renderSkeleton() {
    const compact = this.layout === 'compact';
    return html`<div class="media" part="image"></div>
      <div class="body">
        <span class="visually-hidden">${this.t('loading')}</span>
        <div class="title"><span class="placeholder line"></span></div>
        <div class="prices"><span class="placeholder line"></span></div>
        ${
          compact
            ? nothing
            : html`<div class="rating"><span class="placeholder line"></span></div>
                <div class="options"></div>
                <div class="stock"></div>
                <div class="actions"></div>`
        }
      </div>
      ${compact ? html`<div class="actions"><span class="placeholder line"></span></div>` : nothing}`;
  }

  private renderProduct(product: Product) {
    const variant = this.selectedVariant;
    const compact = this.layout === 'compact';
    // A server rendering for a page without JavaScript leaves out what could do nothing there.
    const controls = !(isServer as boolean) || !this.serverStatic;
    const actions = controls ? this.renderActions(product, variant) : nothing;
    return html`${renderImage(product, variant, this.layout)}
      <div class="body">
        <h3 class="title" part="title">${product.title}</h3>
        ${renderPrice(variant, this.i18n, this.session.value || (isServer as boolean) ? undefined : this.signIn)}
        ${
          compact
            ? nothing
            : html`${renderRating(product, this.i18n)}
              ${controls ? renderPicker(product, variant, this.i18n, this.selectOption) : nothing}
              ${renderStock(product, variant, this.i18n)} ${actions} ${this.renderAddError()}`
        }
      </div>
      ${compact ? html`${actions}${this.renderAddError()}` : nothing}`;
  }

  private renderActions(product: Product, variant: Variant | undefined) {
    const soldOut = !variant?.available;
    const compact = this.layout === 'compact';
    const open = !!this.notify?.open;
    // Members first: the stock line says from when everyone may buy it.
    const closed = product.earlyAccess?.canBuy === false;
    // Sold out: the stock line says so, and the button offers to tell the shopper when it's
    // back. In stock: the bell beside share offers to tell them when the price drops. Either
    // opens the one "Notify me" panel, which asks for the topic its card needs.
    const label = soldOut ? this.t('notifyMe') : this.adding ? this.t('adding') : this.t('add');
    return html`<div class="actions">
      ${
        compact
          ? nothing
          : quantityStepper({
              value: this.quantity,
              available: variant?.quantityAvailable ?? 0,
              labels: [this.t('quantity'), this.t('decrease'), this.t('increase')],
              disabled: soldOut,
              set: (quantity) => {
                this.quantity = quantity;
              },
            })
      }
      <button
        class="add"
        part="button"
        type="button"
        aria-disabled=${this.adding || closed}
        aria-label=${compact ? `${label}: ${product.title}` : nothing}
        aria-expanded=${soldOut ? open : nothing}
        aria-controls=${soldOut ? 'notify' : nothing}
        @click=${() => (soldOut ? this.toggleNotify() : this.addToCart())}
      >
        ${label}
      </button>
      ${
        compact
          ? nothing
          : html`<span class="tools">
              ${
                soldOut
                  ? nothing
                  : html`<button
                      class="icon"
                      part="price-alert"
                      type="button"
                      aria-label=${this.t('priceAlert', { title: product.title })}
                      aria-expanded=${open}
                      aria-controls="notify"
                      @click=${() => this.toggleNotify()}
                    >
                      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                        <path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0"></path>
                      </svg>
                    </button>`
              }
              ${shareButton(this.t('share', { title: product.title }), !!this.sharing?.open, () =>
                this.toggleShare(),
              )}
            </span>`
      }
    </div>
    ${this.notify?.render()} ${this.sharing?.render()}`;
  }

  private renderAddError() {
    const e = this.addError;
    if (!e) return nothing;
    const message = this.i18n.error(e, 'addFailed', {
      out_of_stock: 'notEnoughStock',
      quantity_limit_exceeded: 'notEnoughStock',
    });
    return html`<div class="error" role="alert">
      <span>${message}</span>
      <button class="retry" type="button" @click=${() => this.addToCart()}>${this.t('retry')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-product-card': KioskProductCard;
  }
}
