import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, ownedBy, storeId } from './columns.js';
import { customers } from './customers.js';

/** A store's upstream OpenID Connect providers ("Continue with Google"), keyed by a slug. */
export const identityProviders = pgTable(
  'identity_providers',
  {
    storeId: storeId(),
    /** The slug in admin URLs and in `provider=` on the authorize request. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** Sent to the provider's token endpoint, so kept as is; never answered nor logged. */
    clientSecret: text('client_secret').notNull(),
    scopes: text('scopes').array().notNull(),
    /** Off: not offered on the hosted page nor accepted in `provider=`, its configuration kept. */
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.slug] })],
);

/** Which customer an upstream account (issuer + subject) signs in as. */
export const customerIdentities = pgTable(
  'customer_identities',
  {
    storeId: storeId(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    customerId: ownedBy('customer_id', () => customers.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.issuer, t.subject] }),
    index('customer_identities_customer').on(t.customerId),
  ],
);

/**
 * A round trip to a provider in flight: the Kiosk authorization request it answers, and the
 * PKCE verifier and nonce it was started with. Keyed by the hash of the `state` sent to the
 * provider; single use, short-lived.
 */
export const oidcPending = pgTable('oidc_pending', {
  stateHash: text('state_hash').primaryKey(),
  storeId: storeId(),
  providerSlug: text('provider_slug').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  /** The Kiosk authorize parameters (client_id, redirect_uri, state, PKCE challenge…). */
  request: jsonb('request').$type<Record<string, string>>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

export type IdentityProviderRow = typeof identityProviders.$inferSelect;
