import { type KioskError, MAX_LINE_QUANTITY, type Product, type Variant } from '@kiosk/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { attributionRef } from '../config.js';
import { LoadController } from '../controllers/load-controller.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { KioskAddToCartEvent } from '../events/add-to-cart.js';
import { amountOf, formatMoney, formatNumber, warmMoneyFormat } from '../format.js';
import { productJsonLd, writeJsonLd } from '../json-ld.js';
import { KioskElement } from '../kiosk-element.js';
import { starStyles, stars } from '../stars.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { productCardStrings } from './i18n/index.js';
import { miniCartInScope } from './mini-cart-in-scope.js';
import { styles } from './product-card.styles.js';
import { renderImage } from './product-image.js';
import { renderSlot } from './render-slots.js';
import { type Announcement, renderStatus } from './status-message.js';

export type ProductCardLayout = 'card' | 'row' | 'compact';
export type ProductCardState = 'loading' | 'ready' | 'sold-out' | 'unavailable' | 'error';

const LOW_STOCK = 5;

/**
 * @summary A product with its image, price (and sale price), rating, variant picker, stock,
 * quantity, add to cart and share. Loads through the SDK: every card on a page shares one
 * batched request.
 *
 * @event {KioskAddToCartEvent} kiosk-add-to-cart - The shopper added the product: `{ product, variant, quantity }`. Fired once per add, at once (the cart updates optimistically).
 * @event {KioskErrorEvent} kiosk-error - Loading or adding failed: `{ error }` (a KioskError). The card shows it too.
 *
 * @csspart base - The card's box.
 * @csspart image - The product image.
 * @csspart title - The product title (an h3).
 * @csspart price - The current price (the sale price when on sale).
 * @csspart compare-price - The struck-through regular price when on sale.
 * @csspart rating - The stars and review count.
 * @csspart variant-picker - The group of option selects.
 * @csspart quantity - The quantity stepper.
 * @csspart button - The add-to-cart button.
 * @csspart share - The share button.
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
  static override styles = [sharedStyles, starStyles, styles];

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

  @state() private data: Product | undefined;
  @state() private quantity = 1;
  @state() private loadError: KioskError | undefined;
  @state() private addError: KioskError | undefined;
  @state() private adding = false;
  @state() private announcement: Announcement | undefined;

  private readonly i18n = new LocalizeController(this, productCardStrings);
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
    if (changed.has('variant') || (changed as Map<string, unknown>).has('data')) {
      const variant = this.selectedVariant;
      if (this.data && (this.cardState === 'ready' || this.cardState === 'sold-out')) {
        this.cardState = variant?.available ? 'ready' : 'sold-out';
      }
      this.quantity = Math.max(1, Math.min(this.quantity, this.maxQuantity));
    }
  }

  protected override updated(): void {
    this.writeJsonLd();
  }

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
    try {
      const loading = client.products.get(this.product, currency ? { currency } : {});
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
        const chosen = product.variants.find((v) => v.id === this.variant);
        if (!chosen) {
          this.variant = (product.variants.find((v) => v.available) ?? product.variants[0])?.id;
        }
        this.cardState = this.selectedVariant?.available ? 'ready' : 'sold-out';
        await this.updateComplete;
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

  private get maxQuantity(): number {
    return Math.min(
      MAX_LINE_QUANTITY,
      this.selectedVariant?.quantityAvailable ?? MAX_LINE_QUANTITY,
    );
  }

  private t(
    key: MessageKey<typeof productCardStrings.en>,
    options?: Record<string, unknown>,
  ): string {
    return this.i18n.t(key, options);
  }

  private money(m: Parameters<typeof formatMoney>[0]): string {
    try {
      return formatMoney(m, this.i18n.locale);
    } catch {
      return `${m.amount} ${m.currency}`;
    }
  }

  /** Says `message` in the status region (emptied first, so a repeat is announced again). */
  private async announce(message: Announcement | string) {
    this.announcement = undefined;
    await this.updateComplete;
    this.announcement = typeof message === 'string' ? { text: message } : message;
  }

  private variantFor(options: Record<string, string>): Variant | undefined {
    return this.data?.variants.find((v) =>
      Object.entries(options).every(([name, value]) => v.options[name] === value),
    );
  }

  private selectOption(name: string, value: string) {
    const wanted = { ...(this.selectedVariant?.options ?? {}), [name]: value };
    const variants = this.data?.variants ?? [];
    const next =
      this.variantFor(wanted) ??
      variants.find((v) => v.options[name] === value && v.available) ??
      variants.find((v) => v.options[name] === value);
    if (next) this.variant = next.id;
    this.addError = undefined;
  }

  private setQuantity(value: number) {
    const max = Math.max(1, this.maxQuantity);
    this.quantity = Number.isFinite(value) ? Math.max(1, Math.min(max, Math.trunc(value))) : 1;
  }

  private async addToCart() {
    const client = this.kiosk.client;
    const product = this.data;
    const variant = this.selectedVariant;
    if (!client || !product || !variant?.available || this.adding) return;
    const quantity = this.quantity;
    const ref = this.ref || attributionRef();
    this.addError = undefined;
    this.adding = true;
    this.dispatchEvent(new KioskAddToCartEvent({ product, variant, quantity }));
    try {
      await client.cart.add(variant.id, quantity, ref ? { ref } : {});
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

  private async share() {
    const url = new URL(location.href);
    const ref = this.ref || attributionRef();
    if (ref) url.searchParams.set('kiosk_ref', ref);
    const title = this.data?.title ?? document.title;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url: url.href });
        return;
      } catch (error) {
        if ((error as DOMException).name === 'AbortError') return;
        // not allowed here: fall back to copying
      }
    }
    try {
      await navigator.clipboard.writeText(url.href);
      void this.announce(this.t('linkCopied'));
    } catch {
      void this.announce(this.t('copyFailed'));
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
      aria-busy=${kind === 'skeleton' ? 'true' : 'false'}
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
    const actions = this.renderActions(product, variant);
    return html`${renderImage(product, variant, this.layout)}
      <div class="body">
        <h3 class="title" part="title">${product.title}</h3>
        ${this.renderPrice(variant)}
        ${
          compact
            ? nothing
            : html`${this.renderRating(product)} ${this.renderPicker(product)}
              ${this.renderStock(variant)} ${actions} ${this.renderAddError()}`
        }
      </div>
      ${compact ? html`${actions}${this.renderAddError()}` : nothing}`;
  }

  private renderPrice(variant: Variant | undefined) {
    if (!variant) return html`<p class="prices"></p>`;
    const compare = variant.compareAtPrice;
    if (compare && amountOf(compare) > amountOf(variant.price)) {
      return html`<p class="prices">
        <span class="price sale" part="price"
          ><span class="visually-hidden">${this.t('price.now')} </span>${this.money(variant.price)}</span
        >
        <s class="compare-price" part="compare-price"
          ><span class="visually-hidden">${this.t('price.was')} </span>${this.money(compare)}</s
        >
      </p>`;
    }
    return html`<p class="prices">
      <span class="price" part="price">${this.money(variant.price)}</span>
    </p>`;
  }

  private renderRating(product: Product) {
    const { average, count } = product.rating;
    if (!count) return html`<p class="rating" part="rating">${this.t('noReviews')}</p>`;
    const label = this.t('rating', {
      count,
      rating: formatNumber(average, this.i18n.locale, 1),
    });
    return html`<p class="rating" part="rating">
      ${stars(average, label)}
      <span aria-hidden="true">(${formatNumber(count, this.i18n.locale)})</span>
    </p>`;
  }

  private renderPicker(product: Product) {
    const selected = this.selectedVariant?.options ?? {};
    const pickers = product.options.filter((o) => o.values.length > 1);
    return html`<div class="options" part="variant-picker" role="group" aria-label=${product.title}>
      ${pickers.map((option, i) => {
        const id = `option-${i}`;
        return html`<div class="option">
          <label for=${id}>${option.name}</label>
          <select
            id=${id}
            name=${option.name}
            @change=${(e: Event) =>
              this.selectOption(option.name, (e.target as HTMLSelectElement).value)}
          >
            ${option.values.map((value) => {
              const v = this.variantFor({ ...selected, [option.name]: value });
              const soldOut = !v?.available;
              return html`<option
                value=${value}
                ?selected=${selected[option.name] === value}
                ?disabled=${soldOut && selected[option.name] !== value}
              >
                ${soldOut ? this.t('optionSoldOut', { value }) : value}
              </option>`;
            })}
          </select>
        </div>`;
      })}
    </div>`;
  }

  private renderStock(variant: Variant | undefined) {
    if (!variant?.available || variant.quantityAvailable <= 0) {
      return html`<p class="stock sold-out">${this.t('stock.soldOut')}</p>`;
    }
    if (variant.quantityAvailable <= LOW_STOCK) {
      return html`<p class="stock low">
        ${this.t('stock.low', { count: variant.quantityAvailable })}
      </p>`;
    }
    return html`<p class="stock">${this.t('stock.inStock')}</p>`;
  }

  private renderActions(product: Product, variant: Variant | undefined) {
    const soldOut = !variant?.available;
    const compact = this.layout === 'compact';
    const label = soldOut
      ? this.t('stock.soldOut')
      : this.adding
        ? this.t('adding')
        : this.t('add');
    return html`<div class="actions">
      ${
        compact
          ? nothing
          : html`<div class="stepper" part="quantity" role="group" aria-label=${this.t('quantity')}>
              <button
                type="button"
                aria-label=${this.t('decrease')}
                ?disabled=${soldOut || this.quantity <= 1}
                @click=${() => this.setQuantity(this.quantity - 1)}
              >
                −
              </button>
              <input
                type="number"
                inputmode="numeric"
                min="1"
                max=${Math.max(1, this.maxQuantity)}
                .value=${String(this.quantity)}
                aria-label=${this.t('quantity')}
                ?disabled=${soldOut}
                @change=${(e: Event) =>
                  this.setQuantity(Number((e.target as HTMLInputElement).value))}
              />
              <button
                type="button"
                aria-label=${this.t('increase')}
                ?disabled=${soldOut || this.quantity >= this.maxQuantity}
                @click=${() => this.setQuantity(this.quantity + 1)}
              >
                +
              </button>
            </div>`
      }
      <button
        class="add"
        part="button"
        type="button"
        ?disabled=${soldOut}
        aria-disabled=${this.adding ? 'true' : 'false'}
        aria-label=${compact && !soldOut ? `${label}: ${product.title}` : nothing}
        @click=${() => this.addToCart()}
      >
        ${label}
      </button>
      ${
        compact
          ? nothing
          : html`<button
              class="share"
              part="share"
              type="button"
              aria-label=${this.t('share', { title: product.title })}
              @click=${() => this.share()}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                <circle cx="18" cy="5" r="3"></circle><circle cx="6" cy="12" r="3"></circle><circle cx="18" cy="19" r="3"></circle>
                <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4"></path>
              </svg>
            </button>`
      }
    </div>`;
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
