import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, isNull, notExists, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import {
  type NotificationSubscriptionRow,
  type NotificationTopic,
  notificationMessages,
  type orders,
  products,
  notificationSubscriptions as subs,
} from '../../db/schema/index.js';
import { formatMoney } from '../../hosted/format-money.js';
import { toMoney } from '../money.js';
import type { Store } from '../stores.js';
import { deepLink, triggerText } from './message-content.js';
import { enqueueMessages } from './outbox.js';

/**
 * Messages caused by a change in the shop, enqueued in the transaction of that change:
 * a rolled-back restock tells no one, a committed one tells each subscriber once.
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

/**
 * An order was paid: its customer's order-updates subscriptions (any channel), and an
 * email subscription to the order's own address (a guest's).
 */
export async function notifyOrderPaid(
  tx: Tx,
  store: Store,
  order: Pick<typeof orders.$inferSelect, 'id' | 'customerId' | 'email'>,
  now: Date,
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
  return enqueueMessages(
    tx,
    store.id,
    subscribers.map((sub) => ({
      subscriptionId: sub.id,
      topic: 'order-updates',
      dedupeKey: `order:${order.id}:paid`,
      content: {
        ...triggerText(sub, 'orderPaidTitle', 'orderPaidBody', { order: reference }),
        url: deepLink({ settings: store.settings, sub, campaign: 'order-updates' }),
      },
    })),
    now,
  );
}
