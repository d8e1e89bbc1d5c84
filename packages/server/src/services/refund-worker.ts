import { eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../context.js';
import { describeError } from '../db/faults.js';
import { type RefundRow, refunds, stores } from '../db/schema/index.js';
import type { OrderView } from '../schemas/orders.js';
import { claimDue, finishAttempt, nextAttemptAt } from './leased-outbox.js';
import { getOrder } from './orders.js';
import { serverProviders } from './payments/pay.js';
import type { RefundOutcome } from './payments/provider.js';
import { PaymentNetworkError } from './payments/test-network.js';
import type { Store } from './stores.js';

type Attempt = RefundOutcome | { status: 'unreachable'; error: string };

/** One refund at its provider, with the refund's id as the idempotency key. */
async function attempt(deps: AppDeps, row: RefundRow, store: Store | undefined): Promise<Attempt> {
  const provider = serverProviders(deps.paymentNetwork).find((p) => p.id === row.provider);
  // Not configured on this server (now): another instance, or this one fixed, may have it.
  if (!store || !provider) return { status: 'unreachable', error: 'provider_unavailable' };
  if (!row.paymentReference) return { status: 'refused', reason: 'no_payment_reference' };
  try {
    return await provider.refund(store, row.paymentReference, {
      amountMinor: row.amountMinor,
      currency: row.currency,
      idempotencyKey: row.id,
    });
  } catch (error) {
    if (error instanceof PaymentNetworkError)
      return { status: 'unreachable', error: error.message };
    deps.log.warn('refund provider error', { refund: row.id, ...describeError(error) });
    return { status: 'unreachable', error: 'provider_error' };
  }
}

/** Writes an attempt: succeeded, failed (refused, or the schedule is done), or due again. */
function record(deps: AppDeps, row: RefundRow, outcome: Attempt, now: Date) {
  if (outcome.status === 'succeeded') {
    return finishAttempt(deps.db, refunds, row, {
      status: 'succeeded',
      reference: outcome.reference,
      lastError: null,
      claimedUntil: null,
      settledAt: now,
    });
  }
  const error = outcome.status === 'refused' ? outcome.reason : outcome.error;
  const next = outcome.status === 'refused' ? undefined : nextAttemptAt(row.attempts, now);
  if (next) {
    deps.log.info('refund attempt failed', { refund: row.id, attempt: row.attempts, error });
    return finishAttempt(deps.db, refunds, row, {
      nextAttemptAt: next,
      lastError: error,
      claimedUntil: null,
    });
  }
  // Money the shopper is owed and did not get: the merchant must see to it.
  deps.log.warn('refund failed', { refund: row.id, order: row.orderId, error });
  return finishAttempt(deps.db, refunds, row, {
    status: 'failed',
    lastError: error,
    claimedUntil: null,
    settledAt: now,
  });
}

/**
 * One round of the refund worker: claims due refunds (claimDue: a lease, `SKIP LOCKED`, so
 * instances never take the same one), asks their providers with no transaction open, and
 * writes each outcome. `orderId` keeps it to one order's. Returns how many were claimed.
 */
export async function sendDueRefunds(
  deps: AppDeps,
  { batchSize, orderId }: { batchSize: number; orderId?: string },
): Promise<number> {
  const claimed = await claimDue(
    deps.db,
    refunds,
    deps.now(),
    batchSize,
    orderId ? eq(refunds.orderId, orderId) : undefined,
  );
  if (claimed.length === 0) return 0;
  const owners = await deps.db
    .select()
    .from(stores)
    .where(inArray(stores.id, [...new Set(claimed.map((r) => r.storeId))]));
  let failure: unknown;
  await Promise.all(
    claimed.map(async (row) => {
      const outcome = await attempt(
        deps,
        row,
        owners.find((s) => s.id === row.storeId),
      );
      try {
        await record(deps, row, outcome, deps.now());
      } catch (error) {
        // The database failed: the lease runs out and the refund is tried again, same key.
        failure ??= error;
      }
    }),
  );
  if (failure) throw failure;
  return claimed.length;
}

/**
 * Right after the transaction that decided a refund commits: tries the order's due refunds
 * at once, so the common case answers refunded, and answers the order as it then is. What
 * fails stays pending for the send-refunds job; so does everything if this throws.
 */
export async function refundNow(deps: AppDeps, store: Store, order: OrderView): Promise<OrderView> {
  if (!order.refunds.some((r) => r.status === 'pending')) return order;
  try {
    const tried = await sendDueRefunds(deps, {
      batchSize: order.refunds.length,
      orderId: order.id,
    });
    return tried === 0 ? order : await getOrder(deps.db, store, order.id, deps.now());
  } catch (error) {
    deps.log.warn('refund attempt failed', { order: order.id, ...describeError(error) });
    return order;
  }
}
