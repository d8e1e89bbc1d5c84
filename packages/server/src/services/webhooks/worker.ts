import type { AppDeps } from '../../context.js';
import { claimDueDeliveries, recordAttempt } from './outbox.js';
import { sendWebhook } from './sender.js';

export interface WebhookWorkerOptions {
  /** Deliveries claimed per round trip. */
  batchSize: number;
  /** How long a receiver has to answer (default SEND_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * One round of the webhook worker: claims a batch (committed at once, with a lease), then
 * sends them in parallel with no transaction open and writes each outcome. Returns how many
 * were claimed.
 */
export async function sendDueWebhooks(
  deps: AppDeps,
  { batchSize, timeoutMs }: WebhookWorkerOptions,
): Promise<number> {
  const claimed = await claimDueDeliveries(deps.db, deps.now(), batchSize);
  let failure: unknown;
  await Promise.all(
    claimed.map(async ({ delivery, url, secret, mode }) => {
      const outcome = await sendWebhook({
        url,
        secret,
        messageId: delivery.messageId,
        body: JSON.stringify(delivery.payload),
        publicOnly: mode === 'live',
        // The wall clock, not deps.now(): the receiver compares it with its own clock.
        signedAt: new Date(),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
      if (!outcome.ok) {
        deps.log.info('webhook attempt failed', {
          delivery: delivery.id,
          attempt: delivery.attempts,
          error: outcome.error,
        });
      }
      try {
        await recordAttempt(deps.db, delivery, outcome, deps.now());
      } catch (error) {
        // The database failed: the lease runs out and the delivery is tried again.
        failure ??= error;
      }
    }),
  );
  if (failure) throw failure;
  return claimed.length;
}
