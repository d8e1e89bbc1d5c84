/**
 * The products this shopper viewed on this device, newest first: kept in the site's own
 * localStorage and never sent to the server (docs/widgets/recommendations.md). The widgets
 * record a product when the shopper engages with its card or opens its deep link;
 * `kiosk.products.recommendations({ kind: 'recently-viewed' })` reads them.
 */
export const RECENTLY_VIEWED_KEY = 'kiosk_recently_viewed';
/** Handles kept: the oldest drops out. */
export const MAX_RECENTLY_VIEWED = 20;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage blocked (sandboxed frame, privacy settings)
  }
}

/** The handles (or ids) kept, newest first; none where storage is blocked or garbled. */
export function recentlyViewed(): string[] {
  try {
    const list: unknown = JSON.parse(storage()?.getItem(RECENTLY_VIEWED_KEY) ?? '[]');
    return Array.isArray(list)
      ? list.filter((h): h is string => typeof h === 'string').slice(0, MAX_RECENTLY_VIEWED)
      : [];
  } catch {
    return [];
  }
}

/** Puts `product` (handle or id) first, once, keeping at most MAX_RECENTLY_VIEWED. */
export function rememberViewed(product: string): void {
  if (!product) return;
  const list = [product, ...recentlyViewed().filter((h) => h !== product)];
  try {
    storage()?.setItem(RECENTLY_VIEWED_KEY, JSON.stringify(list.slice(0, MAX_RECENTLY_VIEWED)));
  } catch {
    // full or blocked: the shopper just sees fewer
  }
}
