import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, ownedBy, storeId } from './columns.js';
import { customers } from './customers.js';

/** WebAuthn credentials a shopper registered with one store (docs/server/auth.md, Passkeys). */
export const passkeys = pgTable(
  'passkeys',
  {
    id: id(),
    storeId: storeId(),
    customerId: ownedBy('customer_id', () => customers.id),
    /** The authenticator's credential ID, base64url (as the browser reports it). */
    credentialId: text('credential_id').notNull(),
    /** COSE public key. */
    publicKey: bytea('public_key').notNull(),
    /** Signature counter: a clone of the authenticator shows one that does not increase. */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    /** Shown in the shopper's list, e.g. "Passkey · Chrome on Android". */
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    unique('passkeys_store_credential').on(t.storeId, t.credentialId),
    index('passkeys_customer').on(t.customerId),
  ],
);

/**
 * WebAuthn challenges: single use, minutes long, bound to one authorization request. A
 * registration challenge also names the customer who has just signed in (it is what lets
 * the interstitial's "Not now" finish that sign-in). Stored hashed: the challenge is the
 * page's proof, like an authorization code.
 */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: id(),
  storeId: storeId(),
  kind: text('kind', { enum: ['registration', 'authentication'] }).notNull(),
  challengeHash: text('challenge_hash').notNull().unique(),
  customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
  /** sha256 of the authorization request it belongs to (services/auth/passkeys.ts). */
  requestHash: text('request_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});
