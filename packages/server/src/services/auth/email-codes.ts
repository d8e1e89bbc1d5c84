import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { emailCodes } from '../../db/schema/index.js';
import { randomToken, sha256 } from '../secrets.js';

/** A mailed code works for 10 minutes, once, and for at most 5 wrong guesses. */
export const EMAIL_CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_FAILURES = 5;

export type EmailCodePurpose = 'signin' | 'reset';
export type EmailCode = typeof emailCodes.$inferSelect;

/** Salted with the row id: a leaked table cannot be matched against one table of 10^6 hashes. */
function codeHash(id: string, code: string): string {
  return sha256(`${id}:${code}`);
}

/** Creates a code for the request; the code and link token exist only in the mail. */
export async function createEmailCode(
  db: Db,
  input: {
    storeId: string;
    email: string;
    purpose: EmailCodePurpose;
    request: Record<string, string>;
    locale: string;
  },
  now: Date,
): Promise<{ id: string; code: string; linkToken: string }> {
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const linkToken = randomToken(32);
  await db.insert(emailCodes).values({
    id,
    ...input,
    codeHash: codeHash(id, code),
    linkHash: sha256(linkToken),
    expiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS),
    createdAt: now,
  });
  return { id, code, linkToken };
}

const usable = (now: Date) =>
  and(
    isNull(emailCodes.usedAt),
    gt(emailCodes.expiresAt, now),
    lt(emailCodes.failedAttempts, MAX_CODE_FAILURES),
  );

/**
 * Spends the code `id` if `code` is its code, in one statement (two tabs cannot both spend
 * it); a wrong code counts against the row, and the 5th wrong one ends it. Null: no sign-in.
 */
export async function redeemEmailCode(
  db: Db,
  key: { storeId: string; id: string; purpose: EmailCodePurpose },
  code: string,
  now: Date,
): Promise<EmailCode | null> {
  const { id } = key;
  const where = and(
    eq(emailCodes.storeId, key.storeId),
    eq(emailCodes.id, id),
    eq(emailCodes.purpose, key.purpose),
    usable(now),
  );
  const [row] = await db
    .update(emailCodes)
    .set({ usedAt: now })
    .where(and(where, eq(emailCodes.codeHash, codeHash(id, code))))
    .returning();
  if (row) return row;
  await db
    .update(emailCodes)
    .set({ failedAttempts: sql`${emailCodes.failedAttempts} + 1` })
    .where(where);
  return null;
}

/** Spends the code whose magic link carries `token`. */
export async function redeemEmailLink(db: Db, token: string, now: Date): Promise<EmailCode | null> {
  const [row] = await db
    .update(emailCodes)
    .set({ usedAt: now })
    .where(and(eq(emailCodes.linkHash, sha256(token)), usable(now)))
    .returning();
  return row ?? null;
}

/** The code row behind a magic link, still usable (the reset page shows before it is spent). */
export async function findUsableLink(
  db: Db,
  token: string,
  now: Date,
): Promise<EmailCode | undefined> {
  const [row] = await db
    .select()
    .from(emailCodes)
    .where(and(eq(emailCodes.linkHash, sha256(token)), usable(now)))
    .limit(1);
  return row;
}
