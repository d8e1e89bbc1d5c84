import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe secret with enough entropy to be unguessable (256 bits by default). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets at rest (secret keys, refresh and session tokens, codes) are stored as SHA-256. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * A token derived from a base64url secret (HMAC-SHA256): the server can make it again from
 * what it names, nobody can make it without the secret. `purpose` keeps one kind of token
 * from standing in for another.
 */
export function derivedToken(secret: string, purpose: string, subject: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(`${purpose}:${subject}`)
    .digest('base64url');
}
