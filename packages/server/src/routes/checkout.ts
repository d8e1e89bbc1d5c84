import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { type AppContext, type AppEnv, publicOrigin } from '../context.js';
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
import { orderPageMessages } from '../hosted/messages/orders.js';
import { isSameOriginPost } from '../hosted/same-origin.js';
import type { OrderView } from '../schemas/orders.js';
import type { Money } from '../services/money.js';
import type { OrderRow } from '../services/order-views.js';
import { orderView } from '../services/order-views.js';
import { findOrderById } from '../services/orders.js';
import {
  type ConfirmOutcome,
  confirmAttempt,
  findAttempt,
  latestAttempt,
  offeredProviders,
  outOfBandProvider,
  type PaymentAttempt,
  payOrder,
  startPayment,
} from '../services/payments/pay.js';
import type { DeclineReason, PaymentProvider } from '../services/payments/provider.js';
import { PaymentNetworkError } from '../services/payments/test-network.js';
import { checkAddress } from '../services/shipping/address.js';
import { shippingConfigOf } from '../services/shipping/config.js';
import { orderQuotes, shipOrder } from '../services/shipping/order-shipping.js';
import { shippingCountries } from '../services/shipping/rates.js';
import { type Store, urlOnAllowedOrigin } from '../services/stores.js';
import { isUuid } from '../uuid.js';

/**
 * The hosted checkout page (/checkout): the shopper picks one of the store's payment methods
 * (services/payments: the card, a redirect wallet, a voucher paid later). Public: the order
 * id (a random UUID) is the capability, as in a payment link. HTML, so not in the OpenAPI
 * document.
 *
 * POST-redirect-GET: the form post always answers 303 — to the page, or out to the wallet's
 * approval page — so Back or reload after paying shows the page again and never re-posts the
 * form. The outcome of a refused post travels as a short code in the query
 * (`?error=declined`), never the card or the name. The wallet comes back to
 * `/checkout/{id}/return?attempt=…`, which asks the provider how the payment stands: the
 * query names which attempt to look at, never its result.
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
export function priceText(locale: HostedLocale, money: Money): string {
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

/** Why the last post (or the wallet's return) did not pay, as carried to the page by the redirect. */
const flashes = [
  'declined',
  'testCardLive',
  'nameRequired',
  'methodUnavailable',
  'providerUnavailable',
  'walletCancelled',
  'walletDeclined',
  'walletPending',
  'addressRequired',
] as const;
type Flash = (typeof flashes)[number];
const flashOf: Record<DeclineReason, Flash> = {
  declined: 'declined',
  test_card_in_live_mode: 'testCardLive',
};
const returnFlash: Partial<Record<ConfirmOutcome['status'], Flash>> = {
  cancelled: 'walletCancelled',
  declined: 'walletDeclined',
  pending: 'walletPending',
  mismatch: 'walletDeclined',
};
/** The flashes that concern the card fields, which then read as invalid. */
const cardFlashes: readonly Flash[] = ['declined', 'testCardLive'];

function flashFrom(value: string | undefined): Flash | undefined {
  return flashes.find((f) => f === value);
}

