import { html } from 'hono/html';
import type { ShippingAddress } from '../db/schema/index.js';
import type { OrderView } from '../schemas/orders.js';
import { type Money, toMoney } from '../services/money.js';
import {
  type AddressErrorCode,
  type AddressFieldName,
  type AddressForm,
  type AddressInputFields,
  addressForm,
} from '../services/shipping/address.js';
import type { RateQuote } from '../services/shipping/rates.js';
import { type HostedLocale, translator } from './i18n.js';
import { type ShippingMessageKey, shippingMessages } from './messages/shipping.js';

/**
 * The hosted checkout's shipping parts: the address form of the destination's country, the
 * saved address, the rates to pick from, and the landed total's rows. Plain forms: they work
 * without JavaScript (checkout.js only submits them on change).
 */

type Tr = ReturnType<typeof translator<ShippingMessageKey>>;

/** The autofill token of each field (WHATWG autocomplete, the shipping section). */
const autocomplete: Record<AddressFieldName, string | null> = {
  name: 'shipping name',
  company: 'shipping organization',
  line1: 'shipping address-line1',
  line2: 'shipping address-line2',
  city: 'shipping address-level2',
  cityArea: 'shipping address-level3',
  area: 'shipping address-level1',
  postalCode: 'shipping postal-code',
  sortingCode: null,
};

const areaLabels: Record<string, ShippingMessageKey> = {
  state: 'state',
  province: 'province',
  county: 'county',
  emirate: 'emirate',
  oblast: 'oblast',
  prefecture: 'prefecture',
};

