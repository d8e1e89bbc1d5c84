import { jwtVerify, SignJWT } from 'jose';
import type { Store } from './stores.js';

/** Access tokens are short-lived: a stolen one is worth minutes, and refresh rotates. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

function keyOf(store: Store): Uint8Array {
  return Buffer.from(store.tokenSecret, 'base64url');
}

export async function signAccessToken(
  store: Store,
  customerId: string,
  issuer: string,
  now: Date,
): Promise<{ token: string; expiresIn: number }> {
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ store: store.id })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setSubject(customerId)
    .setIssuer(issuer)
    .setAudience(store.publishableKey)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .sign(keyOf(store));
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

/** Returns the customer id, or null for any token that is not a valid, current one of this store. */
export async function verifyAccessToken(
  store: Store,
  token: string,
  now: Date,
): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(store), {
      algorithms: ['HS256'],
      audience: store.publishableKey,
      currentDate: now,
    });
    if (payload.store !== store.id || typeof payload.sub !== 'string') return null;
    return payload.sub;
  } catch {
    return null;
  }
}
