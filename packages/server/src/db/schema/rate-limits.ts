import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { storeId } from './columns.js';

/**
 * Rate-limit counters (src/rate-limit/postgres.ts): one row per store and bucket, counting
 * hits in a window that starts at the bucket's first hit and ends at `expires_at`. Every
 * instance updates the same row, so limits hold across instances. Expired rows are
 * purged by a job.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    storeId: storeId(),
    bucket: text('bucket').notNull(),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.bucket] }),
    index('rate_limits_expires_at').on(t.expiresAt),
  ],
);
