import type { Money, Product, Variant } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { amountOf, formatNumber, moneyText } from '../format.js';
import { stars } from '../stars.js';
import type { productCardStrings } from './i18n/index.js';

export type CardI18n = LocalizeController<typeof productCardStrings.en>;

/** Fewer in stock than this, the card says how many are left. */
const LOW_STOCK = 5;

/**
 * The price, and on sale the struck-through regular price (each named for a screen reader).
 * A member's own price shows as the price, named for their tier ("Gold price"), the regular
 * one struck through; a guest sees beside the price what members pay, which signs them in.
 */
export function renderPrice(variant: Variant | undefined, i18n: CardI18n, signIn?: () => void) {
  const money = (m: Money) => moneyText(m, i18n.locale);
  if (!variant) return html`<p class="prices"></p>`;
  const member = variant.memberPrice;
  const from = variant.memberPriceFrom;
  const compare = member ? variant.price : variant.compareAtPrice;
  if (compare && amountOf(compare) > amountOf(member ?? variant.price)) {
    return html`<p class="prices">
      <span class="price sale" part="price"
        ><span class=${member ? 'member' : 'visually-hidden'}
          >${member ? i18n.t('price.member', { tier: variant.memberTier }) : i18n.t('price.now')} </span
        >${money(member ?? variant.price)}</span
      >
      <s class="compare-price" part="compare-price"
        ><span class="visually-hidden">${i18n.t('price.was')} </span>${money(compare)}</s
      >
    </p>`;
  }
  return html`<p class="prices">
    <span class="price" part="price">${money(variant.price)}</span>
    ${
      from && signIn
        ? html`<button class="member" part="member-offer" type="button" @click=${signIn}>
            ${i18n.t('price.membersPay', { price: money(from.price) })}
          </button>`
        : nothing
    }
  </p>`;
}

/** Stars and the number of reviews, read out as one sentence. */
export function renderRating(product: Product, i18n: CardI18n) {
  const { average, count } = product.rating;
  if (!count) return html`<p class="rating" part="rating">${i18n.t('noReviews')}</p>`;
  const label = i18n.t('rating', { count, rating: formatNumber(average, i18n.locale, 1) });
  return html`<p class="rating" part="rating">
    ${stars(average, label)}
    <span aria-hidden="true">(${formatNumber(count, i18n.locale)})</span>
  </p>`;
}

/** In stock, only a few left, or sold out: the selected variant's; or when it opens to all. */
export function renderStock(product: Product, variant: Variant | undefined, i18n: CardI18n) {
  const early = product.earlyAccess;
  if (early && !early.canBuy) {
    const date = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium' });
    return html`<p class="stock low" part="early-access">
      ${i18n.t('stock.early', { date: date.format(new Date(early.until)) })}
    </p>`;
  }
  if (!variant?.available || variant.quantityAvailable <= 0) {
    return html`<p class="stock sold-out">${i18n.t('stock.soldOut')}</p>`;
  }
  if (variant.quantityAvailable <= LOW_STOCK) {
    return html`<p class="stock low">
      ${i18n.t('stock.low', { count: variant.quantityAvailable })}
    </p>`;
  }
  return html`<p class="stock">${i18n.t('stock.inStock')}</p>`;
}
