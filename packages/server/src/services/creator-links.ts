import { eq } from 'drizzle-orm';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import { ATTRIBUTION_CODE } from '../attribution.js';
import type { Db } from '../db/index.js';
import { stores } from '../db/schema/index.js';
import { isUuid } from '../uuid.js';
import type { Store } from './stores.js';

/** A creator link lasts a season of posts; the store makes a new one when it runs out. */
export const CREATOR_LINK_TTL_SECONDS = 90 * 86_400;
/**
 * Not the publishable key that access tokens are for: a creator's token must never pass as a
 * shopper's, nor one the other way.
 */
const AUDIENCE = 'kiosk:creator-report';

/** The store's token secret, as access tokens use it (services/access-tokens.ts). */
const keyOf = (store: Store) => Buffer.from(store.tokenSecret, 'base64url');

/** A signed token that shows `ref`'s own figures in `store`, for 90 days. */
export async function signCreatorToken(
  store: Store,
  ref: string,
  issuer: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + CREATOR_LINK_TTL_SECONDS;
  const token = await new SignJWT({ store: store.id, ref })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyOf(store));
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * The store and ref of a valid, current creator token, else null. The store comes from the
 * token's (unverified) `store` claim and the signature is then checked with that store's
 * secret: a claim naming another store fails there.
 */
export async function verifyCreatorToken(
  db: Db,
  token: string,
  now: Date,
): Promise<{ store: Store; ref: string } | null> {
  let claimed: unknown;
  try {
    claimed = decodeJwt(token).store;
  } catch {
    return null;
  }
  if (typeof claimed !== 'string' || !isUuid(claimed)) return null;
  const [store] = await db.select().from(stores).where(eq(stores.id, claimed)).limit(1);
  if (!store) return null;
  try {
    const { payload } = await jwtVerify(token, keyOf(store), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      currentDate: now,
    });
    const { ref } = payload;
    if (payload.store !== store.id || typeof ref !== 'string' || !ATTRIBUTION_CODE.test(ref)) {
      return null;
    }
    return { store, ref };
  } catch {
    return null;
  }
}
