import type { NotificationSubscriptionRow } from '../../db/schema/index.js';
import type { StoreSettings } from '../../db/types.js';
import { type HostedLocale, negotiateLocale, translator } from '../../hosted/i18n.js';
import {
  type NotificationMessageKey,
  notificationMessages,
} from '../../hosted/messages/notification-messages.js';

/**
 * What a message says and opens, fixed when it is enqueued (the outbox row's `payload`):
 * the shopper sees the text of the moment of the cause, in their language. The worker adds
 * the id, tag and receipt when it sends.
 */
export interface MessageContent {
  title: string;
  body: string;
  /** The deep link; null when there is nowhere to open (no template, no landing page). */
  url: string | null;
  image?: string;
  /** The language the text is in (Content-Language of a mail). */
  lang: string;
}

type Subscriber = Pick<NotificationSubscriptionRow, 'locale' | 'landingUrl'>;

/** The hosted language closest to the subscription's (Kiosk's own texts). */
export const subscriberLocale = (sub: Pick<Subscriber, 'locale'>): HostedLocale =>
  negotiateLocale(sub.locale);

/** One of Kiosk's trigger texts (back in stock, price drop, order paid) in the shopper's language. */
export function triggerText(
  sub: Pick<Subscriber, 'locale'>,
  title: NotificationMessageKey,
  body: NotificationMessageKey,
  vars: Record<string, string>,
): Pick<MessageContent, 'title' | 'body' | 'lang'> {
  const locale = subscriberLocale(sub);
  const tr = translator(notificationMessages, locale);
  return { title: tr(title, vars), body: tr(body, vars), lang: locale };
}

/**
 * A store's text (a campaign's title or body, per locale) for a shopper: their locale, else
 * its language alone, else the store's default language, else English, else any.
 */
export function pickLocalized(
  texts: Record<string, string>,
  locale: string,
  storeLocale: string | undefined,
): { text: string; lang: string } {
  const language = locale.split('-')[0]!.toLowerCase();
  const keys = Object.keys(texts);
  const found =
    keys.find((k) => k.toLowerCase() === locale.toLowerCase()) ??
    keys.find((k) => k.split('-')[0]!.toLowerCase() === language) ??
    keys.find((k) => k === storeLocale) ??
    keys.find((k) => k === 'en') ??
    keys[0]!;
  return { text: texts[found] ?? '', lang: found };
}

/**
 * Where a message opens (spec "Push payload"): the brand's product page (the store's
 * `productUrlTemplate`) when the message is about a product, else the page where the shopper
 * subscribed; with `kiosk_product` (the card to focus) and `kiosk_campaign` (carried into
 * the cart line and the order, like a creator `ref`).
 */
export function deepLink(input: {
  settings: Pick<StoreSettings, 'notifications'>;
  sub: Pick<Subscriber, 'landingUrl'>;
  /** The product's handle, when the message is about one. */
  product?: string | null;
  /** A campaign's own target URL (instead of the product page or landing page). */
  url?: string | null;
  /** The campaign id, or the topic for Kiosk's own messages. */
  campaign: string;
}): string | null {
  const template = input.settings.notifications?.productUrlTemplate;
  const base =
    input.url ??
    (input.product && template
      ? template.replaceAll('{handle}', encodeURIComponent(input.product))
      : input.sub.landingUrl);
  if (!base) return null;
  let link: URL;
  try {
    link = new URL(base);
  } catch {
    return null;
  }
  if (input.product) link.searchParams.set('kiosk_product', input.product);
  link.searchParams.set('kiosk_campaign', input.campaign);
  return link.toString();
}