interface PageState {
  error?: Flash | 'badOrigin';
  /** The methods offered, in the store's order (the first is checked). */
  methods: PaymentProvider[];
  /** The order's latest wallet or voucher attempt: an open voucher is shown instead of the form. */
  attempt?: PaymentAttempt | undefined;
  now: Date;
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
  state: PageState,
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
  const voucher = openVoucher(order, state);
  if (voucher) {
    main = html`${voucherSection(locale, tr, order, voucher)}
${back}`;
  } else if (order.status === 'pending') {
    const testMode = store.mode === 'test';
    const error = state.error;
    // Only a currency the store sells can have priced the shop's page (else it fell back).
    const otherCurrency =
      from.currency !== null &&
      from.currency !== order.currency &&
      store.currencies.includes(from.currency);
    const cardOffered = state.methods.some((p) => p.method === 'card');
    const cardInvalid = error !== undefined && cardFlashes.includes(error as Flash);
    // Required only when the card is the one method: with others, the fields may stay empty.
    const required = state.methods.length <= 1 ? ' required' : '';
    main = html`${testMode ? html`<p class="hint" role="note"><strong>${tr('testMode')}</strong></p>` : ''}
${otherCurrency ? html`<p class="hint" data-charged-in="${order.currency}">${tr('chargedIn', { currency: currencyName(locale, order.currency) })}</p>` : ''}
${order.pointsToEarn > 0 ? html`<p data-points-to-earn="${order.pointsToEarn}">${tr('pointsToEarn', { points: new Intl.NumberFormat(locale).format(order.pointsToEarn) })}</p>` : ''}
${ship?.sections ?? ''}
<p id="pay-error" class="error" role="alert">${error ? errorText(tr, store, error, locale) : ''}</p>
${
  ship && !ship.payable
    ? ''
    : html`<form id="kiosk-pay" method="post" action="/checkout/${order.id}/pay?${pageQuery(locale, from)}" novalidate>
${methodChoice(tr, state.methods)}
${
  cardOffered
    ? html`<div id="card-fields">
<label for="card">${tr('cardNumber')}</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number"${testMode ? html` placeholder="4242 4242 4242 4242"` : ''} maxlength="23"${required}${testMode ? html` aria-describedby="card-hint"` : ''}${cardInvalid ? html` aria-invalid="true"` : ''}>
${testMode ? html`<p id="card-hint" class="hint">${tr('cardHint')}</p>` : ''}
<label for="name">${tr('name')}</label>
<input id="name" name="name" autocomplete="cc-name" maxlength="100"${required}${error === 'nameRequired' ? html` aria-invalid="true"` : ''}>
</div>`
    : ''
}
<button type="submit">${tr('pay', { amount: money(order.total) })}</button>
</form>`
}
${back}`;
  } else if (order.status === 'paid') {
    const number = new Intl.NumberFormat(locale);
    const pendingDays = store.pointsRules.pendingDays;
    main = html`<p role="status"><strong>${tr('thanks')}</strong></p>
<p data-status="paid">${tr('statusPaid')}</p>
<p><a id="order-page" href="/orders/${order.id}?locale=${locale}">${translator(orderPageMessages, locale)('viewOrder')}</a></p>
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
    const voucherLapsed = order.status === 'expired' && state.attempt?.method === 'voucher';
    main = html`<p data-status="${order.status}">${status}</p>
${voucherLapsed ? html`<p data-voucher-expired>${tr('voucherExpired')}</p>` : ''}
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
    scripts: order.status === 'pending' && !voucher ? ['checkout.js'] : [],
  });
}

/** The method radio group; with one method, nothing to choose (a hidden field names it). */
function methodChoice(
  tr: ReturnType<typeof translator<CheckoutMessageKey>>,
  methods: PaymentProvider[],
) {
  if (methods.length <= 1) {
    return html`<input type="hidden" name="method" value="${methods[0]?.method ?? 'card'}">`;
  }
  const label = {
    card: tr('methodCard'),
    wallet: tr('methodWallet'),
    voucher: tr('methodVoucher'),
  };
  const hint = { card: '', wallet: tr('methodWalletHint'), voucher: tr('methodVoucherHint') };
  return html`<fieldset class="methods">
<legend>${tr('paymentMethod')}</legend>
${methods.map(
  (p, i) => html`<div class="method">
<input type="radio" id="method-${p.method}" name="method" value="${p.method}"${i === 0 ? ' checked' : ''}${hint[p.method] ? html` aria-describedby="method-${p.method}-hint"` : ''}>
<label for="method-${p.method}">${label[p.method]}</label>
${hint[p.method] ? html`<p id="method-${p.method}-hint" class="hint">${hint[p.method]}</p>` : ''}
</div>`,
)}
</fieldset>`;
}

