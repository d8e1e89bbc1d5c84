import { createHash } from 'node:crypto';
import type { CachedAnswer } from './cache/catalog-cache.js';
import type { AppContext } from './context.js';

/**
 * A public catalog read is the same for every customer token and every client of a store,
 * so browsers and CDNs may keep it: 30 s in a browser; 10 s in a shared cache (a CDN, which
 * no admin write can purge: a price change shows there within 10 s), which may then serve it
 * stale while it fetches it again. The store key stays in `Vary`: the
 * answer depends on it, and a CDN must not serve one store's answer to another's key (a CDN
 * that does not vary on request headers should have the key in its cache key; see
 * docs/server/running.md). `Authorization` is not in it: the body never depends on the token.
 */
export const PUBLIC_READ_HEADERS = {
  'Cache-Control': 'public, max-age=30, s-maxage=10, stale-while-revalidate=300',
  // Origin too, as CORS would add it (middleware/cors.ts): said here, it is in the answer
  // from the start, and no header has to be added to the finished answer, which would make
  // the Node adapter copy its body through a stream (a third of a warm read's time).
  Vary: 'X-Kiosk-Key, Origin',
};

/** A public read's JSON, encoded once (a warm read writes these bytes), and its strong ETag. */
export function encodeCachedJson(body: unknown): CachedAnswer {
  return encodeCachedText(JSON.stringify(body));
}

/** The same for JSON already written as text (by PostgreSQL: services/product-json.ts). */
export function encodeCachedText(json: string): CachedAnswer {
  const bytes = new TextEncoder().encode(json);
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { bytes, etag };
}

/** Sends a public read: 304 when the client already has this body (If-None-Match). */
export function sendCachedAnswer(c: AppContext, { bytes, etag }: CachedAnswer): Response {
  const headers = { ETag: etag, ...PUBLIC_READ_HEADERS };
  const inm = c.req.header('if-none-match');
  if (inm && matchesEtag(inm, etag)) return c.body(null, 304, headers);
  return c.body(bytes, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
}

/** Sends a public, cacheable JSON read (see PUBLIC_READ_HEADERS). */
export function sendCachedJson(c: AppContext, body: unknown): Response {
  return sendCachedAnswer(c, encodeCachedJson(body));
}

export function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);
}
