import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';

/**
 * One structured line per request. Only the path is logged: no query strings, headers or
 * bodies, so keys, tokens, codes and passwords never reach the logs. The one path that
 * holds a token, a message's email link (`/n/{messageId}.{token}`), is logged without it.
 */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const start = performance.now();
  const requestId = randomUUID();
  c.set('requestId', requestId);
  c.header('X-Request-Id', requestId);
  await next();
  c.var.deps.log.info('request', {
    requestId,
    method: c.req.method,
    path: new URL(c.req.url).pathname.replace(/^(\/n\/[^/.]*)\..*$/, '$1'),
    status: c.res.status,
    ms: Math.round((performance.now() - start) * 10) / 10,
    store: c.get('store')?.handle,
  });
});
