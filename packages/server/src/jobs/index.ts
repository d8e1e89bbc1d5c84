import { purgeRateLimits } from './rate-limits.js';
import type { Job } from './scheduler.js';

/** Every periodic job the server runs (started by startServer). */
export const jobs: Job[] = [purgeRateLimits];
