import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext, AppEnv } from '../context.js';
import { stores } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import {
  type AddressFormState,
  addressFirstText,
  addressSection,
  defaultCountry,
  dutiesNote,
  landedRows,
  rateSection,
  savedAddress,
} from '../hosted/checkout-shipping.js';
import { formFields } from '../hosted/form.js';
import { formatMoney } from '../hosted/format-money.js';
import { type HostedLocale, negotiateLocale, translator } from '../hosted/i18n.js';
import { layout, sendPage } from '../hosted/layout.js';
import { type CheckoutMessageKey, checkoutMessages } from '../hosted/messages/checkout.js';
import { isSameOriginPost } from '../hosted/same-origin.js';
import type { OrderView } from '../schemas/orders.js';
import type { Money } from '../services/money.js';
import type { OrderRow } from '../services/order-views.js';
import { orderView } from '../services/order-views.js';
import { findOrderById } from '../services/orders.js';
import { payOrder } from '../services/payments/pay.js';
import type { DeclineReason } from '../services/payments/provider.js';
import { checkAddress } from '../services/shipping/address.js';
import { shippingConfigOf } from '../services/shipping/config.js';
import { orderQuotes, shipOrder } from '../services/shipping/order-shipping.js';
import { shippingCountries } from '../services/shipping/rates.js';
import { type Store, urlOnAllowedOrigin } from '../services/stores.js';

/**
 * The hosted checkout page (/checkout), paying through the store's payment provider (the
 * test card for now). Public: the order id (a random UUID) is the capability, as in a
 * payment link. HTML, so not in the OpenAPI document.
 *
 * POST-redirect-GET: the form post always answers 303 to the page, so Back or reload after
 * paying shows the page again and never re-posts the form. The outcome of a refused post
 * travels as a short code in the query (`?error=declined`), never the card or the name.
 */
export const checkoutPageRoutes = new Hono<AppEnv>();

function localeOf(c: AppContext): HostedLocale {
  return negotiateLocale(c.req.query('locale'), c.req.header('accept-language'));
}

/**
 * The currency the shop's page showed prices in (`?currency=`), when it is a well-formed
 * ISO 4217 code. The order is charged in its own (the cart's) currency; the page says so
 * when the two differ, so a shopper who browsed in another currency is not surprised.
 */
function pageCurrencyOf(value: string | undefined): string | null {
  return value && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : null;
}

