import { expandDueCampaigns } from '../services/notifications/campaign-expansion.js';
import { sendDueMessages } from '../services/notifications/outbox-worker.js';
import { inRounds, type Job } from './scheduler.js';

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
    return inRounds(BATCH_SIZE, () => sendDueMessages(deps, { batchSize: BATCH_SIZE }));
  },
};
