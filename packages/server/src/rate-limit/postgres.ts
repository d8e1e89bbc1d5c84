import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { rateLimits } from '../db/schema/index.js';
import {
  type Bucket,
  hitResult,
  type RateLimiter,
  RateLimiterUnavailable,
  type RateLimitHit,
} from './limiter.js';

/**
 * Counters as rows of `rate_limits` (PostgreSQL or PGlite). A hit is one
 * `insert … on conflict do update … returning`: PostgreSQL locks the row for the update, so
 * concurrent hits on a bucket are counted one after another and each sees its own count.
 * Windows run on the app's clock (`now`), which tests can move.
 */
export class PostgresRateLimiter implements RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  async hit(bucket: Bucket, limit: number, windowMs: number): Promise<RateLimitHit> {
    const now = this.now();
    const nowParam = sql`${now.toISOString()}::timestamptz`;
    // Every SET expression reads the row as it was: an expired window restarts at 1.
    const expired = sql`${rateLimits.expiresAt} <= ${nowParam}`;
    const rows = await this.guard(() =>
      this.db
        .insert(rateLimits)
        .values({
          storeId: bucket.storeId,
          bucket: bucket.key,
          count: 1,
          expiresAt: new Date(now.getTime() + windowMs),
        })
        .onConflictDoUpdate({
          target: [rateLimits.storeId, rateLimits.bucket],
          set: {
            count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
            expiresAt: sql`case when ${expired} then excluded.expires_at else ${rateLimits.expiresAt} end`,
          },
        })
        .returning({ count: rateLimits.count, expiresAt: rateLimits.expiresAt }),
    );
    const row = rows[0]!;
    return hitResult(row.count, limit, row.expiresAt.getTime() - now.getTime());
  }

  async refund(bucket: Bucket): Promise<void> {
    await this.guard(() =>
      this.db
        .update(rateLimits)
        .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
        .where(and(this.match(bucket), gt(rateLimits.expiresAt, this.now()))),
    );
  }

  async reset(bucket: Bucket): Promise<void> {
    await this.guard(() => this.db.delete(rateLimits).where(this.match(bucket)));
  }

  async close(): Promise<void> {
    // The database belongs to the app.
  }

  private match(bucket: Bucket) {
    return and(eq(rateLimits.storeId, bucket.storeId), eq(rateLimits.bucket, bucket.key));
  }

  private async guard<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (err) {
      throw new RateLimiterUnavailable('The rate-limit table could not be reached.', {
        cause: err,
      });
    }
  }
}

/** Deletes closed windows; safe to run on several instances at once (a plain delete). */
export async function purgeExpiredRateLimits(db: Db, now: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(sql`${rateLimits.expiresAt} <= ${now.toISOString()}::timestamptz`)
    .returning({ storeId: rateLimits.storeId });
  return deleted.length;
}
