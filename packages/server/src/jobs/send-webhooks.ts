import { sendDueWebhooks } from '../services/webhooks/worker.js';
import { inRounds, type Job } from './scheduler.js';

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
  run: (deps) => inRounds(BATCH_SIZE, () => sendDueWebhooks(deps, { batchSize: BATCH_SIZE })),
};
