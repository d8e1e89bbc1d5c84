import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { sessionTokens } from '../../db/schema/index.js';
import { upsertCustomerByEmail } from '../customers.js';
import { randomToken, sha256 } from '../secrets.js';

/** Single sign-on tokens are minted server-side and handed to the browser: 5 minutes, once. */
export const SESSION_TOKEN_TTL_MS = 5 * 60 * 1000;

export async function mintSessionToken(
  db: Db,
  storeId: string,
  input: { email: string; name?: string | undefined },
  now: Date,
): Promise<{ token: string; expiresAt: Date; customerId: string }> {
  const token = `kst_${randomToken(32)}`;
  const expiresAt = new Date(now.getTime() + SESSION_TOKEN_TTL_MS);
  const customerId = await db.transaction(async (tx) => {
    const customer = await upsertCustomerByEmail(tx, storeId, input, now);
    await tx.insert(sessionTokens).values({
      id: randomUUID(),
      storeId,
      customerId: customer.id,
      tokenHash: sha256(token),
      expiresAt,
      createdAt: now,
    });
    return customer.id;
  });
  return { token, expiresAt, customerId };
}

/** Spends a session token; null when unknown, used, expired or another store's. */
export async function redeemSessionToken(
  db: Db,
  storeId: string,
  token: string,
  now: Date,
): Promise<{ customerId: string; id: string } | null> {
  const [row] = await db
    .update(sessionTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(sessionTokens.storeId, storeId),
        eq(sessionTokens.tokenHash, sha256(token)),
        isNull(sessionTokens.usedAt),
        gt(sessionTokens.expiresAt, now),
      ),
    )
    .returning({ customerId: sessionTokens.customerId, id: sessionTokens.id });
  return row ?? null;
}
