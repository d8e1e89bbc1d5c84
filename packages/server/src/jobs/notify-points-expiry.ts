import { notifyPointsExpiry } from '../services/notifications/triggers.js';
import type { Job } from './scheduler.js';

/**
 * Tells shoppers with a points-expiry subscription that points expire within a week. Every
 * six hours rather than once a day at a set time: the messages' unique key makes repeats
 * write nothing, and quiet hours hold what would arrive at night.
 */
export const notifyPointsExpiryJob: Job = {
  name: 'notify-points-expiry',
  everyMs: 6 * 60 * 60 * 1000,
  run: (deps) => notifyPointsExpiry(deps.db, deps.now()),
};
