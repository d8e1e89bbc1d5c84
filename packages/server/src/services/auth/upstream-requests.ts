import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { oidcPending } from '../../db/schema/index.js';
import { randomToken, sha256 } from '../secrets.js';

/** A shopper has this long at the provider before the round trip must start again. */
export const UPSTREAM_REQUEST_TTL_MS = 10 * 60 * 1000;

export interface PendingUpstream {
  storeId: string;
  providerSlug: string;
  codeVerifier: string;
  nonce: string;
  /** The Kiosk authorize parameters to resume once the provider answers. */
  request: Record<string, string>;
}

/** Keeps a round trip server side; returns the `state` to send (stored only as its hash). */
export async function savePendingUpstream(
  db: Db,
  pending: PendingUpstream,
  now: Date,
): Promise<string> {
  const state = randomToken(32);
  await db.delete(oidcPending).where(lt(oidcPending.expiresAt, now));
  await db.insert(oidcPending).values({
    ...pending,
    stateHash: sha256(state),
    expiresAt: new Date(now.getTime() + UPSTREAM_REQUEST_TTL_MS),
    createdAt: now,
  });
  return state;
}

/** Takes the round trip `state` names, once: a replayed or forged state finds nothing. */
export async function takePendingUpstream(
  db: Db,
  state: string,
  now: Date,
): Promise<PendingUpstream | undefined> {
  if (state.length < 16 || state.length > 200) return undefined;
  const [row] = await db
    .delete(oidcPending)
    .where(and(eq(oidcPending.stateHash, sha256(state)), gt(oidcPending.expiresAt, now)))
    .returning();
  return row;
}
