import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { verifyAccessToken } from '../services/access-tokens.js';
import { findStoreBySecretKey, type Store } from '../services/stores.js';

/** The token of an `Authorization: Bearer …` header; any other header carries none. */
export function bearer(header: string | undefined): string | undefined {
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

/**
 * A browser request from an origin the store has not allowed is refused before it runs:
 * CORS alone would only hide the answer, after a write had happened.
 */
function checkOrigin(store: Store, origin: string | undefined, self: string) {
  if (origin && origin !== self && !store.allowedOrigins.includes(origin)) {
    throw new ApiError('origin_not_allowed', 'This origin is not allowed for this store.');
  }
}

/**
 * Storefront requests: `X-Kiosk-Key: pk_…`, whose store comes from the catalog cache (the key
 * is read on every request, its store rarely changes), checked against the request's Origin.
 */
export const requireStore = createMiddleware<AppEnv>(async (c, next) => {
  c.set('store', await storeOfKey(c, c.req.header('x-kiosk-key')));
  await next();
});

/** The store of a publishable key, for this request's Origin; else 401 or 403. */
export async function storeOfKey(c: AppContext, key: string | undefined): Promise<Store> {
  const store = key?.startsWith('pk_')
    ? await c.var.deps.catalogCache.storeByKey(c.var.deps.db, key)
    : undefined;
  if (!store) throw new ApiError('invalid_key', 'Missing or unknown store key (X-Kiosk-Key).');
  checkOrigin(store, c.req.header('origin'), new URL(c.req.url).origin);
  return store;
}

/** Admin requests: `Authorization: Bearer sk_…`, server to server. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const key = bearer(c.req.header('authorization'));
  const store = key?.startsWith('sk_') ? await findStoreBySecretKey(c.var.deps.db, key) : undefined;
  if (!store) throw new ApiError('invalid_key', 'Missing or unknown secret key.');
  c.set('store', store);
  c.set('customerId', null);
  await next();
});

/** Reads a customer's access token if there is one; a bad one is an error, none is a guest. */
export const customerAuth = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearer(c.req.header('authorization'));
  if (!token) {
    c.set('customerId', null);
    return next();
  }
  const customerId = await verifyAccessToken(c.var.store, token, c.var.deps.now());
  if (!customerId) throw new ApiError('invalid_token', 'The access token is invalid or expired.');
  c.set('customerId', customerId);
  await next();
});

/** For routes only a signed-in customer may use. */
export function requireCustomerId(c: { var: AppEnv['Variables'] }): string {
  const id = c.var.customerId;
  if (!id) throw new ApiError('unauthenticated', 'Sign in first.');
  return id;
}
