import {
  type AnalyticsSettings,
  DEFAULT_COMMISSION_PERCENT,
  type StoreSettings,
} from './db/types.js';

/**
 * The GA4 ecommerce events the widgets send to POST /v1/events, by their GA4 names.
 * `purchase` is not among them: the server knows when an order is paid (the reports read
 * paid orders), and a client could claim one that never happened.
 */
export const CLIENT_EVENT_NAMES = [
  'view_item_list',
  'view_item',
  'add_to_cart',
  'begin_checkout',
] as const;
export type ClientEventName = (typeof CLIENT_EVENT_NAMES)[number];

/**
 * Where a shopper came from, as the page that sends an event knows it: a share page, a
 * creator's link or embed, a notification campaign, a printed or scanned QR code, or none of
 * these (direct). A short fixed list, so a report has a handful of rows and no free text (no
 * URLs, no personal data). Short links carry one of these too (services/share-links.ts).
 */
export const ANALYTICS_CHANNELS = [
  'direct',
  'creator',
  'share',
  'campaign',
  'qr',
  'social',
  'email',
] as const;
export type AnalyticsChannel = (typeof ANALYTICS_CHANNELS)[number];

/** Events in one POST /v1/events batch (a page flushes its queue, or sendBeacon on leave). */
export const MAX_EVENTS_PER_BATCH = 50;
/** Items in one event: a list view of a long collection is split by the client. */
export const MAX_ITEMS_PER_EVENT = 100;
/** The longest period one report covers, in days (from and to included). */
export const MAX_REPORT_DAYS = 366;

/** A store's analytics settings, defaults filled in. */
export function analyticsSettings(settings: StoreSettings): Required<AnalyticsSettings> {
  return {
    enabled: settings.analytics?.enabled ?? true,
    commissionPercent: settings.analytics?.commissionPercent ?? DEFAULT_COMMISSION_PERCENT,
  };
}
