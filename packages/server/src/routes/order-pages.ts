import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext, AppEnv } from '../context.js';
import { orders, returnReasons, stores } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { addressElement, landedRows } from '../hosted/checkout-shipping.js';
import { formFields } from '../hosted/form.js';
import { type HostedLocale, negotiateLocale, translator } from '../hosted/i18n.js';
import { layout, sendPage } from '../hosted/layout.js';
import { type OrderPageMessageKey, orderPageMessages } from '../hosted/messages/orders.js';
import { isSameOriginPost } from '../hosted/same-origin.js';
import { unstorable } from '../middleware/storable-text.js';
import type { OrderView, RefundView, ShipmentView } from '../schemas/orders.js';
import { readOrdersPageToken, tokenStoreId } from '../services/order-page-links.js';
import { orderView, orderViews } from '../services/order-views.js';
import { findOrderById } from '../services/orders.js';
import { requestReturn, returnableQuantities, returnWindowCloses } from '../services/returns.js';
import type { Store } from '../services/stores.js';
import { isUuid } from '../uuid.js';
import { priceText } from './checkout.js';

/**
 * The hosted order pages. /orders/{id}: one order (status, items, totals, address,
 * shipments with their tracking, returns); like the checkout page, the order id (a random
 * UUID) is the capability, so a guest's receipt or the paid page can link to it. /orders
 * ?access=…: a signed-in shopper's orders, through a short-lived signed link the API mints
 * (services/order-page-links.ts), never a bearer token. HTML, so not in the OpenAPI document.
 */
export const orderPageRoutes = new Hono<AppEnv>();

type Tr = ReturnType<typeof translator<OrderPageMessageKey>>;

/** How many orders the list shows: the newest; older ones stay in the API's pages. */
const LIST_LIMIT = 50;

function localeOf(c: AppContext): HostedLocale {
  return negotiateLocale(c.req.query('locale'), c.req.header('accept-language'));
}

const reference = (order: Pick<OrderView, 'id'>) => order.id.slice(0, 8).toUpperCase();

function dateText(locale: HostedLocale, iso: string, time = false): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(time ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  }).format(new Date(iso));
}

function shipmentSection(locale: HostedLocale, tr: Tr, order: OrderView, s: ShipmentView) {
  const titleOf = (lineId: string) => order.lines.find((l) => l.id === lineId)?.title ?? '';
  return html`<section class="shipment" data-shipment="${s.id}">
<h3>${s.carrier} · <span data-status="${s.status ?? 'none'}">${tr(`tracking_${s.status ?? 'none'}`)}</span></h3>
<p class="muted">${tr('trackingNumber', { number: s.trackingNumber })}${s.trackingUrl ? html` · <a href="${s.trackingUrl}" rel="noopener noreferrer">${tr('track')}</a>` : ''}</p>
<ul class="muted">${s.lines.map((l) => html`<li>${titleOf(l.lineId)} × ${new Intl.NumberFormat(locale).format(l.quantity)}</li>`)}</ul>
${
  s.events.length > 0
    ? html`<ol class="events">${[...s.events]
        .reverse()
        .map(
          (e) =>
            html`<li data-event="${e.status}"><time datetime="${e.time}">${dateText(locale, e.time, true)}</time> — ${tr(`tracking_${e.status}`)}${e.description ? html`: ${e.description}` : ''}${e.location ? html` <span class="muted">(${e.location})</span>` : ''}</li>`,
        )}</ol>`
    : ''
}
</section>`;
}

/** A refund as the shopper should read it: done, on its way, or not made (ask the shop). */
function refundText(tr: Tr, money: (m: OrderView['total']) => string, refund: RefundView) {
  const amount = money(refund.amount);
  if (refund.status === 'pending') return tr('refundPending', { amount });
  if (refund.status === 'failed') return tr('refundFailed', { amount });
  return tr('returnRefund', { amount });
}

/** The outcome of the return form, carried to the page by its redirect as a short code. */
const flashes = {
  sent: 'returnSent',
  nothing: 'returnNothing',
  closed: 'returnClosed',
  unavailable: 'returnUnavailable',
  badOrigin: 'badOrigin',
} as const satisfies Record<string, OrderPageMessageKey>;
type Flash = keyof typeof flashes;
const flashOf = (value: string | undefined): Flash | undefined =>
  value && value in flashes ? (value as Flash) : undefined;

