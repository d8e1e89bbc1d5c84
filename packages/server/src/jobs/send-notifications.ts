import { expandDueCampaigns } from '../services/notifications/campaign-expansion.js';
import { sendDueMessages } from '../services/notifications/outbox-worker.js';
import type { Job } from './scheduler.js';

/** Rounds of one run stop after this long, so the scheduler's next tick comes round. */
const RUN_BUDGET_MS = 5_000;
const BATCH_SIZE = 200;

/**
 * The notification outbox (docs/decisions/009): due campaigns are expanded into messages,
 * then due messages are claimed and sent, batch after batch while full ones keep coming.
 * Every instance runs it every second; claims with `FOR UPDATE SKIP LOCKED` and a lease keep
 * instances from sending the same message, and a crashed instance's leases run out.
 */
export const sendNotificationsJob: Job = {
  name: 'send-notifications',
  everyMs: 1_000,
  run: async (deps) => {
    await expandDueCampaigns(deps.db, deps.now());
    const started = Date.now();
    let sent = 0;
    for (;;) {
      const claimed = await sendDueMessages(deps, { batchSize: BATCH_SIZE });
      sent += claimed;
      if (claimed < BATCH_SIZE || Date.now() - started > RUN_BUDGET_MS) return sent;
    }
  },
};
