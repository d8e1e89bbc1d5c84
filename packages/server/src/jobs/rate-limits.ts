import { purgeExpiredRateLimits } from '../rate-limit/postgres.js';
import type { Job } from './scheduler.js';

/**
 * Deletes closed rate-limit windows from `rate_limits`, so the table holds only the
 * buckets hit in the last window. A plain conditional delete, safe on several instances
 * at once: they wait for each other's row locks, and a window that a hit reopened in the
 * meantime no longer matches. (With Redis, keys expire by themselves; the table stays empty.)
 */
export const purgeRateLimits: Job = {
  name: 'purge-rate-limits',
  everyMs: 5 * 60 * 1000,
  run: (deps) => purgeExpiredRateLimits(deps.db, deps.now()),
};
