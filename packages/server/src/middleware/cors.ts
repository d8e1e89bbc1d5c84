import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../context.js';
import { isOriginAllowedByAnyStore } from '../services/stores.js';

const allowHeaders = [
  'Content-Type',
  'Authorization',
  'X-Kiosk-Key',
  'Idempotency-Key',
  'If-None-Match',
  'X-Kiosk-Unsubscribe-Token',
].join(', ');
const exposeHeaders = ['ETag', 'Idempotent-Replayed', 'Retry-After', 'X-Request-Id'].join(', ');

/**
 * CORS that answers only origins a store allows. A preflight carries no key, so it is
 * allowed when any store lists the origin; the actual request is then checked against its
 * own store (requireStore refuses other origins), and only that store's origins are echoed.
 * Credentials are allowed: the refresh-token cookie rides on token requests.
 */
export const cors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin');
  if (!origin) {
    await next();
    varyOnOrigin(c);
    return;
  }

  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
    const allowed = await isOriginAllowedByAnyStore(c.var.deps.db, origin);
    c.header('Vary', 'Origin');
    if (!allowed) return c.body(null, 403);
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Allow-Credentials', 'true');
    c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    c.header('Access-Control-Allow-Headers', allowHeaders);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  }

  await next();
  const store = c.get('store');
  const allowed = store
    ? store.allowedOrigins.includes(origin)
    : await isOriginAllowedByAnyStore(c.var.deps.db, origin);
  varyOnOrigin(c);
  if (allowed) {
    for (const [name, value] of Object.entries(corsAnswerHeaders(origin))) {
      c.res.headers.set(name, value);
    }
  }
});

/** What an answer to an allowed `origin` says (also written by catalog-read-listener.ts). */
export function corsAnswerHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': exposeHeaders,
  };
}

/**
 * Every answer says it depends on Origin, also one to a request without Origin (server side,
 * a CDN warming its cache) and 304s and errors: a cache must not hand one page's
 * Access-Control-Allow-Origin to another page, nor an answer without it to a browser.
 */
function varyOnOrigin(c: AppContext) {
  const vary = c.res.headers.get('Vary');
  const tokens = vary?.split(',').map((v) => v.trim().toLowerCase()) ?? [];
  if (tokens.includes('origin') || tokens.includes('*')) return;
  c.header('Vary', vary ? `${vary}, Origin` : 'Origin');
}
