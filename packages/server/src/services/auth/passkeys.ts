import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { passkeys, webauthnChallenges } from '../../db/schema/index.js';
import { sha256 } from '../secrets.js';

/** Long enough to find a fingerprint reader, short enough that a leaked page is soon useless. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

export type Passkey = typeof passkeys.$inferSelect;
export type ChallengeKind = 'registration' | 'authentication';

/** What binds a challenge to the one authorization request whose page asked for it. */
export function requestHash(req: {
  store: { id: string };
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  state: string;
  responseMode: string;
}): string {
  return sha256(
    [
      req.store.id,
      req.clientId,
      req.redirectUri,
      req.codeChallenge,
      req.state,
      req.responseMode,
    ].join('\n'),
  );
}

export async function saveChallenge(
  db: Db,
  input: {
    storeId: string;
    kind: ChallengeKind;
    challenge: string;
    requestHash: string;
    customerId?: string;
  },
  now: Date,
): Promise<void> {
  await db.insert(webauthnChallenges).values({
    id: randomUUID(),
    storeId: input.storeId,
    kind: input.kind,
    challengeHash: sha256(input.challenge),
    customerId: input.customerId ?? null,
    requestHash: input.requestHash,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    createdAt: now,
  });
}

/**
 * Uses up a challenge: at most one caller gets the row, and only while it is fresh and was
 * made for this store, kind and authorization request. Used before the signature is even
 * checked, so a replayed response finds nothing.
 */
export async function consumeChallenge(
  db: Db,
  input: { storeId: string; kind: ChallengeKind; challenge: string; requestHash: string },
  now: Date,
) {
  const [row] = await db
    .update(webauthnChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(webauthnChallenges.challengeHash, sha256(input.challenge)),
        eq(webauthnChallenges.storeId, input.storeId),
        eq(webauthnChallenges.kind, input.kind),
        eq(webauthnChallenges.requestHash, input.requestHash),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning({ customerId: webauthnChallenges.customerId });
  return row;
}

export function listPasskeys(db: Db, storeId: string, customerId: string): Promise<Passkey[]> {
  return db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.storeId, storeId), eq(passkeys.customerId, customerId)))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function hasPasskey(db: Db, storeId: string, customerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(and(eq(passkeys.storeId, storeId), eq(passkeys.customerId, customerId)))
    .limit(1);
  return Boolean(row);
}

/** Looked up within the store only: a passkey made on another store's page never matches. */
export async function findPasskeyByCredential(
  db: Db,
  storeId: string,
  credentialId: string,
): Promise<Passkey | undefined> {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.storeId, storeId), eq(passkeys.credentialId, credentialId)))
    .limit(1);
  return row;
}

export async function addPasskey(
  db: Db,
  input: Pick<
    Passkey,
    'storeId' | 'customerId' | 'credentialId' | 'publicKey' | 'counter' | 'transports' | 'name'
  >,
  now: Date,
): Promise<void> {
  await db
    .insert(passkeys)
    .values({ id: randomUUID(), ...input, createdAt: now })
    .onConflictDoNothing({ target: [passkeys.storeId, passkeys.credentialId] });
}

/**
 * Records a sign-in with the counter the authenticator reported. Conditional on the counter
 * read before: of two sign-ins racing with one response, one wins.
 */
export async function recordPasskeyUse(
  db: Db,
  passkey: Pick<Passkey, 'id' | 'counter'>,
  newCounter: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: now })
    .where(and(eq(passkeys.id, passkey.id), eq(passkeys.counter, passkey.counter)))
    .returning({ id: passkeys.id });
  return rows.length > 0;
}

export async function removePasskey(
  db: Db,
  storeId: string,
  customerId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(passkeys)
    .where(
      and(eq(passkeys.storeId, storeId), eq(passkeys.customerId, customerId), eq(passkeys.id, id)),
    )
    .returning({ id: passkeys.id });
  return rows.length > 0;
}

const SYSTEMS: [string, RegExp][] = [
  ['Android', /Android/],
  ['iPhone', /iPhone/],
  ['iPad', /iPad/],
  ['ChromeOS', /CrOS/],
  ['macOS', /Macintosh/],
  ['Windows', /Windows/],
  ['Linux', /Linux/],
];
// Order matters: Edge and Chrome also say Safari, Edge also says Chrome.
const BROWSERS: [string, RegExp][] = [
  ['Edge', /Edg\//],
  ['Firefox', /Firefox\//],
  ['Chrome', /Chrome\//],
  ['Safari', /Safari\//],
];

/** A name the shopper recognises in their list: the browser and system it was made on. */
export function passkeyNameFor(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const first = (list: [string, RegExp][]) => list.find(([, re]) => re.test(ua))?.[0];
  return [first(BROWSERS), first(SYSTEMS)].filter(Boolean).join(' on ') || 'Passkey';
}
