import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext, AppEnv } from '../context.js';
import { stores } from '../db/schema/index.js';
import { formFields } from '../hosted/form.js';
import { formatMoney } from '../hosted/format-money.js';
import { type HostedLocale, negotiateLocale, translator } from '../hosted/i18n.js';
import { layout, sendPage } from '../hosted/layout.js';
import { type CheckoutMessageKey, checkoutMessages } from '../hosted/messages/checkout.js';
import { orderPageMessages } from '../hosted/messages/orders.js';
import { isSameOriginPost } from '../hosted/same-origin.js';
import type { OrderView } from '../schemas/orders.js';
import type { Money } from '../services/money.js';
import { orderView } from '../services/order-views.js';
import { findOrderById } from '../services/orders.js';
import { payOrder } from '../services/payments/pay.js';
import type { DeclineReason } from '../services/payments/provider.js';
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
  return { store, order: await orderView(c.var.deps.db, store, row, c.var.deps.now()) };
}

/** Why the last post did not pay, as carried to the page by the redirect. */
const flashes = ['declined', 'testCardLive', 'nameRequired'] as const;
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
) {
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
<tr><th>${tr('total')}</th><th>${money(order.total)}</th></tr>
</tbody>
</table>`;
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
<p id="pay-error" class="error" role="alert">${error ? errorText(tr, store, error) : ''}</p>
<form id="kiosk-pay" method="post" action="/checkout/${order.id}/pay?${pageQuery(locale, from)}" novalidate>
<label for="card">${tr('cardNumber')}</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number"${testMode ? html` placeholder="4242 4242 4242 4242"` : ''} maxlength="23" required${testMode ? html` aria-describedby="card-hint"` : ''}${error === 'declined' || error === 'testCardLive' ? html` aria-invalid="true"` : ''}>
${testMode ? html`<p id="card-hint" class="hint">${tr('cardHint')}</p>` : ''}
<label for="name">${tr('name')}</label>
<input id="name" name="name" autocomplete="cc-name" maxlength="100" required${error === 'nameRequired' ? html` aria-invalid="true"` : ''}>
<button type="submit">${tr('pay', { amount: money(order.total) })}</button>
</form>
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
  return sendPage(c, checkoutPage(locale, found.store, found.order, from, error ? { error } : {}));
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
  const outcome = await payOrder(
    c.var.deps.db,
    store,
    order,
    { card: fields.card ?? '', name },
    c.var.deps.now(),
  );
  // Paid, or not payable any more (expired, cancelled): the page shows the order as it is.
  return redirect(outcome.status === 'declined' ? flashOf[outcome.reason] : undefined);
});