function fieldLabel(tr: Tr, form: AddressForm, field: AddressFieldName): string {
  switch (field) {
    case 'name':
      return tr('fieldName');
    case 'company':
      return tr('fieldCompany');
    case 'line1':
      return tr('fieldLine1');
    case 'line2':
      return tr('fieldLine2');
    case 'sortingCode':
      return tr('fieldSortingCode');
    case 'city':
      return tr(
        form.kinds.city === 'post_town'
          ? 'postTown'
          : form.kinds.city === 'district'
            ? 'district'
            : 'city',
      );
    case 'cityArea':
      return tr(form.kinds.cityArea === 'neighborhood' ? 'neighborhood' : 'district');
    case 'area':
      return tr(areaLabels[form.kinds.area] ?? 'region');
    case 'postalCode':
      return tr(
        form.kinds.postalCode === 'zip'
          ? 'zip'
          : form.kinds.postalCode === 'pin'
            ? 'pin'
            : 'postal',
      );
  }
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the page's language (Intl.DisplayNames), its code if unknown. */
export function countryName(locale: HostedLocale, code: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'region' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** The country a new address starts with: the page language's region if shipped to, else the first. */
export function defaultCountry(locale: HostedLocale, countries: string[]): string {
  const region = new Intl.Locale(locale).maximize().region;
  return region && countries.includes(region) ? region : countries[0]!;
}

export interface AddressFormState {
  country: string;
  values: AddressInputFields;
  errors: Partial<Record<AddressFieldName, AddressErrorCode>>;
  /** A country-level refusal (shipping_unavailable). */
  countryError?: 'shipping_unavailable';
}

/** The address form for a country, with the values and errors of the last post. */
export async function addressSection(
  locale: HostedLocale,
  action: string,
  countries: string[],
  state: AddressFormState,
) {
  const tr = translator(shippingMessages, locale);
  const form = await addressForm(state.country, locale);
  const collator = new Intl.Collator(locale);
  const options = countries
    .map((code) => ({ code, name: countryName(locale, code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const hasErrors = Object.keys(state.errors).length > 0 || state.countryError !== undefined;
  const field = (name: AddressFieldName) => {
    const id = `ship-${name}`;
    const required = form.required.includes(name);
    const error = state.errors[name];
    const label = fieldLabel(tr, form, name);
    const message =
      error === 'invalid_postal_code'
        ? form.postalExample
          ? tr('invalid_postal_code_example', { label, example: form.postalExample })
          : tr('invalid_postal_code', { label })
        : error && tr(error);
    const value = state.values[name] ?? '';
    const token = autocomplete[name];
    const attrs = html`id="${id}" name="${name}"${token ? html` autocomplete="${token}"` : ''}${required ? html` required` : ''}${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}`;
    const control =
      name === 'area' && form.areaChoices.length > 0
        ? html`<select ${attrs}><option value="">${tr('selectArea')}</option>${form.areaChoices.map(
            (c) =>
              html`<option value="${c.value}"${c.value === value ? html` selected` : ''}>${c.label}</option>`,
          )}</select>`
        : html`<input ${attrs} maxlength="200" value="${value}">`;
    return html`<div class="field" data-field="${name}">
<label for="${id}">${label}${required ? '' : html` <span class="muted">${tr('optional')}</span>`}</label>
${control}
${error ? html`<p id="${id}-error" class="error field-error" data-error="${error}">${message}</p>` : ''}
</div>`;
  };
  return html`<section aria-labelledby="address-heading">
<h2 id="address-heading">${tr('addressHeading')}</h2>
<p class="error" role="alert">${hasErrors ? tr('fixFields') : ''}</p>
<form id="kiosk-address" method="post" action="${action}" novalidate data-country="${form.country}">
<input type="hidden" name="formCountry" value="${form.country}">
<label for="ship-country">${tr('country')}</label>
<select id="ship-country" name="country" autocomplete="shipping country"${state.countryError ? html` aria-invalid="true" aria-describedby="ship-country-error"` : ''}>
${options.map((o) => html`<option value="${o.code}"${o.code === form.country ? html` selected` : ''}>${o.name}</option>`)}
</select>
${state.countryError ? html`<p id="ship-country-error" class="error field-error" data-error="${state.countryError}">${tr('shipping_unavailable', { country: countryName(locale, form.country) })}</p>` : ''}
<button type="submit" name="update" value="country" class="secondary" data-update-country>${tr('updateForm')}</button>
${form.rows.map((row) => html`<div class="field-row">${row.map(field)}</div>`)}
<button type="submit">${tr('useAddress')}</button>
</form>
</section>`;
}

/** An address's lines as its country writes them, the country's name last. */
export async function addressLines(locale: HostedLocale, address: ShippingAddress) {
  const form = await addressForm(address.country, locale);
  const text = (f: AddressFieldName) =>
    f === 'area'
      ? (form.areaChoices.find((c) => c.value === address.area)?.label ?? address.area)
      : address[f];
  const lines = form.rows.map((row) => row.map(text).filter(Boolean).join(' ')).filter(Boolean);
  return [...lines, countryName(locale, address.country)];
}

/** An `<address>` of those lines. */
export async function addressElement(locale: HostedLocale, address: ShippingAddress) {
  const lines = await addressLines(locale, address);
  return html`<address data-shipping-address="${address.country}">${lines.map((l, i) => (i === 0 ? html`${l}` : html`<br>${l}`))}</address>`;
}

/** The saved address, as its country writes it, with a link to change it. */
export async function savedAddress(
  locale: HostedLocale,
  address: ShippingAddress,
  changeHref: string,
) {
  const tr = translator(shippingMessages, locale);
  return html`<section aria-labelledby="address-heading">
<h2 id="address-heading">${tr('addressHeading')}</h2>
${await addressElement(locale, address)}
<p><a href="${changeHref}">${tr('changeAddress')}</a></p>
</section>`;
}

function estimate(tr: Tr, locale: HostedLocale, min: number, max: number) {
  const n = new Intl.NumberFormat(locale);
  return tr('businessDays', { min: n.format(min), max: n.format(max) });
}

/** The rates the destination is offered, as radio buttons; the picked one checked. */
export function rateSection(
  locale: HostedLocale,
  action: string,
  quotes: RateQuote[],
  currency: string,
  picked: string | null,
  money: (m: Money) => string,
) {
  const tr = translator(shippingMessages, locale);
  return html`<section aria-labelledby="method-heading">
<form id="kiosk-rate" method="post" action="${action}">
<fieldset>
<legend id="method-heading"><h2>${tr('methodHeading')}</h2></legend>
${quotes.map(
  (
    q,
  ) => html`<label class="rate" data-rate="${q.rate.id}"><input type="radio" name="rate" value="${q.rate.id}"${q.rate.id === picked ? html` checked` : ''}>
<span class="rate-name">${q.rate.name}</span>
<span class="rate-price">${q.amountMinor === 0n ? tr('free') : money(toMoney(q.amountMinor, currency))}</span>
<span class="muted rate-estimate">${estimate(tr, locale, q.rate.minDays, q.rate.maxDays)}</span></label>`,
)}
</fieldset>
<button type="submit" class="secondary" data-update-rate>${tr('updateMethod')}</button>
</form>
</section>`;
}

/** The summary rows between the discount and the total: shipping, tax, duties. */
export function landedRows(locale: HostedLocale, order: OrderView, money: (m: Money) => string) {
  const tr = translator(shippingMessages, locale);
  const shipping = order.shipping;
  const zero = (m: Money) => /^[0.]+$/.test(m.amount);
  return html`<tr data-row="shipping"><td>${tr('shipping')}${shipping ? html`<br><span class="muted">${shipping.name} · ${estimate(tr, locale, shipping.minDays, shipping.maxDays)}</span>` : ''}</td><td>${shipping ? (zero(shipping.amount) ? tr('free') : money(shipping.amount)) : html`<span class="muted">${tr('shippingLater')}</span>`}</td></tr>
${!zero(order.tax) ? html`<tr data-row="tax" data-tax-included="${String(order.taxIncluded)}"><td>${order.taxIncluded ? tr('vatIncluded') : tr('taxAdded')}</td><td>${money(order.tax)}</td></tr>` : ''}
${order.dutiesMode === 'ddp' && !zero(order.duties) ? html`<tr data-row="duties"><td>${tr('duties')}</td><td>${money(order.duties)}</td></tr>` : ''}`;
}

/** The note under the total when duties are the shopper's to pay on delivery. */
export function dutiesNote(locale: HostedLocale, order: OrderView, money: (m: Money) => string) {
  if (order.dutiesMode !== 'dap') return '';
  const tr = translator(shippingMessages, locale);
  return html`<p class="hint" data-duties="dap">${/^[0.]+$/.test(order.duties.amount) ? tr('dutiesMayBeDue') : tr('dutiesOnDelivery', { amount: money(order.duties) })}</p>`;
}

export function addressFirstText(locale: HostedLocale): string {
  return translator(shippingMessages, locale)('addressFirst');
}
