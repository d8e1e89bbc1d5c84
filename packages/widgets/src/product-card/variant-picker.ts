import type { Product, Variant } from '@kiosk/sdk';
import { html } from 'lit';
import type { CardI18n } from './product-info.js';

/** The variant with all of `options` (name → value), if the product has one. */
function variantWith(product: Product, options: Record<string, string>): Variant | undefined {
  return product.variants.find((v) =>
    Object.entries(options).every(([name, value]) => v.options[name] === value),
  );
}

/**
 * The variant a shopper means by choosing `value` for option `name` with `selected` chosen:
 * the one that keeps the other options, else one in stock with that value, else any with it.
 */
export function variantFor(
  product: Product,
  selected: Variant | undefined,
  name: string,
  value: string,
): Variant | undefined {
  const withValue = product.variants.filter((v) => v.options[name] === value);
  return (
    variantWith(product, { ...selected?.options, [name]: value }) ??
    withValue.find((v) => v.available) ??
    withValue[0]
  );
}

/**
 * One select per option with more than one value. A value whose variant (with the other
 * options as chosen) is sold out says so, and can't be chosen unless it is the current one.
 */
export function renderPicker(
  product: Product,
  variant: Variant | undefined,
  i18n: CardI18n,
  choose: (name: string, value: string) => void,
) {
  const selected = variant?.options ?? {};
  const pickers = product.options.filter((o) => o.values.length > 1);
  return html`<div class="options" part="variant-picker" role="group" aria-label=${product.title}>
    ${pickers.map((option, i) => {
      const id = `option-${i}`;
      return html`<div class="option">
        <label for=${id}>${option.name}</label>
        <select
          id=${id}
          name=${option.name}
          @change=${(e: Event) => choose(option.name, (e.target as HTMLSelectElement).value)}
        >
          ${option.values.map((value) => {
            const soldOut = !variantWith(product, { ...selected, [option.name]: value })?.available;
            return html`<option
              value=${value}
              ?selected=${selected[option.name] === value}
              ?disabled=${soldOut && selected[option.name] !== value}
            >
              ${soldOut ? i18n.t('optionSoldOut', { value }) : value}
            </option>`;
          })}
        </select>
      </div>`;
    })}
  </div>`;
}
