import { sendDueRefunds } from '../services/refund-worker.js';
import { inRounds, type Job } from './scheduler.js';

const BATCH_SIZE = 50;

/**
 * Refunds the request that decided them could not complete (the provider down or slow, the
 * instance gone): claimed and sent again on the retry schedule, in every instance, each
 * refund by one instance at a time (services/refund-worker.ts).
 */
export const sendRefundsJob: Job = {
  name: 'send-refunds',
  everyMs: 5_000,
  run: (deps) => inRounds(BATCH_SIZE, () => sendDueRefunds(deps, { batchSize: BATCH_SIZE })),
};
