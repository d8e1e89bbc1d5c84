import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';

/**
 * A bucket key: what is counted, then a hash of whose it is, so emails and addresses are
 * never stored in the clear in the counter table or in Redis.
 */
export function bucketKey(kind: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\n')).digest('base64url');
  return `${kind}:${digest.slice(0, 32)}`;
}

/**
 * Who a client address stands for in a limit: an IPv4 address, or an IPv6 /64 — one
 * subscriber's network, in which they can pick a new address for every request.
 */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  if (!isIPv6(address)) return ip;
  const [head = '', tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  // A dotted IPv4 tail fills two groups.
  const width = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const full = [
    ...left,
    ...Array<string>(Math.max(0, 8 - left.length - width)).fill('0'),
    ...right,
  ];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
