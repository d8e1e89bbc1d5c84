import type { Db } from '../../db/index.js';
import { ApiError } from '../../errors.js';
import type { OrderView } from '../../schemas/orders.js';
import { markPaid } from '../orders.js';
import { assertShippable } from '../shipping/order-shipping.js';
import type { Store } from '../stores.js';
import type { DeclineReason, PaymentInput, PaymentProvider } from './provider.js';
import { testCardProvider } from './test-card.js';

/** The provider a store's hosted payment form charges through. Only the test card for now. */
export function providerFor(_store: Store): PaymentProvider {
  return testCardProvider;
}

export type PayOutcome =
  | { status: 'paid'; order: OrderView }
  | { status: 'declined'; reason: DeclineReason }
  /** Not pending any more (paid, expired, cancelled): nothing was charged or changed. */
  | { status: 'not_payable' };

/**
 * Pays a pending order through the store's provider. Nothing is charged for an order that is
 * not pending or whose hold is over; markPaid then decides, under its conditional update,
 * whether the payment or an expiry won.
 */
export async function payOrder(
  db: Db,
  store: Store,
  order: OrderView,
  input: PaymentInput,
  now: Date,
): Promise<PayOutcome> {
  if (order.status !== 'pending') return { status: 'not_payable' };
  await assertShippable(db, store.id, order);
  const provider = providerFor(store);
  const charge = await provider.charge(store, order, input);
  if (charge.status === 'declined') return charge;
  try {
    const paid = await markPaid(db, store, order.id, now, {
      provider: provider.id,
      reference: charge.reference,
    });
    return { status: 'paid', order: paid };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { status: 'not_payable' };
    throw error;
  }
}
