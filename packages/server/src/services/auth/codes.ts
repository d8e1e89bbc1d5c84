import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { authCodes } from '../../db/schema/index.js';
import { randomToken, safeEqual, sha256 } from '../secrets.js';
import { verifyPkceS256 } from './pkce.js';
import { revokeIfReplayed } from './refresh-tokens.js';

/** Authorization codes live 10 minutes and work once (RFC 6749 §4.1.2). */
export const AUTH_CODE_TTL_MS = 10 * 60 * 1000;

export interface NewCode {
  storeId: string;
  customerId: string;
  state: string;
  redirectUri: string;
  codeChallenge: string;
  /** Keep the code for POST /oauth/poll (web_message mode, whose opener may be gone). */
  pollable: boolean;
}

/**
 * Issues a code bound to the client's state, redirect URI and PKCE challenge. State is
 * unique per store: a second completion under the same state (a double submit) replaces
 * the unused code of the same customer; anything else is refused (null).
 */
export async function createAuthorizationCode(
  db: Db,
  input: NewCode,
  now: Date,
): Promise<string | null> {
  const code = randomToken(32);
  const values = {
    codeHash: sha256(code),
    pollableCode: input.pollable ? code : null,
    customerId: input.customerId,
    redirectUri: input.redirectUri,
    codeChallenge: input.codeChallenge,
    expiresAt: new Date(now.getTime() + AUTH_CODE_TTL_MS),
    createdAt: now,
  };
  const inserted = await db
    .insert(authCodes)
    .values({ id: randomUUID(), storeId: input.storeId, state: input.state, ...values })
    .onConflictDoNothing({ target: [authCodes.storeId, authCodes.state] })
    .returning({ id: authCodes.id });
  if (inserted.length > 0) return code;
  const replaced = await db
    .update(authCodes)
    .set(values)
    .where(
      and(
        eq(authCodes.storeId, input.storeId),
        eq(authCodes.state, input.state),
        isNull(authCodes.usedAt),
        or(eq(authCodes.customerId, input.customerId), lt(authCodes.expiresAt, now)),
      ),
    )
    .returning({ id: authCodes.id });
  return replaced.length > 0 ? code : null;
}

export type RedeemResult =
  | { ok: true; customerId: string; codeId: string }
  | { ok: false; description: string };

/**
 * Redeems a code (token endpoint). The code is spent by the first attempt whatever its
 * outcome; a second use revokes the tokens the first one got (RFC 6749 §4.1.2), whose
 * refresh family is the code's id.
 */
export async function redeemAuthorizationCode(
  db: Db,
  storeId: string,
  input: { code: string; redirectUri: string; codeVerifier: string },
  now: Date,
): Promise<RedeemResult> {
  const codeHash = sha256(input.code);
  const [row] = await db
    .update(authCodes)
    .set({ usedAt: now, pollableCode: null })
    .where(
      and(
        eq(authCodes.storeId, storeId),
        eq(authCodes.codeHash, codeHash),
        isNull(authCodes.usedAt),
        gt(authCodes.expiresAt, now),
      ),
    )
    .returning();
  if (!row) {
    const [spent] = await db
      .select({ familyId: authCodes.id, spentAt: authCodes.usedAt })
      .from(authCodes)
      .where(and(eq(authCodes.storeId, storeId), eq(authCodes.codeHash, codeHash)))
      .limit(1);
    if (await revokeIfReplayed(db, storeId, spent, now)) {
      return { ok: false, description: 'The authorization code was already used.' };
    }
    return { ok: false, description: 'The authorization code is invalid or expired.' };
  }
  if (!safeEqual(row.redirectUri, input.redirectUri)) {
    return { ok: false, description: 'redirect_uri does not match the authorization request.' };
  }
  if (!verifyPkceS256(input.codeVerifier, row.codeChallenge)) {
    return { ok: false, description: 'code_verifier does not match the code_challenge.' };
  }
  return { ok: true, customerId: row.customerId, codeId: row.id };
}

export type PollResult = { status: 'ready'; code: string } | { status: 'pending' | 'gone' };

/**
 * The opener-less fallback: hands out a web_message code once, under its state. Nothing
 * for the state yet is "pending"; collected, redeemed or expired is "gone".
 */
export async function pollAuthorizationCode(
  db: Db,
  storeId: string,
  state: string,
  now: Date,
): Promise<PollResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: authCodes.id, code: authCodes.pollableCode })
      .from(authCodes)
      .where(
        and(
          eq(authCodes.storeId, storeId),
          eq(authCodes.state, state),
          isNotNull(authCodes.pollableCode),
          isNull(authCodes.usedAt),
          gt(authCodes.expiresAt, now),
        ),
      )
      .for('update');
    if (row?.code) {
      await tx.update(authCodes).set({ pollableCode: null }).where(eq(authCodes.id, row.id));
      return { status: 'ready', code: row.code } as const;
    }
    const [exists] = await tx
      .select({ id: authCodes.id })
      .from(authCodes)
      .where(and(eq(authCodes.storeId, storeId), eq(authCodes.state, state)))
      .limit(1);
    return { status: exists ? 'gone' : 'pending' } as const;
  });
}
