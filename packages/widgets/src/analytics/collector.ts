/**
 * The widgets' analytics (docs/widgets/analytics.md), loaded on first use: GA4 ecommerce
 * events, each dispatched on the page as `kiosk-analytics` { name, params } and queued for
 * POST /v1/events, which gets them in batches by navigator.sendBeacon when the page is hidden,
 * when a batch is full, or a few seconds after the first queued event.
 * Nothing personal: product ids, names, prices and the attribution code only.
 */
import {
  type Cart,
  followedLink,
  isAttributionCode,
  type KioskClient,
  MAX_EVENTS_PER_BATCH,
  MAX_ITEMS_PER_EVENT,
  type Money,
  type Product,
  type Variant,
} from '@kiosk/sdk';
import { attributionRef } from '../config.js';
import type { AnalyticsItem, AnalyticsName, AnalyticsParams } from '../events/analytics.js';

/** What a product card gives: its product, selected variant, client and `ref` attribute. */
interface Card extends Element {
  readonly productData: Product | undefined;
  readonly selectedVariant: Variant | undefined;
  ref?: string | undefined;
}

/** How long a queued event waits for others before its batch leaves. */
const FLUSH_AFTER_MS = 3000;
/** A card counts as seen when this share of it is in view for IMPRESSION_MS. */
const VISIBLE = 0.5;
const IMPRESSION_MS = 1000;

/** An amount as an integer of `digits` decimals ("19.9", 2 → 1990): sums stay exact. */
function scaled(m: Money, digits: number): number {
  const [whole = '0', fraction = ''] = m.amount.split('.');
  return Number(whole + fraction.padEnd(digits, '0'));
}
const decimals = (m: Money) => m.amount.split('.')[1]?.length ?? 0;

function item(product: Product, variant: Variant, quantity: number): AnalyticsItem {
  return {
    item_id: product.id,
    item_name: product.title,
    item_variant: variant.title,
    price: Number(variant.price.amount),
    quantity,
  };
}

/** The event's parameters: `value` is Σ price × quantity, summed in minor units. */
function params(items: AnalyticsItem[], prices: Money[], ref: string | undefined): AnalyticsParams {
  const digits = Math.max(...prices.map(decimals));
  const total = prices.reduce((n, m, i) => n + scaled(m, digits) * items[i]!.quantity, 0);
  ref ||= attributionRef();
  // A malformed ref attribute would make the server refuse the whole batch: left out.
  if (!isAttributionCode(ref)) ref = undefined;
  return {
    currency: prices[0]!.currency,
    // GA4 wants major units as a number: one division of the exact sum.
    value: total / 10 ** digits,
    items,
    ...(ref
      ? { ref, channel: 'creator' as const }
      : { channel: followedLink('kiosk_campaign') ? 'campaign' : 'direct' }),
  };
}

/** Dispatches the event on the page (the host's own tags may forward it), then queues it. */
function emit(
  el: Element,
  client: KioskClient | null | undefined,
  name: AnalyticsName,
  p: AnalyticsParams,
) {
  el.dispatchEvent(
    new CustomEvent('kiosk-analytics', {
      bubbles: true,
      composed: true,
      detail: { name, params: p },
    }),
  );
  if (client) queue(client, name, p);
}

// --- to the server -------------------------------------------------------------------------

interface ServerEvent {
  name: AnalyticsName;
  params: Omit<AnalyticsParams, 'ref' | 'channel'>;
  ref?: string;
  channel: AnalyticsParams['channel'];
  at: string;
}

const queues = new Map<KioskClient, ServerEvent[]>();
/** Whether each client's store collects analytics (GET /v1/store's analytics.enabled). */
const enabled = new Map<KioskClient, Promise<boolean>>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Do Not Track or Global Privacy Control: the shopper asked not to be counted. */
const declined = () =>
  navigator.doNotTrack === '1' ||
  (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

function storeCollects(client: KioskClient): Promise<boolean> {
  let answer = enabled.get(client);
  if (!answer) {
    answer = client.store.get().then(
      (store) => store.analytics?.enabled !== false,
      () => {
        enabled.delete(client); // unknown: asked again at the next flush, nothing sent now
        return false;
      },
    );
    enabled.set(client, answer);
  }
  return answer;
}

function queue(client: KioskClient, name: AnalyticsName, p: AnalyticsParams) {
  if (declined()) return;
  void storeCollects(client);
  const { ref, channel, items, ...rest } = p;
  const events = queues.get(client) ?? [];
  queues.set(client, events);
  events.push({
    name,
    channel,
    at: new Date().toISOString(),
    ...(ref ? { ref } : {}),
    params: { ...rest, items },
  });
  if (events.length >= MAX_EVENTS_PER_BATCH) flush();
  else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
}

/** Sends every queued event. A failure is dropped: analytics never gets in the shopper's way. */
export function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  for (const [client, events] of queues) {
    queues.delete(client);
    void storeCollects(client).then((yes) => yes && send(client, events));
  }
}

