import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/index.js';
import { refunds } from '../db/schema/index.js';
import type { OrderRow } from './order-views.js';
import { MANUAL_PROVIDER } from './payments/provider.js';

/**
 * Records `amountMinor` of `order` to give back, in the transaction that decides it (an order
 * refunded or cancelled after payment, a return approved), so a decision committed is never
 * without its refund and one rolled back has none. The refund worker (refund-worker.ts) then
 * asks the provider that took the money. A payment taken outside Kiosk ('manual') is given
 * back outside it too: recorded as done, nothing to call. Nothing (0) is no refund.
 */
export async function recordRefund(
  tx: Tx,
  order: OrderRow,
  amountMinor: number,
  returnId: string | null,
  now: Date,
): Promise<void> {
  if (amountMinor <= 0) return;
  const provider = order.paymentProvider ?? MANUAL_PROVIDER;
  await tx.insert(refunds).values({
    id: randomUUID(),
    storeId: order.storeId,
    orderId: order.id,
    returnId,
    amountMinor,
    currency: order.currency,
    provider,
    paymentReference: order.paymentReference,
    nextAttemptAt: now,
    ...(provider === MANUAL_PROVIDER ? { status: 'succeeded' as const, settledAt: now } : {}),
  });
}
