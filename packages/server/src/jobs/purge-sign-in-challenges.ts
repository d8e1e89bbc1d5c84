import { lt } from 'drizzle-orm';
import { emailCodes, webauthnChallenges } from '../db/schema/index.js';
import type { Job } from './scheduler.js';

/**
 * Deletes the one-time sign-in proofs past their expiry — emailed codes (10 minutes) and
 * passkey challenges (5 minutes), spent or not: neither can be used again — so the tables
 * hold only what can still be used. Plain conditional deletes, safe on several instances at
 * once. Returns how many rows went.
 */
export const purgeSignInChallengesJob: Job = {
  name: 'purge-sign-in-challenges',
  everyMs: 10 * 60 * 1000,
  run: async ({ db, now }) => {
    const at = now();
    let deleted = 0;
    for (const table of [emailCodes, webauthnChallenges]) {
      const rows = await db
        .delete(table)
        .where(lt(table.expiresAt, at))
        .returning({ id: table.id });
      deleted += rows.length;
    }
    return deleted;
  },
};
