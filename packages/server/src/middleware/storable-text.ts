import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';

/**
 * PostgreSQL text (and jsonb) cannot hold the NUL character: a string with one makes the
 * query fail (22021, 22P05), whatever column or comparison it reaches. A lone UTF-16
 * surrogate is not Unicode: the driver would silently store U+FFFD instead. Both are
 * refused on the way in, wherever the string is: path, query, body value or object key.
 */
export function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'Contains a NUL character.';
  if (/\p{Cs}/u.test(text)) return 'Contains a lone surrogate (not valid Unicode).';
  return null;
}

export interface TextProblem {
  path: string;
  message: string;
}

/** The first string in a JSON value (values and keys, at any depth) PostgreSQL cannot store. */
export function findUnstorable(value: unknown, path: string[] = []): TextProblem | null {
  if (typeof value === 'string') {
    const message = unstorable(value);
    return message ? { path: path.join('.'), message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, key];
    const message = unstorable(key);
    if (message) return { path: at.join('.'), message: `Key: ${message}` };
    const found = findUnstorable(item, at);
    if (found) return found;
  }
  return null;
}

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

/**
 * For the JSON API: refuses a request whose path, query or JSON body holds a string
 * PostgreSQL cannot store, with `validation_failed` and where it is, before any handler
 * (or idempotency claim) runs. A body that is not JSON is left to the route to refuse.
 */
export const storableText = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  // The URL parser percent-encodes a raw NUL, so every NUL in the path is a %00.
  let problem: TextProblem | null = /%00/i.test(url.pathname)
    ? { path: 'path', message: 'Contains a NUL character.' }
    : null;
  for (const [key, value] of url.searchParams) {
    problem ??= findUnstorable({ [key]: value });
  }
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  // A GET or HEAD has no body to read (the Node adapter would build a whole Request for it).
  const bodied = c.req.method !== 'GET' && c.req.method !== 'HEAD';
  if (!problem && bodied && JSON_TYPE.test(type)) {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      body = undefined;
    }
    problem = findUnstorable(body);
  }
  if (problem) throw new ApiError('validation_failed', 'The request is not valid.', [problem]);
  await next();
});
