import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.js';
import { refreshTokens } from '../../db/schema/index.js';
import { randomToken, sha256 } from '../secrets.js';

/** Each refresh token lives 30 days from its issue; every use replaces it. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export async function issueRefreshToken(
  db: Db | Tx,
  input: { storeId: string; customerId: string; familyId: string },
  now: Date,
): Promise<IssuedRefreshToken> {
  const token = `krt_${randomToken(32)}`;
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
  await db.insert(refreshTokens).values({
    id: randomUUID(),
    storeId: input.storeId,
    customerId: input.customerId,
    familyId: input.familyId,
    tokenHash: sha256(token),
    expiresAt,
    createdAt: now,
  });
  return { token, expiresAt };
}

export type RotateResult =
  | { ok: true; customerId: string; familyId: string; next: IssuedRefreshToken }
  | { ok: false; reused: boolean };

/**
 * Spends a refresh token and issues its successor in one transaction. The spend is an
 * atomic conditional update, so of two concurrent uses exactly one wins; the loser sees a
 * rotated token, which is what a thief replaying a stolen token looks like, and the whole
 * family is revoked (OAuth 2.0 Security BCP §4.14).
 */
export async function rotateRefreshToken(
  db: Db,
  storeId: string,
  token: string,
  now: Date,
): Promise<RotateResult> {
  const tokenHash = sha256(token);
  const rotated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(refreshTokens)
      .set({ rotatedAt: now })
      .where(
        and(
          eq(refreshTokens.storeId, storeId),
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .returning();
    if (!row) return null;
    const next = await issueRefreshToken(
      tx,
      { storeId, customerId: row.customerId, familyId: row.familyId },
      now,
    );
    return { customerId: row.customerId, familyId: row.familyId, next };
  });
  if (rotated) return { ok: true, ...rotated };

  const [old] = await db
    .select({ familyId: refreshTokens.familyId, spentAt: refreshTokens.rotatedAt })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.storeId, storeId), eq(refreshTokens.tokenHash, tokenHash)))
    .limit(1);
  return { ok: false, reused: await revokeIfReplayed(db, storeId, old, now) };
}

/**
 * A single-use credential (an authorization code, a refresh token) presented after it was
 * spent: one of the two uses was not the client's, so the session it started — its token
 * family — is revoked. Returns whether it was such a replay.
 */
export async function revokeIfReplayed(
  db: Db,
  storeId: string,
  credential: { familyId: string; spentAt: Date | null } | undefined,
  now: Date,
): Promise<boolean> {
  if (!credential?.spentAt) return false;
  await revokeFamily(db, storeId, credential.familyId, now);
  return true;
}

export async function revokeFamily(
  db: Db | Tx,
  storeId: string,
  familyId: string,
  now: Date,
): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(refreshTokens.storeId, storeId),
        eq(refreshTokens.familyId, familyId),
        isNull(refreshTokens.revokedAt),
      ),
    );
}

/** RFC 7009: revoking a refresh token ends its family (the session). Unknown tokens: no-op. */
export async function revokeRefreshToken(
  db: Db,
  storeId: string,
  token: string,
  now: Date,
): Promise<void> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.storeId, storeId), eq(refreshTokens.tokenHash, sha256(token))))
    .limit(1);
  if (row) await revokeFamily(db, storeId, row.familyId, now);
}
