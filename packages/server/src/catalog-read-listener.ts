import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { CachedAnswer } from './cache/catalog-cache.js';
import { publicOriginFor, type ServingDeps } from './context.js';
import { describeError } from './db/faults.js';
import { countStatements } from './db/statement-count.js';
import { cachedAnswerHead, cachedText, keptBody } from './http-cache.js';
import { bearer } from './middleware/auth.js';
import { corsAnswerHeaders } from './middleware/cors.js';
import { logRequest } from './middleware/request-log.js';
import { recommendationReads } from './recommendation-reads.js';
import { verifyAccessToken } from './services/access-tokens.js';
import { getProductJson, resolveCurrency } from './services/catalog.js';
import { changesProducts, productTextFor } from './services/member-prices.js';
import type { Store } from './services/stores.js';

/**
 * `/v1/products/{ref}`, with at most `?currency=XXX`: what a card asks for. A ref that needs
 * percent-decoding, or any other query, goes to the route, which reads it the way Hono does.
 */
const PRODUCT_PATH = /^\/v1\/products\/([A-Za-z0-9._~-]{1,200})(?:\?currency=([A-Za-z]{3}))?$/;

/**
 * A public catalog read as the listener answers it: where its answer is kept (sent with the
 * public read headers, http-cache.ts), and how it is read when it is not kept (none: by the app).
 */
export interface KeptRead {
  key: string;
  read?: () => Promise<CachedAnswer>;
}

/**
 * One kind of read the listener answers: from a request's URL, what it asks, as a function of
 * the key's store, the public origin and whether a customer token came with it, giving the
 * read (undefined: the app's, as is a URL it does not match).
 */
export type CatalogReader = (
  url: string,
) =>
  | ((deps: ServingDeps, store: Store, origin: string, signedIn: boolean) => KeptRead | undefined)
  | undefined;

/** GET /v1/products/{ref}: the read of a product card. */
const productReads: CatalogReader = (url) => {
  const match = PRODUCT_PATH.exec(url);
  if (!match) return undefined;
  return (deps, store, origin, signedIn) => {
    // A signed-in shopper of a store with member prices is priced by their tier: the route's.
    if (signedIn && changesProducts(store)) return undefined;
    const read = {
      store,
      ref: match[1]!,
      currency: resolveCurrency(store, match[2]),
      origin,
      tier: null,
    };
    return {
      key: productAnswerKey(store.id, read.ref, read.currency, origin, null),
      read: () => readProductAnswer(deps, read),
    };
  };
};

/**
 * Public catalog reads, answered by the Node server before Hono: GET /v1/products/{ref} and
 * GET /v1/recommendations (recommendation-reads.ts) are written from the catalog cache (a
 * product not kept is read with its one statement and kept), with no Request or Response
 * object and no middleware. On a 2-core machine that is the difference between a sixth and
 * over half of a hello-world's rate for a warm read (bench/server, docs/decisions/011). It
 * checks what the route and its middleware would for this read (the key names a cached store,
 * the Origin is one the store allows, an access token, if sent, is valid) and answers with the
 * same headers, 304s and log line. Anything else — a question it is not sure of, an error to
 * report, a read PGlite's admission line must queue (middleware/admission.ts), an answer it
 * does not keep — goes on to `next`, the app, whose route answers the same.
 */
export function catalogReadListener(deps: ServingDeps, next: RequestListener): RequestListener {
  return (req, res) => {
    const read = req.method === 'GET' ? catalogRead(deps, req) : undefined;
    if (!read) return next(req, res);
    // A signed-in shopper's SDK sends its token on every read; the route refuses a bad one.
    const allowed = read.token
      ? verifyAccessToken(read.store, read.token, deps.now()).then(Boolean)
      : undefined;
    // Counted only for a request that asks (the benchmarks' probes): the load runs unwatched.
    const counted = Boolean(deps.countStatements && req.headers['x-kiosk-count-statements']);
    const cached = deps.catalogCache.answer(read.key);
    if (cached && !allowed) {
      return send(deps, req, res, read, cached, keptBody(cached), counted ? 0 : undefined);
    }
    answer(deps, read, cached, allowed, counted)
      .then(
        (found) =>
          found
            ? send(deps, req, res, read, found.answer, found.body, found.statements)
            : next(req, res),
        () => next(req, res),
      )
      // Past the app's own error handling: nothing may reject unhandled, which ends Node.
      .catch((err: unknown) => {
        deps.log.error('catalog read failed', {
          path: req.url?.split('?')[0],
          ...describeError(err),
        });
        res.destroy();
      });
  };
}

