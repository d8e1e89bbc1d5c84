import { randomUUID } from 'node:crypto';
import { and, asc, eq, exists, gt, isNotNull, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.js';
import {
  type NotificationSubscriptionRow,
  type NotificationTopic,
  notificationMessages,
  type orders,
  pointsAllocations,
  pointsEntries,
  products,
  stores,
  notificationSubscriptions as subs,
} from '../../db/schema/index.js';
import { formatMoney } from '../../hosted/format-money.js';
import { type Money, toMoney } from '../money.js';
import type { Store } from '../stores.js';
import { deepLink, triggerText } from './message-content.js';
import { enqueueMessages } from './outbox.js';

/**
 * Messages caused by a change in the shop, enqueued in the transaction of that change:
 * a rolled-back restock tells no one, a committed one tells each subscriber once. (Points
 * expiry, at the end, is the one a periodic job finds instead.)
 */

/** Live (not removed) and confirmed subscriptions: the only ones ever written to. */
const live = and(isNull(subs.removedAt), isNotNull(subs.confirmedAt));

/**
 * A product's subscribers of `topic` that have no message of that topic still waiting: two
 * variants restocked a minute apart tell a shopper once, not twice.
 */
function productSubscribers(tx: Tx, store: Store, topic: NotificationTopic, productId: string) {
  return tx
    .select()
    .from(subs)
    .where(
      and(
        eq(subs.storeId, store.id),
        eq(subs.topic, topic),
        eq(subs.productId, productId),
        live,
        notExists(
          tx
            .select({ one: sql`1` })
            .from(notificationMessages)
            .where(
              and(
                eq(notificationMessages.subscriptionId, subs.id),
                eq(notificationMessages.status, 'pending'),
              ),
            ),
        ),
      ),
    );
}

/**
 * One message per waiting subscriber of a product's `topic`, for one cause, with `text` in
 * each subscriber's language; it opens the product.
 */
async function notifyProductSubscribers(
  tx: Tx,
  store: Store,
  topic: 'back-in-stock' | 'price-drop',
  productId: string,
  cause: string,
  now: Date,
  text: (
    sub: NotificationSubscriptionRow,
    product: { title: string },
  ) => ReturnType<typeof triggerText>,
): Promise<number> {
  const subscribers = await productSubscribers(tx, store, topic, productId);
  if (subscribers.length === 0) return 0;
  const [product] = await tx
    .select({ handle: products.handle, title: products.title })
    .from(products)
    .where(eq(products.id, productId));
  if (!product) return 0;
  return enqueueMessages(
    tx,
    store.id,
    subscribers.map((sub) => ({
      subscriptionId: sub.id,
      topic,
      dedupeKey: cause,
      content: {
        ...text(sub, product),
        url: deepLink({ settings: store.settings, sub, product: product.handle, campaign: topic }),
      },
    })),
    now,
  );
}

/**
 * A variant's stock went from 0 to more (an admin restock, an order released or expired):
 * one message per back-in-stock subscriber of its product. Each restock is its own cause,
 * so selling out and restocking again tells them again.
 */
export function notifyBackInStock(
  tx: Tx,
  store: Store,
  productId: string,
  variantId: string,
  now: Date,
): Promise<number> {
  return notifyProductSubscribers(
    tx,
    store,
    'back-in-stock',
    productId,
    `restock:${variantId}:${randomUUID()}`,
    now,
    (sub, product) =>
      triggerText(sub, 'backInStockTitle', 'backInStockBody', { product: product.title }),
  );
}

/** An admin lowered a variant's price (in `currency`, to `amountMinor`): price-drop subscribers. */
export function notifyPriceDrop(
  tx: Tx,
  store: Store,
  productId: string,
  variantId: string,
  price: { currency: string; amountMinor: number },
  now: Date,
): Promise<number> {
  const money = toMoney(price.amountMinor, price.currency);
  return notifyProductSubscribers(
    tx,
    store,
    'price-drop',
    productId,
    `price:${variantId}:${randomUUID()}`,
    now,
    (sub, product) =>
      triggerText(sub, 'priceDropTitle', 'priceDropBody', {
        product: product.title,
        price: formatMoney(money, sub.locale),
      }),
  );
}

/** What happened to an order, and the texts that say so. */
const orderUpdates = {
  paid: ['orderPaidTitle', 'orderPaidBody'],
  cancelled: ['orderCancelledTitle', 'orderCancelledBody'],
  refunded: ['orderRefundedTitle', 'orderRefundedBody'],
  shipped: ['orderShippedTitle', 'orderShippedBody'],
  out_for_delivery: ['orderOutForDeliveryTitle', 'orderOutForDeliveryBody'],
  delivered: ['orderDeliveredTitle', 'orderDeliveredBody'],
  return_approved: ['returnApprovedTitle', 'returnApprovedBody'],
  return_refused: ['returnRefusedTitle', 'returnRefusedBody'],
} as const;
export type OrderUpdate = keyof typeof orderUpdates;

/**
 * An order was paid, cancelled, refunded, shipped, tracked or a return decided: its
 * customer's order-updates subscriptions (any channel), and an email subscription to the
 * order's own address (a guest's). Once per order, update and `cause` (a shipment's or a
 * return's id, where an order has several), however often the change is repeated. `vars`
 * fill the text beside {order} ({carrier}, {amount} — formatted per subscriber).
 */
export async function notifyOrderUpdate(
  tx: Tx,
  store: Store,
  order: Pick<typeof orders.$inferSelect, 'id' | 'customerId' | 'email'>,
  update: OrderUpdate,
  now: Date,
  extra: { cause?: string; carrier?: string; amount?: Money } = {},
): Promise<number> {
  const whose = [];
  if (order.customerId) whose.push(eq(subs.customerId, order.customerId));
  if (order.email) {
    whose.push(and(eq(subs.channel, 'email'), eq(subs.address, order.email.toLowerCase())));
  }
  if (whose.length === 0) return 0;
  const subscribers = await tx
    .select()
    .from(subs)
    .where(and(eq(subs.storeId, store.id), eq(subs.topic, 'order-updates'), live, or(...whose)));
  if (subscribers.length === 0) return 0;
  // The short form shoppers see on receipts: the id's first block.
  const reference = order.id.slice(0, 8).toUpperCase();
  const [title, body] = orderUpdates[update];
  return enqueueMessages(
    tx,
    store.id,
    subscribers.map((sub) => ({
      subscriptionId: sub.id,
      topic: 'order-updates',
      dedupeKey: `order:${order.id}:${update}${extra.cause ? `:${extra.cause}` : ''}`,
      content: {
        ...triggerText(sub, title, body, {
          order: reference,
          carrier: extra.carrier ?? '',
          amount: extra.amount ? formatMoney(extra.amount, sub.locale) : '',
        }),
        url: deepLink({ settings: store.settings, sub, campaign: 'order-updates' }),
      },
    })),
    now,
  );
}

/** How far ahead a shopper is warned that points expire. */
export const POINTS_EXPIRY_NOTICE_DAYS = 7;

/**
 * Points about to expire (a periodic job, not a write): each customer with points that
 * expire within POINTS_EXPIRY_NOTICE_DAYS gets one message on their points-expiry
 * subscriptions, naming how many expire in that window and the soonest date. The cause is
 * the soonest lot, so running again (every few hours, on every instance) writes nothing new
 * until that lot is gone and another comes within the window.
 */
export async function notifyPointsExpiry(db: Db, now: Date): Promise<number> {
  const until = new Date(now.getTime() + POINTS_EXPIRY_NOTICE_DAYS * 24 * 60 * 60 * 1000);
  // Written out qualified: drizzle leaves columns in a select list unqualified, and inside
  // the subquery a bare "id" would be the allocation's.
  const remaining = sql<number>`${pointsEntries.points} - coalesce((select sum(a.points) from ${pointsAllocations} a where a.lot_id = ${sql.raw('"points_entries"."id"')}), 0)`;
  const lots = await db
    .select({
      id: pointsEntries.id,
      storeId: pointsEntries.storeId,
      customerId: pointsEntries.customerId,
      expiresAt: pointsEntries.expiresAt,
      remaining: remaining.mapWith(Number),
    })
    .from(pointsEntries)
    .where(
      and(
        gt(pointsEntries.points, 0),
        lte(pointsEntries.availableAt, now),
        gt(pointsEntries.expiresAt, now),
        lte(pointsEntries.expiresAt, until),
        sql`${remaining} > 0`,
        exists(
          db
            .select({ one: sql`1` })
            .from(subs)
            .where(
              and(
                eq(subs.customerId, pointsEntries.customerId),
                eq(subs.topic, 'points-expiry'),
                live,
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(pointsEntries.expiresAt), asc(pointsEntries.id));
  const byCustomer = new Map<string, typeof lots>();
  for (const lot of lots)
    byCustomer.set(lot.customerId, [...(byCustomer.get(lot.customerId) ?? []), lot]);
  let written = 0;
  for (const [customerId, customerLots] of byCustomer) {
    const soonest = customerLots[0]!;
    const points = customerLots.reduce((sum, l) => sum + l.remaining, 0);
    written += await db.transaction(async (tx) => {
      const [store] = await tx.select().from(stores).where(eq(stores.id, soonest.storeId));
      const subscribers = await tx
        .select()
        .from(subs)
        .where(and(eq(subs.customerId, customerId), eq(subs.topic, 'points-expiry'), live));
      return enqueueMessages(
        tx,
        soonest.storeId,
        subscribers.map((sub) => ({
          subscriptionId: sub.id,
          topic: 'points-expiry',
          dedupeKey: `points-expiry:${soonest.id}`,
          content: {
            ...triggerText(sub, 'pointsExpiryTitle', 'pointsExpiryBody', {
              points: new Intl.NumberFormat(sub.locale).format(points),
              store: store!.name,
              date: localDate(soonest.expiresAt!, sub),
            }),
            url: deepLink({ settings: store!.settings, sub, campaign: 'points-expiry' }),
          },
        })),
        now,
      );
    });
  }
  return written;
}

/** A date as the shopper reads it: their language, their time zone (an unknown zone: UTC). */
function localDate(at: Date, sub: Pick<NotificationSubscriptionRow, 'locale' | 'timeZone'>) {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
  try {
    return new Intl.DateTimeFormat(sub.locale, { ...options, timeZone: sub.timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(sub.locale, { ...options, timeZone: 'UTC' }).format(at);
  }
}