/** A voucher issued for this pending order and still payable: its page replaces the form. */
function openVoucher(order: OrderView, state: PageState): PaymentAttempt | undefined {
  const a = state.attempt;
  if (order.status !== 'pending' || !a || a.method !== 'voucher' || a.status !== 'started') {
    return undefined;
  }
  return a.expiresAt && a.expiresAt > state.now ? a : undefined;
}

function voucherSection(
  locale: HostedLocale,
  tr: ReturnType<typeof translator<CheckoutMessageKey>>,
  order: OrderView,
  voucher: PaymentAttempt,
) {
  // In UTC, named: the page cannot know the shopper's zone without a script.
  const expires = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(voucher.expiresAt!);
  return html`<section aria-labelledby="voucher-title" data-voucher>
<h2 id="voucher-title">${tr('voucherTitle')}</h2>
<dl>
<dt>${tr('voucherCode')}</dt><dd><code data-voucher-code>${voucher.voucherCode}</code></dd>
<dt>${tr('voucherAmount')}</dt><dd data-voucher-amount>${priceText(locale, order.total)}</dd>
<dt>${tr('voucherExpires')}</dt><dd><time datetime="${voucher.expiresAt!.toISOString()}">${expires}</time></dd>
</dl>
<p role="status">${tr('voucherWaiting')}</p>
<p><a href="${voucher.actionUrl}" data-voucher-link>${tr('voucherOpen')}</a></p>
</section>`;
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
  const quotes = await orderQuotes(
    c.var.deps.db,
    store,
    config,
    row,
    saved.country,
    c.var.deps.now(),
  );
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

/** What the page needs besides the order: the methods offered and the latest attempt. */
async function pageState(
  c: AppContext,
  store: Store,
  order: OrderView,
  error?: PageState['error'],
) {
  return {
    ...(error ? { error } : {}),
    methods: offeredProviders(store, c.var.deps.paymentNetwork),
    attempt: await latestAttempt(c.var.deps.db, store, order.id),
    now: c.var.deps.now(),
  };
}

/** The page, allowed to post out to the wallet's origin (form-action covers its redirect). */
function send(c: AppContext, page: ReturnType<typeof checkoutPage>, status?: 200 | 400 | 422) {
  const network = c.var.deps.paymentNetwork;
  return sendPage(c, page, {
    ...(status ? { status } : {}),
    formActions: network ? [new URL(network.url).origin] : [],
  });
}

/**
 * The start of each of the page's posts: the order (else the 404 page), and a post from the
 * page itself (the hosted forms' CSRF check). A cross-site post is refused outright with the
 * page, not redirected: nothing happened, and it must not look like a result of the post.
 */
async function posted(c: AppContext) {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId') ?? '');
  if (!found) return { refused: sendPage(c, notFoundPage(locale), { status: 404 }) };
  const { store, order } = found;
  const from = originOf(c, store);
  if (!isSameOriginPost(c)) {
    const state = await pageState(c, store, order, 'badOrigin');
    return { refused: send(c, checkoutPage(locale, store, order, from, state), 400) };
  }
  return { locale, found, store, order, from };
}

checkoutPageRoutes.get('/:orderId', async (c) => {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId'));
  if (!found) return sendPage(c, notFoundPage(locale), { status: 404 });
  const { store, order } = found;
  const from = originOf(c, store);
  const state = await pageState(c, store, order, flashFrom(c.req.query('error')));
  const ship = await shippingPart(c, locale, found, from);
  return send(c, checkoutPage(locale, store, order, from, state, ship));
});

/**
 * The address form's post. A changed country re-renders the form for that country (the
 * fields typed so far kept; no JavaScript needed); a refused address re-renders it with each
 * field's error (422); a valid one is saved with the cheapest rate (or the one picked before),
 * then the page (303).
 */
checkoutPageRoutes.post('/:orderId/address', async (c) => {
  const post = await posted(c);
  if ('refused' in post) return post.refused;
  const { locale, found, store, order, from } = post;
  const redirect = () => c.redirect(`/checkout/${order.id}?${pageQuery(locale, from)}`, 303);
  if (order.status !== 'pending') return redirect();
  const fields = await formFields(c);
  const country = (fields.country ?? '').toUpperCase();
  const countries = shippingCountries(await shippingConfigOf(c.var.deps.db, store.id));
  const render = async (form: AddressFormState, status: 200 | 422) => {
    const state = await pageState(c, store, order);
    const ship = await shippingPart(c, locale, found, from, form);
    return send(c, checkoutPage(locale, store, order, from, state, ship), status);
  };
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
  const post = await posted(c);
  if ('refused' in post) return post.refused;
  const { locale, store, order, from } = post;
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
  const post = await posted(c);
  if ('refused' in post) return post.refused;
  const { locale, store, order, from } = post;
  const { deps } = c.var;
  const redirect = (error?: Flash) =>
    c.redirect(`/checkout/${order.id}?${pageQuery(locale, from, error)}`, 303);
  if (order.status !== 'pending') return redirect();

  const fields = await formFields(c);
  const method = fields.method ?? 'card';
  const provider = offeredProviders(store, deps.paymentNetwork).find((p) => p.method === method);
  if (!provider) return redirect('methodUnavailable');
  if (provider.flow === 'immediate') {
    const name = (fields.name ?? '').trim().slice(0, 100);
    if (!name) return redirect('nameRequired');
    let outcome: Awaited<ReturnType<typeof payOrder>>;
    try {
      outcome = await payOrder(
        deps.db,
        store,
        order,
        { card: fields.card ?? '', name },
        deps.now(),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'address_required') {
        return redirect('addressRequired');
      }
      throw error;
    }
    // Paid, or not payable any more (expired, cancelled): the page shows the order as it is.
    return redirect(outcome.status === 'declined' ? flashOf[outcome.reason] : undefined);
  }
  const origin = publicOrigin(c);
  let started: Awaited<ReturnType<typeof startPayment>>;
  try {
    started = await startPayment(
      deps.db,
      store,
      order,
      provider,
      (attemptId) => ({
        returnUrl: `${origin}/checkout/${order.id}/return?${pageQuery(locale, from)}&attempt=${attemptId}`,
        notifyUrl: `${origin}/v1/payment-webhooks/${provider.id}/${store.id}`,
      }),
      deps.now(),
    );
  } catch (error) {
    if (error instanceof ApiError && error.code === 'address_required') {
      return redirect('addressRequired');
    }
    throw error;
  }
  if (started.status === 'redirect') return c.redirect(started.url, 303);
  return redirect(started.status === 'unavailable' ? 'providerUnavailable' : undefined);
});

/**
 * The wallet's way back. Whatever the query says (a tampered or replayed URL), the outcome is
 * the provider's answer about this order's own attempt: approved pays, cancelled and declined
 * say so on the page, and the shopper may choose again.
 */
checkoutPageRoutes.get('/:orderId/return', async (c) => {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId'));
  if (!found) return sendPage(c, notFoundPage(locale), { status: 404 });
  const { store, order } = found;
  const from = originOf(c, store);
  const { deps } = c.var;
  const redirect = (error?: Flash) =>
    c.redirect(`/checkout/${order.id}?${pageQuery(locale, from, error)}`, 303);
  const attemptId = c.req.query('attempt') ?? '';
  const attempt = isUuid(attemptId)
    ? await findAttempt(deps.db, store, order.id, attemptId)
    : undefined;
  const provider = attempt && outOfBandProvider(attempt.provider, deps.paymentNetwork);
  if (!attempt || !provider) return redirect();
  let outcome: ConfirmOutcome;
  try {
    outcome = await confirmAttempt(deps.db, store, provider, attempt, deps.now());
  } catch (error) {
    if (error instanceof PaymentNetworkError) return redirect('providerUnavailable');
    throw error;
  }
  return redirect(returnFlash[outcome.status]);
});
