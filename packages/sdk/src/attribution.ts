import { isAttributionCode, MAX_ATTRIBUTION_WINDOW_DAYS } from './rules.js';

/** A creator link the shopper followed: its code and when (ms since the epoch). */
export interface Attribution {
  code: string;
  at: number;
}

/**
 * The followed links kept, each its URL parameter and localStorage key (the site's own,
 * first-party storage): a creator's (`kiosk_ref`) and a message's (`kiosk_campaign`, a
 * campaign id or a topic; CONTRACT §6), both credited on the cart line and the order.
 */
export type AttributionKey = 'kiosk_ref' | 'kiosk_campaign';
const DAY_MS = 86_400_000;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage blocked (sandboxed frame, privacy settings)
  }
}

/**
 * Keeps the page URL's `?kiosk_ref=CODE` (or `?kiosk_campaign=`) with the moment it was
 * followed, in the site's localStorage, so it lasts the attribution window across visits and
 * not only the browser session. The last link followed wins. Answers the link of this page, if any.
 */
export function rememberAttribution(
  href: string | undefined = globalThis.location?.href,
  now = Date.now(),
  key: AttributionKey = 'kiosk_ref',
): Attribution | undefined {
  let code: string | null = null;
  try {
    code = new URL(href ?? '').searchParams.get(key);
  } catch {
    // not a page (worker, server)
  }
  if (!isAttributionCode(code)) return undefined;
  const entry = { code, at: now };
  try {
    storage()?.setItem(key, JSON.stringify(entry));
  } catch {
    // quota or blocked: the link still counts on this page
  }
  return entry;
}

/**
 * The followed link still within `windowDays` of being followed, or undefined; an expired one
 * is forgotten. By default the longest window a store can set: a store's shorter window is
 * applied by its server, from the `refAt` sent with the ref.
 */
export function currentAttribution(
  windowDays = MAX_ATTRIBUTION_WINDOW_DAYS,
  now = Date.now(),
  key: AttributionKey = 'kiosk_ref',
): Attribution | undefined {
  const s = storage();
  let entry: Partial<Attribution> | null = null;
  try {
    entry = JSON.parse(s?.getItem(key) ?? 'null') as Partial<Attribution> | null;
  } catch {
    return undefined; // blocked, or not ours
  }
  if (!entry || !isAttributionCode(entry.code) || typeof entry.at !== 'number') return undefined;
  if (now - entry.at > windowDays * DAY_MS) {
    try {
      s?.removeItem(key);
    } catch {
      // blocked: it stays expired
    }
    return undefined;
  }
  return { code: entry.code, at: entry.at };
}

/** This page's link (`?kiosk_ref=` or `?kiosk_campaign=`), kept, else the one kept before. */
export const followedLink = (key: AttributionKey = 'kiosk_ref'): Attribution | undefined =>
  rememberAttribution(undefined, undefined, key) ?? currentAttribution(undefined, undefined, key);
