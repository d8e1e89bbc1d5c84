import { networkInterfaces } from 'node:os';

/**
 * The URLs this server may be reached at. Answers that name the server (the OAuth issuer,
 * image and checkout URLs, the OpenAPI `servers` entry) use the one the request came to
 * when it is among them, else the primary one: the request's `Host` header is chosen from
 * this list, never copied, so a forged Host cannot end up in an answer or in a cache.
 */
export interface PublicOrigins {
  /** The first URL: what a request to any other host is answered with. */
  readonly primary: string;
  /** The URL for a request's host (`name[:port]`, as `URL.host` writes it), else the primary. */
  forHost(host: string): string;
}

export function publicOrigins(urls: readonly string[]): PublicOrigins {
  const normalized = urls.map(normalizePublicUrl);
  const primary = normalized[0];
  if (!primary) throw new Error('At least one public URL is needed.');
  const byHost = new Map<string, string>();
  for (const url of normalized) {
    const { host } = new URL(url);
    if (!byHost.has(host)) byHost.set(host, url);
  }
  return { primary, forHost: (host) => byHost.get(host.toLowerCase()) ?? primary };
}

/**
 * A configured public URL, checked and without a trailing slash: http(s), no credentials,
 * query or fragment. A path is kept (a proxy may serve the API under one).
 */
export function normalizePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`Invalid public URL: ${value}`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new Error(`A public URL is http(s)://host[:port][/path], without query: ${value}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const wildcards = new Set(['0.0.0.0', '::', '']);
const loopbackNames = ['localhost', '127.0.0.1', '::1'];

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

const urlOf = (host: string, port: number) =>
  `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * With no public URL configured: the addresses the server listens on. A loopback address
 * also answers to the other loopback names; a wildcard (0.0.0.0, ::) to those and to each
 * interface's address, with `localhost` as the primary. Any other Host gets the primary.
 */
export function listenUrls(host: string, port: number): string[] {
  const hosts: string[] = [];
  if (wildcards.has(host)) {
    hosts.push(...loopbackNames);
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) {
        // Link-local IPv6 needs a zone id, which a Host header does not carry.
        if (!a.address.includes('%') && !a.address.startsWith('fe80:')) hosts.push(a.address);
      }
    }
  } else {
    hosts.push(host);
    if (isLoopback(host)) hosts.push(...loopbackNames);
  }
  return [...new Set(hosts)].map((h) => urlOf(h, port));
}
