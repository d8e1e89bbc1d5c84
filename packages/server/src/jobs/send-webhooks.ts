import { sendDueWebhooks } from '../services/webhooks/worker.js';
import type { Job } from './scheduler.js';

/** Rounds of one run stop after this long, so the scheduler's next tick comes round. */
const RUN_BUDGET_MS = 5_000;
const BATCH_SIZE = 50;

/**
 * The webhook outbox: due deliveries are claimed and sent, batch after batch while full ones
 * keep coming. Every instance runs it every second; claims with `FOR UPDATE SKIP LOCKED` and
 * a lease keep instances from sending the same delivery, and a crashed instance's leases run
 * out (at-least-once: a receiver drops repeats by `webhook-id`).
 */
export const sendWebhooksJob: Job = {
  name: 'send-webhooks',
  everyMs: 1_000,
  run: async (deps) => {
    const started = Date.now();
    let sent = 0;
    for (;;) {
      const claimed = await sendDueWebhooks(deps, { batchSize: BATCH_SIZE });
      sent += claimed;
      if (claimed < BATCH_SIZE || Date.now() - started > RUN_BUDGET_MS) return sent;
    }
  },
};