/** A read the listener may answer: the store, where it is kept, and when it came. */
interface CatalogRead extends KeptRead {
  store: Store;
  token: string | undefined;
  start: number;
}

const READERS = [productReads, recommendationReads];

function catalogRead(deps: ServingDeps, req: IncomingMessage): CatalogRead | undefined {
  const start = performance.now();
  const url = req.url;
  if (!url) return undefined;
  let asked: ReturnType<CatalogReader>;
  for (const reader of READERS) {
    asked = reader(url);
    if (asked) break;
  }
  const storeKey = header(req, 'x-kiosk-key');
  const store = asked && storeKey ? deps.catalogCache.cachedStore(storeKey) : undefined;
  if (!asked || !store) return undefined;
  const origin = header(req, 'origin');
  // Same-origin and unlisted origins are the route's to judge (middleware/auth.ts).
  if (origin && !store.allowedOrigins.includes(origin)) return undefined;
  const token = bearer(header(req, 'authorization'));
  const publicOrigin = publicOriginFor(deps, req.headers.host ?? '');
  const kept = asked(deps, store, publicOrigin, token !== undefined);
  return kept && { ...kept, store, token, start };
}

/** The answer once the token is checked: kept, else read (not on PGlite: its line queues it). */
async function answer(
  deps: ServingDeps,
  read: CatalogRead,
  cached: CachedAnswer | undefined,
  allowed: Promise<boolean> | undefined,
  counted: boolean,
): Promise<
  { answer: CachedAnswer; body: string | Buffer; statements: number | undefined } | undefined
> {
  if (allowed && !(await allowed)) return undefined;
  if (cached)
    return { answer: cached, body: keptBody(cached), statements: counted ? 0 : undefined };
  if (deps.admission || !read.read) return undefined;
  if (!counted) {
    const fresh = await read.read();
    return { answer: fresh, body: fresh.text, statements: undefined };
  }
  const { result, statements } = await countStatements(read.read);
  return { answer: result, body: result.text, statements };
}

/**
 * Where a product answer is kept: it is the same for every shopper of the store with the same
 * member tier (member prices, services/member-prices.ts); guests share the tier-less one.
 */
export function productAnswerKey(
  storeId: string,
  ref: string,
  currency: string,
  origin: string,
  tier: string | null,
) {
  return `${storeId}\n${ref}\n${currency}\n${origin}\n${tier === null ? '' : `tier:${tier}`}`;
}

/**
 * Reads a product's answer with its one statement and keeps it, unless a change to the store
 * overtook the read (cache/catalog-cache.ts). Throws `product_not_found`.
 */
export async function readProductAnswer(
  deps: ServingDeps,
  read: { store: Store; ref: string; currency: string; origin: string; tier: string | null },
): Promise<CachedAnswer> {
  const { catalogCache } = deps;
  const version = catalogCache.version();
  const { store, ref, currency, origin, tier } = read;
  const text = await getProductJson(deps.db, store, ref, currency, origin);
  const answer = cachedText(productTextFor(store, tier, text, deps.now()));
  const key = productAnswerKey(store.id, ref, currency, origin, tier);
  catalogCache.keep(key, store.id, version, answer);
  return answer;
}

function send(
  deps: ServingDeps,
  req: IncomingMessage,
  res: ServerResponse,
  read: CatalogRead,
  answer: CachedAnswer,
  /** The answer's text just read, or the bytes of a kept one (keptBody). */
  body: string | Buffer,
  /** What the read ran, for a request that asked (db/statement-count.ts). */
  statements: number | undefined,
) {
  const requestId = randomUUID();
  const origin = header(req, 'origin');
  const { status, headers } = cachedAnswerHead(answer, header(req, 'if-none-match'));
  res.writeHead(status, {
    ...headers,
    'X-Request-Id': requestId,
    ...(origin ? corsAnswerHeaders(origin) : {}),
    ...(statements === undefined ? {} : { 'X-Kiosk-Statements': String(statements) }),
    ...(status === 200 ? { 'Content-Length': Buffer.byteLength(body) } : {}),
  });
  res.end(status === 200 ? body : undefined);
  logRequest(deps.log, {
    requestId,
    method: 'GET',
    path: req.url!.split('?')[0]!,
    status,
    start: read.start,
    store: read.store.handle,
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
