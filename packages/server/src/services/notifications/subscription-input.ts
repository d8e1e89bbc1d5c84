import { isLoopback } from '../../public-origins.js';

/** Longest push endpoint taken (browsers' are a few hundred characters). */
export const MAX_PUSH_ENDPOINT = 2048;

/**
 * Where the server will send a push: https only, as browsers' push services are (RFC 8030);
 * plain http only to a loopback address, for the tests' and the demo's local push service.
 */
export function isPushEndpoint(value: string): boolean {
  if (value.length > MAX_PUSH_ENDPOINT) return false;
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && isLoopback(url.hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}

/** base64url (padding tolerated) that decodes to exactly `bytes` bytes. */
function isBase64Url(value: string, bytes: number): boolean {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return false;
  return Buffer.from(value.replace(/=+$/, ''), 'base64url').length === bytes;
}

/** The browser's P-256 key for RFC 8291: an uncompressed point, 65 bytes starting 0x04. */
export function isP256dhKey(value: string): boolean {
  return isBase64Url(value, 65) && Buffer.from(value, 'base64url')[0] === 0x04;
}

/** The RFC 8291 authentication secret: 16 bytes. */
export function isPushAuthSecret(value: string): boolean {
  return isBase64Url(value, 16);
}

/** An IANA time zone this runtime knows (quiet hours are computed in it). */
export function isTimeZone(value: string): boolean {
  if (value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 tag in its canonical form (`pt-br` → `pt-BR`); null if it is none. */
export function canonicalLocale(value: string): string | null {
  if (value.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}
