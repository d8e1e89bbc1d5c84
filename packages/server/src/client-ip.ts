import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from './context.js';

/**
 * The client's address, for rate limits and sign-in throttling: the one place that decides
 * it. By default the socket's peer. With `trustedProxies` = n (KIOSK_TRUSTED_PROXIES: how
 * many proxies of ours sit in front, each appending its peer to X-Forwarded-For), the entry
 * the outermost of them appended: the n-th from the right. Entries further left are
 * whatever the client sent, so they are never used. 'unknown' when there is no socket
 * (app.request() without Node bindings).
 */
export function clientIp(c: AppContext): string {
  const hops = c.var.deps.trustedProxies ?? 0;
  if (hops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the nearest proxy's entry is still its own peer.
    const entry = chain[Math.max(0, chain.length - hops)];
    if (entry) return normalizeIp(entry);
  }
  return normalizeIp(socketAddress(c) ?? 'unknown');
}

function socketAddress(c: AppContext): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** `::ffff:1.2.3.4` is 1.2.3.4; anything that is not an address is cut to a bounded token. */
function normalizeIp(address: string): string {
  const bare = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return isIP(bare) ? bare.toLowerCase() : bare.slice(0, 64);
}
