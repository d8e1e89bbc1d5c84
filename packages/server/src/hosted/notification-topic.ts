import type { NotificationTopic } from '../db/schema/index.js';
import { type HostedLocale, translator } from './i18n.js';
import { type NotificationKey, notificationMessages } from './messages/notifications.js';

const topicKeys: Record<NotificationTopic, NotificationKey> = {
  'back-in-stock': 'topicBackInStock',
  'price-drop': 'topicPriceDrop',
  promotions: 'topicPromotions',
  'points-expiry': 'topicPointsExpiry',
  'order-updates': 'topicOrderUpdates',
};

/** What a subscription is about, in words: "Back in stock: Linen shirt". */
export function topicSummary(
  locale: HostedLocale,
  topic: NotificationTopic,
  productTitle: string | null,
): string {
  const label = translator(notificationMessages, locale)(topicKeys[topic]);
  return productTitle ? `${label}: ${productTitle}` : label;
}
