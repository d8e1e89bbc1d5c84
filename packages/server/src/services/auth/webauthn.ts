import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Db } from '../../db/index.js';
import { sha256 } from '../secrets.js';
import {
  addPasskey,
  CHALLENGE_TTL_MS,
  consumeChallenge,
  findPasskeyByCredential,
  listPasskeys,
  passkeyNameFor,
  recordPasskeyUse,
  saveChallenge,
} from './passkeys.js';

/**
 * The relying party: the hosted page's own host and origin. Passkeys are made for the
 * page the shopper sees, so every store served from one API host shares the RP ID — which
 * is why a credential is only ever looked up within its store.
 */
export interface RelyingParty {
  id: string;
  origin: string;
}

export function relyingPartyOf(origin: string): RelyingParty {
  return { id: new URL(origin).hostname, origin };
}

/** What the authenticator proved, or why not (a key of hosted/messages/passkeys.ts). */
export type CeremonyResult =
  | { ok: true; customerId: string }
  | { ok: false; error: 'errPasskeyExpired' | 'errPasskeyUnknown' | 'errPasskeyFailed' };

/** A browser's answer to a challenge the page was given, for the authorization request it carries. */
export interface CeremonyInput {
  rp: RelyingParty;
  storeId: string;
  requestHash: string;
  challenge: string;
  response: Record<string, unknown> | null;
}

/** The customer's handle inside the credential: their id, so a returning response names them. */
function userHandleOf(customerId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(customerId, 'utf8'));
}

/** A browser's response, parsed just enough to hand to the verifier (which checks the rest). */
export function parseCredentialResponse(raw: string | undefined): Record<string, unknown> | null {
  if (!raw || raw.length > 64 * 1024) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const r = value as Record<string, unknown>;
    if (typeof r.id !== 'string' || !r.response || typeof r.response !== 'object') return null;
    return r;
  } catch {
    return null;
  }
}

const matches = (hash: string) => (challenge: string) => sha256(challenge) === hash;

export async function registrationOptions(
  db: Db,
  input: {
    rp: RelyingParty;
    storeId: string;
    storeName: string;
    customer: { id: string; email: string; name: string };
    requestHash: string;
  },
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await listPasskeys(db, input.storeId, input.customer.id);
  const options = await generateRegistrationOptions({
    rpName: input.storeName,
    rpID: input.rp.id,
    userName: input.customer.email,
    userDisplayName: input.customer.name || input.customer.email,
    userID: userHandleOf(input.customer.id),
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
    // Discoverable, so the next sign-in needs no email; verified, so a tap is not enough.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await saveChallenge(
    db,
    {
      storeId: input.storeId,
      kind: 'registration',
      challenge: options.challenge,
      customerId: input.customer.id,
      requestHash: input.requestHash,
    },
    now,
  );
  return options;
}

/**
 * Ends the interstitial: the challenge proves who signed in (it was made for them, for this
 * request); a response adds their passkey. A response that does not verify adds nothing —
 * the shopper has signed in already, so they still do (`added` says whether it took).
 */
export async function finishRegistration(
  db: Db,
  input: CeremonyInput & { userAgent: string | undefined },
  now: Date,
): Promise<{ customerId: string; added: boolean } | null> {
  const row = await consumeChallenge(db, { ...input, kind: 'registration' }, now);
  if (!row?.customerId) return null;
  if (!input.response) return { customerId: row.customerId, added: false };
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response: input.response as unknown as RegistrationResponseJSON,
      expectedChallenge: matches(sha256(input.challenge)),
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.id,
      requireUserVerification: true,
    });
    if (!verified) return { customerId: row.customerId, added: false };
    const { credential } = registrationInfo;
    await addPasskey(
      db,
      {
        storeId: input.storeId,
        customerId: row.customerId,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: passkeyNameFor(input.userAgent),
      },
      now,
    );
    return { customerId: row.customerId, added: true };
  } catch {
    return { customerId: row.customerId, added: false };
  }
}

export async function authenticationOptions(
  db: Db,
  input: { rp: RelyingParty; storeId: string; requestHash: string },
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  // No allowCredentials: the browser offers the shopper's discoverable passkeys for this RP.
  const options = await generateAuthenticationOptions({
    rpID: input.rp.id,
    timeout: CHALLENGE_TTL_MS,
    userVerification: 'required',
  });
  await saveChallenge(
    db,
    {
      storeId: input.storeId,
      kind: 'authentication',
      challenge: options.challenge,
      requestHash: input.requestHash,
    },
    now,
  );
  return options;
}

export async function finishAuthentication(
  db: Db,
  input: CeremonyInput,
  now: Date,
): Promise<CeremonyResult> {
  const row = await consumeChallenge(db, { ...input, kind: 'authentication' }, now);
  if (!row) return { ok: false, error: 'errPasskeyExpired' };
  if (!input.response) return { ok: false, error: 'errPasskeyFailed' };
  const response = input.response as unknown as AuthenticationResponseJSON;
  const passkey = await findPasskeyByCredential(db, input.storeId, response.id);
  if (!passkey) return { ok: false, error: 'errPasskeyUnknown' };
  const handle = response.response?.userHandle;
  if (handle && Buffer.from(handle, 'base64url').toString('utf8') !== passkey.customerId) {
    return { ok: false, error: 'errPasskeyFailed' };
  }
  try {
    // Also refuses a signature counter that did not go up (a cloned authenticator).
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: matches(sha256(input.challenge)),
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: true,
    });
    if (!verified) return { ok: false, error: 'errPasskeyFailed' };
    const recorded = await recordPasskeyUse(db, passkey, authenticationInfo.newCounter, now);
    if (!recorded) return { ok: false, error: 'errPasskeyFailed' };
    return { ok: true, customerId: passkey.customerId };
  } catch {
    return { ok: false, error: 'errPasskeyFailed' };
  }
}
