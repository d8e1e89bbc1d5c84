import { createHash } from 'node:crypto';
import { safeEqual } from '../secrets.js';

/** RFC 7636 §4.1/4.2: 43–128 characters of [A-Za-z0-9-._~]; a challenge is 43+ base64url. */
export const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
export const CODE_CHALLENGE = /^[A-Za-z0-9\-_]{43,128}$/;

/** S256: BASE64URL(SHA256(ASCII(code_verifier))) === code_challenge. Plain is not supported. */
export function verifyPkceS256(verifier: string, challenge: string): boolean {
  if (!CODE_VERIFIER.test(verifier)) return false;
  const computed = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  return safeEqual(computed, challenge);
}
