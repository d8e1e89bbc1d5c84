import { type AppContext, publicOrigin } from '../context.js';

/** The origins of this server for a request: its public origin and the one it was reached at. */
export function selfOrigins(c: AppContext): Set<string> {
  return new Set([publicOrigin(c), new URL(c.req.url).origin]);
}

/**
 * Whether a request with these headers comes from a page of one of `self` origins. Browsers
 * send `Origin: null` for a hosted form's post under the pages' no-referrer policy, so then
 * Sec-Fetch-Site (which pages cannot set) decides; with neither, the answer is no.
 */
export function fromOwnPage(
  headers: { origin: string | undefined; secFetchSite: string | undefined },
  self: ReadonlySet<string>,
): boolean {
  if (headers.origin && headers.origin !== 'null') return self.has(headers.origin);
  return headers.secFetchSite === 'same-origin';
}

/** A hosted form's post (sign-in, checkout) from this server's own pages: the CSRF check. */
export function isSameOriginPost(c: AppContext): boolean {
  return fromOwnPage(
    { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') },
    selfOrigins(c),
  );
}
