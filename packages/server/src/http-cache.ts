import { hash } from 'node:crypto';
import type { CachedAnswer } from './cache/catalog-cache.js';
import type { AppContext } from './context.js';

/**
 * A public catalog read is the same for every customer token and every client of a store,
 * so browsers and CDNs may keep it: 30 s in a browser; 10 s in a shared cache (a CDN, which
 * no admin write can purge: a price change shows there within 10 s), which may then serve it
 * stale while it fetches it again. The store key stays in `Vary`: the
 * answer depends on it, and a CDN must not serve one store's answer to another's key (a CDN
 * that does not vary on request headers should have the key in its cache key; see
 * docs/server/running.md). `Authorization` is in it too: a public answer is what guests see,
 * and a browser that kept one must not show it to the shopper once signed in (a member tier's
 * prices and early access are answered privately: sendPrivateAnswer).
 */
export const PUBLIC_READ_HEADERS = {
  'Cache-Control': 'public, max-age=30, s-maxage=10, stale-while-revalidate=300',
  // Origin too, as CORS would add it (middleware/cors.ts): said here, it is in the answer
  // from the start, and no header has to be added to the finished answer, which would make
  // the Node adapter copy its body through a stream (a third of a warm read's time).
  Vary: 'X-Kiosk-Key, Origin, Authorization',
};

/**
 * A public read's JSON text (from JSON.stringify, or as PostgreSQL wrote it:
 * services/product-json.ts) and its strong ETag. Sent first as the string, which Node writes
 * straight to the socket: encoding every read to bytes would put a buffer outside V8's heap
 * each time, which brings its garbage collections sooner (a tenth of an uncached read's time).
 * A kept answer is encoded once, when it is sent again (keptBody). SHA-1 names the body; it
 * guards nothing.
 */
export function cachedText(json: string): CachedAnswer {
  return { text: json, etag: `"${hash('sha1', json, 'base64url')}"` };
}

/** The bytes of a kept answer, sent again: encoded the first time, then written as they are. */
export function keptBody(answer: CachedAnswer): Buffer {
  answer.bytes ??= Buffer.from(answer.text);
  return answer.bytes;
}

/**
 * The status and headers of a public read for a client that holds `ifNoneMatch`: 304 when it
 * already has this body. Sent by the app (sendCachedAnswer) and by catalog-read-listener.ts.
 */
export function cachedAnswerHead(
  { etag }: CachedAnswer,
  ifNoneMatch: string | undefined,
): { status: 200 | 304; headers: Record<string, string> } {
  const headers = { ETag: etag, ...PUBLIC_READ_HEADERS };
  if (ifNoneMatch && matchesEtag(ifNoneMatch, etag)) return { status: 304, headers };
  return {
    status: 200,
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
  };
}

/** Sends a public read: 304 when the client already has this body (If-None-Match). */
export function sendCachedAnswer(c: AppContext, answer: CachedAnswer): Response {
  const { status, headers } = cachedAnswerHead(answer, c.req.header('if-none-match'));
  return status === 304 ? c.body(null, 304, headers) : c.body(answer.text, 200, headers);
}

/**
 * Sends a read priced for one shopper (a member tier's prices): their browser may keep it, a
 * shared cache must not hand it to anyone else (a public answer to a request with a token
 * could be stored and served to guests).
 */
export function sendPrivateAnswer(c: AppContext, answer: CachedAnswer): Response {
  const res = sendCachedAnswer(c, answer);
  res.headers.set('Cache-Control', 'private, max-age=30');
  res.headers.set('Vary', 'X-Kiosk-Key, Origin, Authorization');
  return res;
}

/** Sends a public, cacheable JSON read (see PUBLIC_READ_HEADERS). */
export function sendCachedJson(c: AppContext, body: unknown): Response {
  return sendCachedAnswer(c, cachedText(JSON.stringify(body)));
}

function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);
}
