import { DEFAULT_ATTRIBUTION_WINDOW_DAYS, type StoreSettings } from './db/types.js';

/**
 * The attribution (creator) code format: 1–64 letters, digits, `.`, `_` or `-`, case kept.
 * Dots are allowed because creator handles carry them (`ana.lind`). This is the one
 * definition: the cart routes validate with it, and the SDK's generated rules copy it for
 * the loader, the widgets and the snippet builder (a test fails when the copy drifts).
 */
export const ATTRIBUTION_CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** Days a creator's link counts after the shopper followed it, for this store. */
export function attributionWindowDays(settings: StoreSettings): number {
  return settings.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS;
}

/**
 * The ref a cart line keeps: the given one, unless the client says when the shopper followed
 * the link (`refAt`, kept with the code in the browser) and that is longer ago than the
 * store's window. A ref without `refAt` (a creator's own embed, a product card's `ref`) is
 * always kept; a `refAt` ahead of the server's clock counts as now.
 */
export function attributedRef(
  settings: StoreSettings,
  input: { ref?: string | undefined; refAt?: string | undefined },
  now: Date,
): string | undefined {
  if (!input.ref || input.refAt === undefined) return input.ref;
  const age = now.getTime() - Date.parse(input.refAt);
  return age <= attributionWindowDays(settings) * 86_400_000 ? input.ref : undefined;
}