/** The return form of a paid order while its window is open: a quantity per returnable line. */
function returnForm(
  locale: HostedLocale,
  tr: Tr,
  order: OrderView,
  closesAt: Date | null,
): unknown {
  if (order.status !== 'paid' || !closesAt) return '';
  const left = returnableQuantities(order);
  const lines = order.lines.filter((l) => (left.get(l.id) ?? 0) > 0);
  if (lines.length === 0) return '';
  return html`<h2>${tr('returnTitle')}</h2>
<p class="muted">${tr('returnUntil', { date: dateText(locale, closesAt.toISOString()) })}</p>
<form id="kiosk-return" method="post" action="/orders/${order.id}/returns?locale=${locale}">
${lines.map(
  (l) => html`<label for="qty-${l.id}">${tr('returnQuantity', { item: l.title })}</label>
<input id="qty-${l.id}" name="qty_${l.id}" type="number" inputmode="numeric" min="0" max="${left.get(l.id)}" value="0">`,
)}
<label for="reason">${tr('returnReason')}</label>
<select id="reason" name="reason">${returnReasons.map((r) => html`<option value="${r}">${tr(`reason_${r}`)}</option>`)}</select>
<label for="comment">${tr('returnComment')}</label>
<textarea id="comment" name="comment" maxlength="1000" rows="3"></textarea>
<button type="submit">${tr('returnSubmit')}</button>
</form>`;
}

function orderPage(
  locale: HostedLocale,
  store: Store,
  order: OrderView,
  closesAt: Date | null,
  flash?: Flash,
) {
  const tr = translator(orderPageMessages, locale);
  const money = (m: OrderView['total']) => priceText(locale, m);
  const number = new Intl.NumberFormat(locale);
  const address = order.shippingAddress;
  const refunded = Number(order.refunded.amount) > 0;
  // A return's refund as its provider has it (a return approved before refunds were rows: done).
  const returnRefund = (returnId: string, amount: OrderView['total']) => {
    const refund = order.refunds.find((r) => r.returnId === returnId);
    return refund ? refundText(tr, money, refund) : tr('returnRefund', { amount: money(amount) });
  };
  const body = html`<h1>${tr('order', { id: reference(order) })}</h1>
<p class="muted">${store.name} · ${tr('placed', { date: dateText(locale, order.createdAt) })}</p>
${flash ? html`<p class="${flash === 'sent' ? 'hint' : 'error'}" role="${flash === 'sent' ? 'status' : 'alert'}" data-flash="${flash}">${tr(flashes[flash])}</p>` : ''}
<p data-status="${order.status}"><strong>${tr(`status_${order.status}`)}</strong></p>
<h2>${tr('items')}</h2>
<table>
<tbody>
${order.lines.map(
  (l) =>
    html`<tr><td>${l.title}${l.variantTitle ? html` — ${l.variantTitle}` : ''}<br><span class="muted">${tr('quantity', { n: number.format(l.quantity) })}</span></td><td>${money(l.lineTotal)}</td></tr>`,
)}
<tr><td>${tr('subtotal')}</td><td>${money(order.subtotal)}</td></tr>
${order.pointsRedeemed > 0 ? html`<tr><td>${tr('discount')}</td><td>−${money(order.discount)}</td></tr>` : ''}
${order.shipping ? landedRows(locale, order, money) : ''}
<tr><th>${tr('total')}</th><th>${money(order.total)}</th></tr>
${refunded ? html`<tr data-refunded><td>${tr('refunded')}</td><td>−${money(order.refunded)}</td></tr>` : ''}
</tbody>
</table>
${
  address
    ? html`<h2>${tr('shipTo')}</h2>
${addressElement(locale, address)}`
    : ''
}
<h2>${tr('shipments')}</h2>
${order.shipments.length === 0 ? html`<p class="muted">${tr('noShipments')}</p>` : order.shipments.map((s) => shipmentSection(locale, tr, order, s))}
${
  order.returns.length > 0
    ? html`<h2>${tr('returns')}</h2>
<ul>${order.returns.map(
        (r) =>
          html`<li data-return="${r.status}">${tr(`return_${r.status}`)} · ${tr(`reason_${r.reason}`)}${r.refund ? html` · ${returnRefund(r.id, r.refund)}` : ''}${r.note ? html`<br><span class="muted">${r.note}</span>` : ''}</li>`,
      )}</ul>`
    : ''
}
${
  order.refunds.length > 0
    ? html`<h2>${tr('refunds')}</h2>
<ul>${order.refunds.map(
        (r) =>
          html`<li data-refund="${r.status}"><time datetime="${r.createdAt}">${dateText(locale, r.createdAt)}</time> — ${refundText(tr, money, r)}</li>`,
      )}</ul>`
    : ''
}
${returnForm(locale, tr, order, closesAt)}`;
  return layout({
    locale,
    title: `${tr('order', { id: reference(order) })} · ${store.name}`,
    body,
  });
}

