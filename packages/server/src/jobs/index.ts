import { expireOrdersJob } from './expire-orders.js';
import type { Job } from './scheduler.js';

/** Every periodic job the server runs (started by startServer). */
export const jobs: Job[] = [expireOrdersJob];
