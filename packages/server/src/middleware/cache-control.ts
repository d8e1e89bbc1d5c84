import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';

/**
 * Answers are private unless their route says otherwise: a response without its own
 * Cache-Control gets `no-store`, so carts, orders, customers, points, everything under
 * /admin, tokens, hosted pages and every error are never kept by a browser, proxy or CDN.
 * Keyed on neither route prefixes (a list that drifts as routes are added) nor credentials
 * (a guest cart's id is its only credential): the few public reads opt in where they are
 * built (http-cache.ts for catalog JSON, images, assets, the OAuth metadata).
 */
export const noStoreByDefault = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});
