import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PointsRules, StoreSettings } from '../types.js';

export const stores = pgTable('stores', {
  id: uuid('id').primaryKey(),
  handle: text('handle').notNull().unique(),
  name: text('name').notNull(),
  /** pk_…: safe in a page; identifies the store on storefront requests and as OAuth client_id. */
  publishableKey: text('publishable_key').notNull().unique(),
  /** SHA-256 of the sk_… secret key; the key itself is shown once, at creation. */
  secretKeyHash: text('secret_key_hash').notNull().unique(),
  /** HMAC key for this store's access tokens (base64url); tokens of one store mean nothing to another. */
  tokenSecret: text('token_secret').notNull(),
  allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
  /** ISO 4217 codes; the first is the default. */
  currencies: text('currencies').array().notNull(),
  /** BCP 47 tags; the first is the default. */
  locales: text('locales').array().notNull(),
  pointsRules: jsonb('points_rules').$type<PointsRules>().notNull(),
  settings: jsonb('settings').$type<StoreSettings>().notNull(),
  /** 'test': only the test card pays; 'live': real payments only, the test card is refused. */
  mode: text('mode', { enum: ['test', 'live'] })
    .notNull()
    .default('test'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
