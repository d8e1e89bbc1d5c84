import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import type { Logger } from '../log.js';

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
  logRequest(c.var.deps.log, {
    requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    start,
    store: c.get('store')?.handle,
  });
});

/** The line for one answered request (also written by catalog-read-listener.ts). */
export function logRequest(
  log: Logger,
  request: {
    requestId: string;
    method: string;
    path: string;
    status: number;
    start: number;
    store?: string | undefined;
  },
): void {
  log.info('request', {
    requestId: request.requestId,
    method: request.method,
    path: request.path.replace(/^(\/n\/[^/.]*)\..*$/, '$1'),
    status: request.status,
    ms: Math.round((performance.now() - request.start) * 10) / 10,
    store: request.store,
  });
}