function send(client: KioskClient, events: ServerEvent[]) {
  const url = `${client.endpoint.replace(/\/+$/, '')}/v1/events`;
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_BATCH) {
    // A string body goes as text/plain, with the key inside: a beacon sets no headers, and
    // text/plain needs no CORS preflight (which a closing page would not wait for).
    const body = JSON.stringify({
      key: client.storeKey,
      events: events.slice(i, i + MAX_EVENTS_PER_BATCH),
    });
    try {
      if (navigator.sendBeacon(url, body)) continue;
    } catch {
      // no beacon (or refused): fetch below
    }
    fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {});
  }
}

addEventListener('pagehide', flush);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});

// --- what the elements report --------------------------------------------------------------

const clients = new WeakMap<Element, () => KioskClient | null | undefined>();
const seen = new WeakSet<Element>();
const viewed = new WeakSet<Element>();
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();
/** Cards seen and not reported yet, by list (their parent element). */
const lists = new Map<Element, Card[]>();
let observer: IntersectionObserver | undefined;

/**
 * Counts `card` once per page view when at least half of it stays in view for a second
 * (view_item_list). Cards seen together are reported together, one event per list.
 */
export function observe(card: Card, client: () => KioskClient | null | undefined): void {
  if (seen.has(card)) return;
  clients.set(card, client);
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        clearTimeout(timers.get(e.target));
        // A card taken out of the page before it was seen: let it go.
        if (!e.target.isConnected) observer?.unobserve(e.target);
        if (e.intersectionRatio >= VISIBLE)
          timers.set(
            e.target,
            setTimeout(() => impression(e.target as Card), IMPRESSION_MS),
          );
      }
    },
    { threshold: VISIBLE },
  );
  observer.observe(card);
}

function impression(card: Card) {
  if (seen.has(card) || !card.isConnected || !card.productData) return;
  seen.add(card);
  observer?.unobserve(card);
  const list = card.parentElement ?? card;
  if (!lists.size) setTimeout(reportLists, 200);
  lists.set(list, [...(lists.get(list) ?? []), card]);
}

function reportLists() {
  for (const [list, cards] of lists) {
    lists.delete(list);
    const listId = list.id.slice(0, 100) || undefined; // the server's limit
    const all = [...list.children].filter((c) => c.localName === 'kiosk-product-card');
    // One event per currency and client, at most MAX_ITEMS_PER_EVENT items each.
    const groups = new Map<string, Card[]>();
    for (const card of cards) {
      const variant = card.selectedVariant;
      if (!variant) continue;
      const key = variant.price.currency;
      groups.set(key, [...(groups.get(key) ?? []), card]);
    }
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += MAX_ITEMS_PER_EVENT) {
        const part = group.slice(i, i + MAX_ITEMS_PER_EVENT);
        const prices = part.map((c) => c.selectedVariant!.price);
        const items = part.map((c) => ({
          ...item(c.productData!, c.selectedVariant!, 1),
          ...(listId ? { item_list_id: listId } : {}),
          index: all.indexOf(c),
        }));
        const p = params(items, prices, part[0]!.ref);
        if (listId) p.item_list_id = listId;
        emit(list, clients.get(part[0]!)?.(), 'view_item_list', p);
      }
    }
  }
}

/** The shopper engaged with the card's product (view_item): once per card and page view. */
export function view(card: Card, client: KioskClient | null | undefined): void {
  const product = card.productData;
  const variant = card.selectedVariant;
  if (viewed.has(card) || !product || !variant) return;
  viewed.add(card);
  // Not analytics (never sent): the device's recently viewed list, its code loaded at a view.
  import('@kiosk/sdk/recently-viewed').then(
    (m) => m.rememberViewed(product.handle),
    () => {},
  );
  emit(card, client, 'view_item', params([item(product, variant, 1)], [variant.price], card.ref));
}

/** A successful add to cart (add_to_cart). */
export function added(
  card: Card,
  client: KioskClient | null | undefined,
  product: Product,
  variant: Variant,
  quantity: number,
): void {
  emit(
    card,
    client,
    'add_to_cart',
    params([item(product, variant, quantity)], [variant.price], card.ref),
  );
}

/** The mini cart's Check out (begin_checkout), with all the cart's lines. */
export function checkout(el: Element, client: KioskClient | null | undefined, cart: Cart): void {
  const lines = cart.lines.slice(0, MAX_ITEMS_PER_EVENT);
  if (!lines.length) return;
  const items = lines.map((l) => ({
    item_id: l.productId,
    item_name: l.title,
    item_variant: l.variantTitle,
    price: Number(l.unitPrice.amount),
    quantity: l.quantity,
  }));
  emit(
    el,
    client,
    'begin_checkout',
    params(
      items,
      lines.map((l) => l.unitPrice),
      undefined,
    ),
  );
}
