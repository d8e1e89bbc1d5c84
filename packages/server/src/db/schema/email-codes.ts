import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, storeId } from './columns.js';

/**
 * Emailed one-time codes (issue 12): a 6-digit code and a magic link in one mail, both for
 * the authorization request the shopper started. Only hashes are stored; a row works once,
 * for 10 minutes, and for at most 5 wrong codes.
 */
export const emailCodes = pgTable(
  'email_codes',
  {
    id: id(),
    storeId: storeId(),
    /** Lower-cased; no account needed (a new address gets one on verification). */
    email: text('email').notNull(),
    /** 'signin', or 'reset' (sign in and set a new password). */
    purpose: text('purpose').notNull(),
    /** SHA-256 of the row id and the code: the code alone has too few values to hash bare. */
    codeHash: text('code_hash').notNull(),
    /** SHA-256 of the magic link's token. */
    linkHash: text('link_hash').notNull().unique(),
    /** The authorization request's parameters, checked again when the code is used. */
    request: jsonb('request').$type<Record<string, string>>().notNull(),
    locale: text('locale').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('email_codes_expiry').on(t.expiresAt)],
);
