export { type AdminClientOptions, createAdminClient, type KioskAdminClient } from './admin.js';
export {
  type Attribution,
  type AttributionKey,
  currentAttribution,
  followedLink,
  rememberAttribution,
} from './attribution.js';
export type { CheckoutOptions } from './cart-checkout.js';
export { isPendingLine } from './cart-lines.js';
export { type ClientOptions, createClient, type KioskClient, type KioskEvents } from './client.js';
export { KioskError } from './errors.js';
export { directionOf, formatMoney } from './generated/format-money.js';
export type {
  NotificationChannel,
  NotificationSubscription,
  NotificationsConfig,
  NotificationTopic,
  PushStoreMessage,
  SubscribeOptions,
} from './notifications.js';
export type { ReturnReason, ReturnRequestOptions } from './orders.js';
export type {
  RecommendationKind,
  RecommendationOptions,
  Recommendations,
} from './recommendations.js';
export {
  ATTRIBUTION_CODE,
  isAttributionCode,
  MAX_ATTRIBUTION_WINDOW_DAYS,
  MAX_EVENTS_PER_BATCH,
  MAX_ITEMS_PER_EVENT,
  MAX_LINE_QUANTITY,
  MAX_REVIEW_BODY,
  MAX_REVIEW_TITLE,
} from './rules.js';
export type { ShareChannel, ShareLink, ShareLinkOptions } from './share.js';
export type * from './types.js';
