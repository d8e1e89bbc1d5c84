import {
  ANALYTICS_CHANNELS,
  CLIENT_EVENT_NAMES,
  MAX_EVENTS_PER_BATCH,
  MAX_ITEMS_PER_EVENT,
} from './analytics.js';
import { ATTRIBUTION_CODE } from './attribution.js';
import { NOTIFICATION_TOPICS } from './db/schema/index.js';
import { MAX_ATTRIBUTION_WINDOW_DAYS } from './db/types.js';
import { MAX_LINE_QUANTITY, MAX_REVIEW_BODY, MAX_REVIEW_TITLE } from './limits.js';

/**
 * The rules clients check before a request, so a shopper hears about a mistake at once
 * instead of from a refused write. The SDK generates its copy from this object
 * (packages/sdk/scripts/generate-types.mjs); the server stays the owner.
 */
export const clientRules = {
  maxLineQuantity: MAX_LINE_QUANTITY,
  maxReviewTitle: MAX_REVIEW_TITLE,
  maxReviewBody: MAX_REVIEW_BODY,
  attributionCode: ATTRIBUTION_CODE,
  // Clients keep a followed link for the longest window a store can set and send when it
  // was followed (refAt); the server applies the store's own window (attribution.ts).
  maxAttributionWindowDays: MAX_ATTRIBUTION_WINDOW_DAYS,
  // The topics a subscription can name: the schema's enum, which the API validates against.
  notificationTopics: NOTIFICATION_TOPICS,
  // POST /v1/events: the events a page may send, the channels it may name, a batch's size.
  // Whether a store collects at all is per store: GET /v1/store's analytics.enabled.
  analyticsEvents: CLIENT_EVENT_NAMES,
  analyticsChannels: ANALYTICS_CHANNELS,
  maxEventsPerBatch: MAX_EVENTS_PER_BATCH,
  maxItemsPerEvent: MAX_ITEMS_PER_EVENT,
} as const;
