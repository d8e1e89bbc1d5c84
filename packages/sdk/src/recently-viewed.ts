/**
 * The products this shopper viewed on this device, newest first: kept in the site's own
 * localStorage and never sent to the server (docs/widgets/recommendations.md). The widgets
 * record a product when the shopper engages with its card or opens its deep link;
 * `kiosk.products.recommendations({ kind: 'recently-viewed' })` reads them.
 */
export const RECENTLY_VIEWED_KEY = 'kiosk_recently_viewed';
/** Handles kept: the oldest drops out. */
export const MAX_RECENTLY_VIEWED = 20;

/** The handles (or ids) kept, newest first; none where storage is blocked, absent or garbled. */
export function recentlyViewed(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(RECENTLY_VIEWED_KEY) ?? '[]');
    return Array.isArray(list)
      ? list.filter((h): h is string => typeof h === 'string').slice(0, MAX_RECENTLY_VIEWED)
      : [];
  } catch {
    return [];
  }
}

/** Puts `product` (handle or id) first, once, keeping at most MAX_RECENTLY_VIEWED. */
export function rememberViewed(product: string): void {
  try {
    const list = [product, ...recentlyViewed().filter((h) => h !== product)];
    localStorage.setItem(RECENTLY_VIEWED_KEY, JSON.stringify(list.slice(0, MAX_RECENTLY_VIEWED)));
  } catch {
    // full, blocked or absent (no window): the shopper just sees fewer
  }
}
