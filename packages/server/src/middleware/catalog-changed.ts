import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';

/**
 * On a write that succeeded, tells the catalog caches of every instance that the store's
 * catalog answers or settings may have changed (cache/catalog-cache.ts): after the write
 * committed, so no instance reads the old data again once it has the notice.
 */
export const catalogChanged = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.res.status < 400) await c.var.deps.catalogCache.changed(c.var.store.id);
});