function listPage(locale: HostedLocale, store: Store, list: OrderView[]) {
  const tr = translator(orderPageMessages, locale);
  const body = html`<h1>${tr('listTitle')}</h1>
<p class="muted">${store.name}</p>
${
  list.length === 0
    ? html`<p>${tr('noOrders')}</p>`
    : html`<ul class="orders">${list.map(
        (o) =>
          html`<li data-order="${o.id}"><a href="/orders/${o.id}?locale=${locale}">${tr('order', { id: reference(o) })}</a> · ${dateText(locale, o.createdAt)} · ${tr(`status_${o.status}`)} · ${priceText(locale, o.total)}</li>`,
      )}</ul>`
}`;
  return layout({ locale, title: `${tr('listTitle')} · ${store.name}`, body });
}

function messagePage(locale: HostedLocale, title: OrderPageMessageKey, text: OrderPageMessageKey) {
  const tr = translator(orderPageMessages, locale);
  return layout({ locale, title: tr(title), body: html`<h1>${tr(title)}</h1><p>${tr(text)}</p>` });
}

async function storeById(c: AppContext, storeId: string): Promise<Store | undefined> {
  if (!isUuid(storeId)) return undefined;
  const [store] = await c.var.deps.db.select().from(stores).where(eq(stores.id, storeId));
  return store;
}

orderPageRoutes.get('/', async (c) => {
  const locale = localeOf(c);
  const token = (c.req.query('access') ?? '').slice(0, 300);
  const storeId = tokenStoreId(token);
  const store = storeId ? await storeById(c, storeId) : undefined;
  const now = c.var.deps.now();
  const access = store ? readOrdersPageToken(store, token, now) : 'invalid';
  if (!store || access === 'invalid') {
    return sendPage(c, messagePage(locale, 'notFoundTitle', 'notFound'), { status: 404 });
  }
  if (access === 'expired') {
    return sendPage(c, messagePage(locale, 'linkExpiredTitle', 'linkExpired'), { status: 401 });
  }
  const { db } = c.var.deps;
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, store.id), eq(orders.customerId, access.customerId)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(LIST_LIMIT);
  return sendPage(c, listPage(locale, store, await orderViews(db, store, rows, now)));
});

async function loadOrder(c: AppContext) {
  const { db, now } = c.var.deps;
  const row = await findOrderById(db, c.req.param('orderId') ?? '');
  const store = row ? await storeById(c, row.storeId) : undefined;
  if (!row || !store) return undefined;
  return { row, store, order: await orderView(db, store, row, now()) };
}

orderPageRoutes.get('/:orderId', async (c) => {
  const locale = localeOf(c);
  const found = await loadOrder(c);
  if (!found) {
    return sendPage(c, messagePage(locale, 'notFoundTitle', 'notFound'), { status: 404 });
  }
  const { row, store, order } = found;
  const now = c.var.deps.now();
  const closesAt =
    order.status === 'paid' ? await returnWindowCloses(c.var.deps.db, store, row, now) : null;
  const open = closesAt && closesAt > now ? closesAt : null;
  const flash = flashOf(c.req.query('result'));
  return sendPage(c, orderPage(locale, store, order, open, flash));
});

/**
 * The return form's post (the order id is the capability, as for the page): a return of the
 * lines given a quantity, then 303 back to the page with the outcome. Refused outright (400)
 * when it does not come from the page itself.
 */
orderPageRoutes.post('/:orderId/returns', async (c) => {
  const locale = localeOf(c);
  const found = await loadOrder(c);
  if (!found) {
    return sendPage(c, messagePage(locale, 'notFoundTitle', 'notFound'), { status: 404 });
  }
  const { row, store, order } = found;
  const back = (result: Flash) =>
    c.redirect(`/orders/${order.id}?${new URLSearchParams({ locale, result })}`, 303);
  if (!isSameOriginPost(c)) {
    return sendPage(c, orderPage(locale, store, order, null, 'badOrigin'), { status: 400 });
  }
  const fields = await formFields(c);
  const lines = order.lines
    .map((l) => ({ lineId: l.id, quantity: Number(fields[`qty_${l.id}`] ?? '0') }))
    .filter((l) => Number.isSafeInteger(l.quantity) && l.quantity > 0);
  const reason = returnReasons.find((r) => r === fields.reason);
  if (lines.length === 0 || !reason) return back('nothing');
  const typed = (fields.comment ?? '').trim().slice(0, 1000);
  // Text PostgreSQL cannot store is dropped, as the API refuses it (storable-text.ts).
  const comment = unstorable(typed) ? '' : typed;
  try {
    await requestReturn(
      c.var.deps.db,
      store,
      row.customerId,
      order.id,
      { lines, reason, ...(comment ? { comment } : {}) },
      c.var.deps.now(),
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return back(error.code === 'return_window_closed' ? 'closed' : 'unavailable');
  }
  return back('sent');
});
