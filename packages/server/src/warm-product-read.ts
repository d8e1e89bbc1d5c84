import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { CachedAnswer } from './cache/catalog-cache.js';
import type { ServingDeps } from './context.js';
import { inProcessOrigins } from './context.js';
import { matchesEtag, PUBLIC_READ_HEADERS } from './http-cache.js';
import { bearer } from './middleware/auth.js';
import { corsAnswerHeaders } from './middleware/cors.js';
import { logRequest } from './middleware/request-log.js';
import { verifyAccessToken } from './services/access-tokens.js';
import { resolveCurrency } from './services/catalog.js';
import type { Store } from './services/stores.js';

/** Where a product answer is kept: it is the same for every shopper of the store. */
export function productAnswerKey(storeId: string, ref: string, currency: string, origin: string) {
  return `${storeId}\n${ref}\n${currency}\n${origin}`;
}

/**
 * `/v1/products/{ref}`, with at most `?currency=XXX`: what a card asks for. A ref that needs
 * percent-decoding, or any other query, goes to the route, which reads it the way Hono does.
 */
const PRODUCT_PATH = /^\/v1\/products\/([A-Za-z0-9._~-]{1,200})(?:\?currency=([A-Za-z]{3}))?$/;

/**
 * Warm product reads, answered by the Node server before Hono: GET /v1/products/{ref} whose
 * answer the route kept in the catalog cache (routes/products.ts) is written straight from
 * it, with no Request or Response object, no middleware and no SQL — on a 2-core machine
 * that is the difference between a sixth and over half of a hello-world's rate (bench/server,
 * docs/decisions/011). It checks what the route and its middleware would for this read (the
 * key names a cached store, the Origin is one the store allows, an access token, if sent, is
 * valid) and answers with the same headers, 304s and log line. Anything else — a miss, a
 * question it is not sure of, an error to report — goes on to `next`, the app.
 */
export function warmProductReads(deps: ServingDeps, next: RequestListener): RequestListener {
  return (req, res) => {
    const found = req.method === 'GET' ? warmAnswer(deps, req) : undefined;
    if (!found) return next(req, res);
    const token = bearer(header(req, 'authorization'));
    if (!token) return send(deps, req, res, found);
    // A signed-in shopper's SDK sends its token on every read; the route refuses a bad one.
    verifyAccessToken(found.store, token, deps.now()).then(
      (customerId) => (customerId ? send(deps, req, res, found) : next(req, res)),
      () => next(req, res),
    );
  };
}

interface Found {
  store: Store;
  answer: CachedAnswer;
  start: number;
}

function warmAnswer(deps: ServingDeps, req: IncomingMessage): Found | undefined {
  const start = performance.now();
  const match = req.url ? PRODUCT_PATH.exec(req.url) : null;
  const key = header(req, 'x-kiosk-key');
  const store = match && key ? deps.catalogCache.cachedStore(key) : undefined;
  if (!match || !store) return undefined;
  const origin = header(req, 'origin');
  // Same-origin and unlisted origins are the route's to judge (middleware/auth.ts).
  if (origin && !store.allowedOrigins.includes(origin)) return undefined;
  const publicOrigin = (deps.publicOrigins ?? inProcessOrigins).forHost(req.headers.host ?? '');
  const answer = deps.catalogCache.answer(
    productAnswerKey(store.id, match[1]!, resolveCurrency(store, match[2]), publicOrigin),
  );
  return answer && { store, answer, start };
}

function send(deps: ServingDeps, req: IncomingMessage, res: ServerResponse, found: Found) {
  const { answer, store } = found;
  const requestId = randomUUID();
  const origin = header(req, 'origin');
  const headers: Record<string, string | number> = {
    'X-Request-Id': requestId,
    ETag: answer.etag,
    ...PUBLIC_READ_HEADERS,
    ...(origin ? corsAnswerHeaders(origin) : {}),
    // Asked only by the benchmarks' probes: this answer ran no SQL at all.
    ...(deps.countStatements && req.headers['x-kiosk-count-statements']
      ? { 'X-Kiosk-Statements': '0' }
      : {}),
  };
  const inm = header(req, 'if-none-match');
  const status = inm && matchesEtag(inm, answer.etag) ? 304 : 200;
  if (status === 304) {
    res.writeHead(304, headers);
    res.end();
  } else {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = answer.bytes.length;
    res.writeHead(200, headers);
    res.end(answer.bytes);
  }
  logRequest(deps.log, {
    requestId,
    method: 'GET',
    path: req.url!.split('?')[0]!,
    status,
    start: found.start,
    store: store.handle,
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
