import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { StoreMode } from '../stores.js';

/**
 * Addresses a live store's webhooks never go to: loopback, private, link-local (cloud
 * metadata), shared, benchmark, multicast and reserved ranges. A webhook URL is the
 * merchant's input; without this the server would POST into its own network for them.
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** True for an IP address (v4, v6, v4-mapped v6) in a range webhooks never go to. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why `raw` cannot be a webhook URL of a store in `mode`, or null if it can. http(s) only,
 * no user name or password (a secret in a URL ends up in logs). A live store's URL is https
 * and names no internal address or local host name; a test store may use http and loopback
 * (a receiver on the developer's machine). Host names are resolved again at each delivery
 * (deliveryLookup), so a name that points inside later is refused then.
 */
export function webhookUrlProblem(raw: string, mode: StoreMode): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https URLs';
  if (url.username || url.password) return 'No user name or password in the URL';
  if (mode === 'test') return null;
  if (url.protocol !== 'https:') return 'A live store needs an https URL';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || isInternalAddress(host)) {
    return 'Not a public address';
  }
  return null;
}

/**
 * The DNS lookup for a live store's deliveries: the address actually connected to must be
 * public (a host name may resolve to, or be re-pointed at, an internal one).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 4);
    const allowed = addresses.filter((a) => !isInternalAddress(a.address));
    if (allowed.length === 0) {
      const error = Object.assign(new Error('internal address'), { code: 'EADDRNOTPUBLIC' });
      return callback(error, '', 4);
    }
    if (options.all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};
