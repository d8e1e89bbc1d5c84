import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ownedBy, storeId } from './columns.js';

export const customers = pgTable(
  'customers',
  {
    id: id(),
    storeId: storeId(),
    /** Lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    /** PHC-form password hash (services/passwords.ts); null for single-sign-on-only customers. */
    passwordHash: text('password_hash'),
    /** Birthday (month 1–12, day 1–31) for the membership's birthday gift; no year kept. */
    birthdayMonth: smallint('birthday_month'),
    birthdayDay: smallint('birthday_day'),
    /** Recommendations from their own orders ("Picked for you"); false: popularity only. */
    personalization: boolean('personalization').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique('customers_store_email').on(t.storeId, t.email),
    index('customers_birthday').on(t.birthdayMonth, t.birthdayDay),
    check(
      'customers_birthday_valid',
      sql`(${t.birthdayMonth} is null) = (${t.birthdayDay} is null)
        and (${t.birthdayMonth} is null or (${t.birthdayMonth} between 1 and 12 and ${t.birthdayDay} between 1 and 31))`,
    ),
  ],
);

/** OAuth authorization codes (single use, PKCE-bound, short-lived). Stored hashed. */
export const authCodes = pgTable(
  'auth_codes',
  {
    id: id(),
    storeId: storeId(),
    customerId: ownedBy('customer_id', () => customers.id),
    codeHash: text('code_hash').notNull().unique(),
    /** The code itself is kept only until the opener-less poll fallback collects it. */
    pollableCode: text('pollable_code'),
    state: text('state').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    codeChallenge: text('code_challenge').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('auth_codes_store_state').on(t.storeId, t.state)],
);

/** Refresh tokens rotate on every use; reuse of a rotated one revokes its whole family. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    storeId: storeId(),
    customerId: ownedBy('customer_id', () => customers.id),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('refresh_tokens_family').on(t.familyId)],
);

/** Single sign-on tokens minted with the secret key; single use. Stored hashed. */
export const sessionTokens = pgTable('session_tokens', {
  id: id(),
  storeId: storeId(),
  customerId: ownedBy('customer_id', () => customers.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});
