import type { OrderView } from '../../schemas/orders.js';
import type { Store } from '../stores.js';

/** What the shopper typed into the hosted payment form. */
export interface PaymentInput {
  card: string;
  name: string;
}

/** Why a charge did not go through; the hosted page words each one. */
export type DeclineReason = 'declined' | 'test_card_in_live_mode';

export type Charge =
  | { status: 'paid'; reference: string }
  | { status: 'declined'; reason: DeclineReason };

/**
 * A way to take the money for an order. Orders know nothing of providers: payOrder charges
 * through one and records its id and the charge's reference on the paid order. A real
 * provider (Stripe, …) implements this, or confirms out of band and calls markPaid from its
 * webhook with `{ provider, reference }`; one that captures money should authorise first and
 * capture only once markPaid has accepted the order (it refuses expired ones), and use the
 * order id as its idempotency key so that two submits of one form charge once.
 */
export interface PaymentProvider {
  readonly id: string;
  charge(store: Store, order: OrderView, input: PaymentInput): Promise<Charge>;
}
