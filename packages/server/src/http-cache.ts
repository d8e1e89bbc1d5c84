import { createHash } from 'node:crypto';
import type { AppContext } from './context.js';

/**
 * Sends a public, cacheable JSON read: a strong ETag of the body, a short max-age so a CDN
 * or the browser can serve repeats, and 304 when the client already has this body. The
 * answer depends on the store key (and is the same for every customer token).
 */
export function sendCachedJson(c: AppContext, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = {
    ETag: etag,
    'Cache-Control': 'public, max-age=30, stale-while-revalidate=300',
    Vary: 'X-Kiosk-Key, Authorization',
  };
  const inm = c.req.header('if-none-match');
  if (inm && matchesEtag(inm, etag)) return c.body(null, 304, headers);
  return c.body(text, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
}

function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);
}
