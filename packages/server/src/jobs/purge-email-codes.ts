import { purgeExpiredEmailCodes } from '../services/auth/email-codes.js';
import type { Job } from './scheduler.js';

/**
 * Deletes emailed sign-in codes past their 10 minutes, so the table holds only the codes
 * that can still be used. A plain conditional delete, safe on several instances at once.
 */
export const purgeEmailCodesJob: Job = {
  name: 'purge-email-codes',
  everyMs: 10 * 60 * 1000,
  run: (deps) => purgeExpiredEmailCodes(deps.db, deps.now()),
};
