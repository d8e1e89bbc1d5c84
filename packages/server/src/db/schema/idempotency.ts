import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, storeId } from './columns.js';

/**
 * Idempotency keys: the first request with a key claims the row (unique primary key), so
 * concurrent repeats cannot both run; later repeats replay the stored answer. A claim holds
 * until `locked_until`: a request that died (kill -9) leaves its claim, which a retry takes
 * over once it has expired (middleware/idempotency.ts).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    storeId: storeId(),
    key: text('key').notNull(),
    /** Hash of method, path, caller and body: a key reused for a different request is an error. */
    fingerprint: text('fingerprint').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /**
     * Until when the running request owns the key. Also its fence: each claim writes a later
     * value, and a request stores its answer only where the value is still the one it wrote.
     * Rows from before this column existed get now(): expired at once.
     */
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.key] }),
    // The purge job finds old keys by age.
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);
