import { derivedToken, safeEqual } from './secrets.js';
import type { Store } from './stores.js';

/**
 * The link that opens a signed-in shopper's orders on the hosted page (GET /orders?access=…).
 * The SDK holds the shopper's access token and the hosted page cannot see it (no bearer
 * token ever goes into a URL), so the API mints this instead: it names the store and the
 * customer, expires soon, and only shows that customer's orders list (each order's own page
 * takes the order id, as the checkout page does). Signed with the store's token secret, so
 * nothing is stored and a changed secret voids every link.
 */
export const ORDERS_LINK_MINUTES = 15;

const sign = (store: Pick<Store, 'tokenSecret'>, customerId: string, expires: number) =>
  derivedToken(store.tokenSecret, 'orders-page', `${customerId}.${expires}`);

export function ordersPageToken(
  store: Pick<Store, 'id' | 'tokenSecret'>,
  customerId: string,
  now: Date,
): { token: string; expiresAt: Date } {
  const expires = Math.floor(now.getTime() / 1000) + ORDERS_LINK_MINUTES * 60;
  return {
    token: `${store.id}.${customerId}.${expires}.${sign(store, customerId, expires)}`,
    expiresAt: new Date(expires * 1000),
  };
}

/** The store id a token claims (to load the store and check the token against it). */
export function tokenStoreId(token: string): string | null {
  const parts = token.split('.');
  return parts.length === 4 && parts[0] ? parts[0] : null;
}

/** The customer a token opens the orders of, or why it does not. */
export function readOrdersPageToken(
  store: Pick<Store, 'id' | 'tokenSecret'>,
  token: string,
  now: Date,
): { customerId: string } | 'invalid' | 'expired' {
  const [storeId, customerId, expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  if (storeId !== store.id || !customerId || !signature || !Number.isSafeInteger(expires)) {
    return 'invalid';
  }
  if (!safeEqual(signature, sign(store, customerId, expires))) return 'invalid';
  if (expires * 1000 <= now.getTime()) return 'expired';
  return { customerId };
}
