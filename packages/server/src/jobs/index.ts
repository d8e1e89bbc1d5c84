import { birthdayGiftsJob } from './birthday-gifts.js';
import { expireOrdersJob } from './expire-orders.js';
import { notifyPointsExpiryJob } from './notify-points-expiry.js';
import { purgeIdempotencyKeysJob } from './purge-idempotency-keys.js';
import { purgeNotificationSubscriptionsJob } from './purge-notification-subscriptions.js';
import { purgeSignInChallengesJob } from './purge-sign-in-challenges.js';
import { purgeWebhookDeliveriesJob } from './purge-webhook-deliveries.js';
import { purgeRateLimits } from './rate-limits.js';
import type { Job } from './scheduler.js';
import { sendNotificationsJob } from './send-notifications.js';
import { sendRefundsJob } from './send-refunds.js';
import { sendWebhooksJob } from './send-webhooks.js';

/** Every periodic job the server runs (started by startServer). */
export const jobs: Job[] = [
  birthdayGiftsJob,
  expireOrdersJob,
  notifyPointsExpiryJob,
  purgeIdempotencyKeysJob,
  purgeNotificationSubscriptionsJob,
  purgeRateLimits,
  purgeSignInChallengesJob,
  purgeWebhookDeliveriesJob,
  sendNotificationsJob,
  sendRefundsJob,
  sendWebhooksJob,
];