function currencyName(locale: HostedLocale, code: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function originOf(c: AppContext, store: Store): FromShop {
  return {
    returnTo: urlOnAllowedOrigin(store, c.req.query('return_to')),
    currency: pageCurrencyOf(c.req.query('currency')),
  };
}

/** A price on the page; an unknown currency code shows as its amount and code. */
function priceText(locale: HostedLocale, money: Money): string {
  try {
    return formatMoney(money, locale);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

async function load(c: AppContext, orderId: string) {
  const row = await findOrderById(c.var.deps.db, orderId);
  if (!row) return undefined;
  const [store] = await c.var.deps.db.select().from(stores).where(eq(stores.id, row.storeId));
  if (!store) return undefined;
  return { store, row, order: await orderView(c.var.deps.db, store, row, c.var.deps.now()) };
}

/** Why the last post did not pay, as carried to the page by the redirect. */
const flashes = ['declined', 'testCardLive', 'nameRequired', 'addressRequired'] as const;
type Flash = (typeof flashes)[number];
const flashOf: Record<DeclineReason, Flash> = {
  declined: 'declined',
  test_card_in_live_mode: 'testCardLive',
};

function flashFrom(value: string | undefined): Flash | undefined {
  return flashes.find((f) => f === value);
}

interface PageState {
  error?: Flash | 'badOrigin';
}

/** What the shop's page passed on: where to return, and the currency it showed. */
interface FromShop {
  returnTo: string | null;
  currency: string | null;
}

/** The query every link and redirect of the page carries: language, where to return, currency. */
function pageQuery(locale: HostedLocale, from: FromShop, error?: Flash) {
  return new URLSearchParams({
    locale,
    ...(from.returnTo ? { return_to: from.returnTo } : {}),
    ...(from.currency ? { currency: from.currency } : {}),
    ...(error ? { error } : {}),
  }).toString();
}

function errorText(
  tr: ReturnType<typeof translator<CheckoutMessageKey>>,
  store: Store,
  error: Flash | 'badOrigin',
  locale: HostedLocale,
) {
  if (error === 'addressRequired') return addressFirstText(locale);
  // The test-card hint in the decline only helps where the test card pays.
  if (error === 'declined' && store.mode !== 'test') return tr('cardDeclined');
  return tr(error);
}

function checkoutPage(
  locale: HostedLocale,
  store: Store,
  order: OrderView,
  from: FromShop,
  state: PageState = {},
  ship: ShippingPart | null = null,
) {
  const { returnTo } = from;
  const tr = translator(checkoutMessages, locale);
  const money = (m: Money) => priceText(locale, m);
  const summary = html`<h2>${tr('summary')}</h2>
<table>
<tbody>
${order.lines.map(
  (l) =>
    html`<tr><td>${l.title}${l.variantTitle ? html` — ${l.variantTitle}` : ''}<br><span class="muted">${tr('quantity', { n: l.quantity })}</span></td><td>${money(l.lineTotal)}</td></tr>`,
)}
<tr><td>${tr('subtotal')}</td><td>${money(order.subtotal)}</td></tr>
${order.pointsRedeemed > 0 ? html`<tr><td>${tr('discount')}</td><td>−${money(order.discount)}</td></tr>` : ''}
${ship ? landedRows(locale, order, money) : ''}
<tr data-row="total"><th>${tr('total')}</th><th>${money(order.total)}</th></tr>
</tbody>
</table>
${ship ? dutiesNote(locale, order, money) : ''}`;
  const back = returnTo ? html`<p><a href="${returnTo}">${tr('returnToShop')}</a></p>` : '';

  let main: unknown;
  if (order.status === 'pending') {
    const testMode = store.mode === 'test';
    const error = state.error;
    // Only a currency the store sells can have priced the shop's page (else it fell back).
    const otherCurrency =
      from.currency !== null &&
      from.currency !== order.currency &&
      store.currencies.includes(from.currency);
    main = html`${testMode ? html`<p class="hint" role="note"><strong>${tr('testMode')}</strong></p>` : ''}
${otherCurrency ? html`<p class="hint" data-charged-in="${order.currency}">${tr('chargedIn', { currency: currencyName(locale, order.currency) })}</p>` : ''}
${order.pointsToEarn > 0 ? html`<p data-points-to-earn="${order.pointsToEarn}">${tr('pointsToEarn', { points: new Intl.NumberFormat(locale).format(order.pointsToEarn) })}</p>` : ''}
${ship?.sections ?? ''}
<p id="pay-error" class="error" role="alert">${error ? errorText(tr, store, error, locale) : ''}</p>
${
  ship && !ship.payable
    ? ''
    : html`<form id="kiosk-pay" method="post" action="/checkout/${order.id}/pay?${pageQuery(locale, from)}" novalidate>
<label for="card">${tr('cardNumber')}</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number"${testMode ? html` placeholder="4242 4242 4242 4242"` : ''} maxlength="23" required${testMode ? html` aria-describedby="card-hint"` : ''}${error === 'declined' || error === 'testCardLive' ? html` aria-invalid="true"` : ''}>
${testMode ? html`<p id="card-hint" class="hint">${tr('cardHint')}</p>` : ''}
<label for="name">${tr('name')}</label>
<input id="name" name="name" autocomplete="cc-name" maxlength="100" required${error === 'nameRequired' ? html` aria-invalid="true"` : ''}>
<button type="submit">${tr('pay', { amount: money(order.total) })}</button>
</form>`
}
${back}`;
  } else if (order.status === 'paid') {
    const number = new Intl.NumberFormat(locale);
    const pendingDays = store.pointsRules.pendingDays;
    main = html`<p role="status"><strong>${tr('thanks')}</strong></p>
<p data-status="paid">${tr('statusPaid')}</p>
${
  order.pointsEarned > 0
    ? html`<p data-points-earned="${order.pointsEarned}">${tr('pointsEarned', { points: number.format(order.pointsEarned) })}${pendingDays > 0 ? html` ${tr('pointsPending', { days: number.format(pendingDays) })}` : ''}</p>`
    : ''
}
${back}`;
  } else {
    const status =
      order.status === 'expired'
        ? tr('statusExpired')
        : order.status === 'cancelled'
          ? tr('statusCancelled')
          : tr('statusRefunded');
    main = html`<p data-status="${order.status}">${status}</p>
${back}`;
  }
  const body = html`<h1>${tr('title')}</h1>
<p class="muted">${store.name} · ${tr('order', { id: order.id.slice(0, 8).toUpperCase() })}</p>
${summary}
${main}`;
  return layout({
    locale,
    title: `${tr('title')} · ${store.name}`,
    body,
    scripts: order.status === 'pending' ? ['checkout.js'] : [],
  });
}

/** The shipping parts of a pending order's page; null when the store does not ship. */
interface ShippingPart {
  sections: unknown;
  /** Whether the pay form shows: an address is saved and a rate picked, and not being edited. */
  payable: boolean;
}

async function shippingPart(
  c: AppContext,
  locale: HostedLocale,
  found: { store: Store; row: OrderRow; order: OrderView },
  from: FromShop,
  form?: AddressFormState,
): Promise<ShippingPart | null> {
  const { store, row, order } = found;
  const config = await shippingConfigOf(c.var.deps.db, store.id);
  const countries = shippingCountries(config);
  if (countries.length === 0) return null;
  if (order.status !== 'pending') return { sections: '', payable: false };
  const query = pageQuery(locale, from);
  const saved = order.shippingAddress;
  const editing = form !== undefined || !saved || c.req.query('edit') === 'address';
  if (editing) {
    const asked = c.req.query('country')?.toUpperCase();
    const country =
      form?.country ??
      (asked && countries.includes(asked) ? asked : undefined) ??
      (saved && countries.includes(saved.country) ? saved.country : undefined) ??
      defaultCountry(locale, countries);
    const state = form ?? { country, values: saved?.country === country ? saved : {}, errors: {} };
    return {
      sections: await addressSection(
        locale,
        `/checkout/${order.id}/address?${query}`,
        countries,
        state,
      ),
      payable: false,
    };
  }
  const quotes = await orderQuotes(c.var.deps.db, config, row, saved.country);
  return {
    sections: html`${await savedAddress(locale, saved, `/checkout/${order.id}?${query}&edit=address`)}
${rateSection(locale, `/checkout/${order.id}/shipping?${query}`, quotes, order.currency, order.shipping?.rateId ?? null, (m) => priceText(locale, m))}`,
    payable: order.shipping !== null,
  };
}

function notFoundPage(locale: HostedLocale) {
  const tr = translator(checkoutMessages, locale);
  return layout({
    locale,
    title: tr('notFoundTitle'),
    body: html`<h1>${tr('notFoundTitle')}</h1><p>${tr('notFound')}</p>`,
  });
}

checkoutPageRoutes.get('/:orderId', async (c) => {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId'));
  if (!found) return sendPage(c, notFoundPage(locale), { status: 404 });
  const from = originOf(c, found.store);
  const error = flashFrom(c.req.query('error'));
  const ship = await shippingPart(c, locale, found, from);
  return sendPage(
    c,
    checkoutPage(locale, found.store, found.order, from, error ? { error } : {}, ship),
  );
});

/**
 * The address form's post. A changed country re-renders the form for that country (the
 * fields typed so far kept; no JavaScript needed); a refused address re-renders it with each
 * field's error (422); a valid one is saved with the cheapest rate (or the one picked before),
 * then the page (303).
 */
checkoutPageRoutes.post('/:orderId/address', async (c) => {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId'));
  if (!found) return sendPage(c, notFoundPage(locale), { status: 404 });
  const { store, order } = found;
  const from = originOf(c, store);
  if (!isSameOriginPost(c)) {
    return sendPage(c, checkoutPage(locale, store, order, from, { error: 'badOrigin' }), {
      status: 400,
    });
  }
  const redirect = () => c.redirect(`/checkout/${order.id}?${pageQuery(locale, from)}`, 303);
  if (order.status !== 'pending') return redirect();
  const fields = await formFields(c);
  const country = (fields.country ?? '').toUpperCase();
  const countries = shippingCountries(await shippingConfigOf(c.var.deps.db, store.id));
  const render = async (form: AddressFormState, status: 200 | 422) =>
    sendPage(
      c,
      checkoutPage(
        locale,
        store,
        order,
        from,
        {},
        await shippingPart(c, locale, found, from, form),
      ),
      { status },
    );
  if (!countries.includes(country)) {
    const shown = countries.includes(fields.formCountry ?? '') ? fields.formCountry! : countries[0];
    if (!shown) return redirect();
    return render(
      { country: shown, values: fields, errors: {}, countryError: 'shipping_unavailable' },
      422,
    );
  }
  if (country !== fields.formCountry) return render({ country, values: fields, errors: {} }, 200);
  const check = await checkAddress(country, fields);
  if (!check.ok) return render({ country, values: fields, errors: check.errors }, 422);
  try {
    await shipOrder(c.var.deps.db, store, order.id, { address: check.address }, c.var.deps.now());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'shipping_unavailable') {
      return render(
        { country, values: fields, errors: {}, countryError: 'shipping_unavailable' },
        422,
      );
    }
    // Not pending any more: the page shows the order as it is.
  }
  return redirect();
});

/** The rate picked on the page; an unknown or unoffered one leaves the order as it was. */
checkoutPageRoutes.post('/:orderId/shipping', async (c) => {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId'));
  if (!found) return sendPage(c, notFoundPage(locale), { status: 404 });
  const { store, order } = found;
  const from = originOf(c, store);
  if (!isSameOriginPost(c)) {
    return sendPage(c, checkoutPage(locale, store, order, from, { error: 'badOrigin' }), {
      status: 400,
    });
  }
  const fields = await formFields(c);
  if (order.status === 'pending' && fields.rate) {
    try {
      await shipOrder(c.var.deps.db, store, order.id, { rateId: fields.rate }, c.var.deps.now());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
    }
  }
  return c.redirect(`/checkout/${order.id}?${pageQuery(locale, from)}`, 303);
});

checkoutPageRoutes.post('/:orderId/pay', async (c) => {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId'));
  if (!found) return sendPage(c, notFoundPage(locale), { status: 404 });
  const { store, order } = found;
  const from = originOf(c, store);
  // Refused outright, not redirected: nothing happened, and the page must not look like a
  // result of the cross-site post.
  if (!isSameOriginPost(c)) {
    return sendPage(c, checkoutPage(locale, store, order, from, { error: 'badOrigin' }), {
      status: 400,
    });
  }
  const redirect = (error?: Flash) =>
    c.redirect(`/checkout/${order.id}?${pageQuery(locale, from, error)}`, 303);
  if (order.status !== 'pending') return redirect();

  const fields = await formFields(c);
  const name = (fields.name ?? '').trim().slice(0, 100);
  if (!name) return redirect('nameRequired');
  let outcome: Awaited<ReturnType<typeof payOrder>>;
  try {
    outcome = await payOrder(
      c.var.deps.db,
      store,
      order,
      { card: fields.card ?? '', name },
      c.var.deps.now(),
    );
  } catch (error) {
    if (error instanceof ApiError && error.code === 'address_required') {
      return redirect('addressRequired');
    }
    throw error;
  }
  // Paid, or not payable any more (expired, cancelled): the page shows the order as it is.
  return redirect(outcome.status === 'declined' ? flashOf[outcome.reason] : undefined);
});
