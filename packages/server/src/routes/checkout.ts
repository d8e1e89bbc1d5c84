import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { type AppContext, type AppEnv, publicOrigin } from '../context.js';
import { stores } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { formFields } from '../hosted/form.js';
import { type HostedLocale, negotiateLocale, translator } from '../hosted/i18n.js';
import { layout, sendPage } from '../hosted/layout.js';
import { checkoutMessages } from '../hosted/messages/checkout.js';
import type { Money } from '../services/money.js';
import { findOrderById, markPaid, type OrderView, orderView } from '../services/orders.js';
import type { Store } from '../services/stores.js';

/**
 * The hosted checkout page with the TEST payment method (/checkout). Public: the order id
 * (a random UUID) is the capability, as in a payment link. HTML, so not in the OpenAPI
 * document.
 */
export const checkoutPageRoutes = new Hono<AppEnv>();

const TEST_CARD = '4242424242424242';

function localeOf(c: AppContext): HostedLocale {
  return negotiateLocale(c.req.query('locale'), c.req.header('accept-language'));
}

/** A return link only to an http(s) URL on one of the store's allowed origins: never open. */
function safeReturnTo(store: Store, value: string | undefined): string | null {
  if (!value || value.length > 2000) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return store.allowedOrigins.includes(url.origin) ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A form post from this server's own pages (CSRF): Origin, else Sec-Fetch-Site. */
function isSameOriginPost(c: AppContext): boolean {
  const origin = c.req.header('origin');
  const self = new Set([publicOrigin(c), new URL(c.req.url).origin]);
  if (origin && origin !== 'null') return self.has(origin);
  return c.req.header('sec-fetch-site') === 'same-origin';
}

function formatMoney(locale: HostedLocale, money: Money): string {
  try {
    // Intl formats the decimal string exactly (no float on the way).
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
      money.amount as unknown as number,
    );
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

async function load(c: AppContext, orderId: string) {
  const row = await findOrderById(c.var.deps.db, orderId);
  if (!row) return undefined;
  const [store] = await c.var.deps.db.select().from(stores).where(eq(stores.id, row.storeId));
  if (!store) return undefined;
  return { store, order: await orderView(c.var.deps.db, row) };
}

interface PageState {
  error?: 'declined' | 'nameRequired' | 'badOrigin';
  name?: string;
  justPaid?: boolean;
}

function checkoutPage(
  locale: HostedLocale,
  store: Store,
  order: OrderView,
  returnTo: string | null,
  state: PageState = {},
) {
  const tr = translator(checkoutMessages, locale);
  const money = (m: Money) => formatMoney(locale, m);
  const query = new URLSearchParams({ locale, ...(returnTo ? { return_to: returnTo } : {}) });
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
    main = html`<p class="hint" role="note"><strong>${tr('testMode')}</strong></p>
<p id="pay-error" class="error" role="alert">${state.error ? tr(state.error) : ''}</p>
<form id="kiosk-pay" method="post" action="/checkout/${order.id}/pay?${query.toString()}" novalidate>
<label for="card">${tr('cardNumber')}</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" maxlength="23" required aria-describedby="card-hint"${state.error === 'declined' ? html` aria-invalid="true"` : ''}>
<p id="card-hint" class="hint">${tr('cardHint')}</p>
<label for="name">${tr('name')}</label>
<input id="name" name="name" autocomplete="cc-name" maxlength="100" required value="${state.name ?? ''}"${state.error === 'nameRequired' ? html` aria-invalid="true"` : ''}>
<button type="submit">${tr('pay', { amount: money(order.total) })}</button>
</form>`;
  } else {
    const status =
      order.status === 'paid'
        ? tr('statusPaid')
        : order.status === 'cancelled'
          ? tr('statusCancelled')
          : tr('statusRefunded');
    main = html`${state.justPaid ? html`<p role="status"><strong>${tr('thanks')}</strong></p>` : ''}
<p data-status="${order.status}">${status}</p>
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
  const returnTo = safeReturnTo(found.store, c.req.query('return_to'));
  return sendPage(c, checkoutPage(locale, found.store, found.order, returnTo));
});

checkoutPageRoutes.post('/:orderId/pay', async (c) => {
  const locale = localeOf(c);
  const found = await load(c, c.req.param('orderId'));
  if (!found) return sendPage(c, notFoundPage(locale), { status: 404 });
  const { store, order } = found;
  const returnTo = safeReturnTo(store, c.req.query('return_to'));
  if (!isSameOriginPost(c)) {
    return sendPage(c, checkoutPage(locale, store, order, returnTo, { error: 'badOrigin' }), {
      status: 400,
    });
  }
  if (order.status !== 'pending') return sendPage(c, checkoutPage(locale, store, order, returnTo));

  const fields = await formFields(c);
  const name = (fields.name ?? '').trim().slice(0, 100);
  if (!name) {
    return sendPage(c, checkoutPage(locale, store, order, returnTo, { error: 'nameRequired' }), {
      status: 422,
    });
  }
  if ((fields.card ?? '').replace(/ /g, '') !== TEST_CARD) {
    return sendPage(c, checkoutPage(locale, store, order, returnTo, { error: 'declined', name }), {
      status: 422,
    });
  }
  // Exactly what the payment webhook (admin mark-paid) does: idempotent, earns once.
  const paid = await markPaid(c.var.deps.db, store, order.id, c.var.deps.now()).catch((err) => {
    // Cancelled meanwhile: the page shows the order's current status.
    if (err instanceof ApiError) return undefined;
    throw err;
  });
  const current = paid ?? (await load(c, order.id))?.order ?? order;
  return sendPage(
    c,
    checkoutPage(locale, store, current, returnTo, { justPaid: current.status === 'paid' }),
  );
});
