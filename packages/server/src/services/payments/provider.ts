import type { PaymentMethodId } from '../../db/types.js';
import type { OrderView } from '../../schemas/orders.js';
import type { Store } from '../stores.js';

/**
 * The provider of payments the admin marks paid (mark-paid): taken outside Kiosk, so given
 * back outside it too; there is no provider to call.
 */
export const MANUAL_PROVIDER = 'manual';

/** What the shopper typed into the hosted card form. */
export interface PaymentInput {
  card: string;
  name: string;
}

/** Why a payment did not go through; the hosted page words each one. */
export type DeclineReason = 'declined' | 'test_card_in_live_mode';

export type Charge =
  | { status: 'paid'; reference: string }
  | { status: 'declined'; reason: DeclineReason };

/** Where a payment that leaves the page comes back to, and where its provider reports. */
export interface PaymentUrls {
  /** The shopper's way back (redirect flow): the checkout's return route for this attempt. */
  returnUrl: string;
  /** Where the provider posts its signed webhooks for this store. */
  notifyUrl: string;
}

/** A payment as its provider reports it: the only word on whether it is paid. */
export interface ProviderPayment {
  reference: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'expired';
  /** What the provider took, to compare with the order: a payment of another amount pays nothing. */
  amountMinor: number;
  currency: string;
  /** The order the payment was started for (the provider's copy of our reference). */
  orderId: string;
}

/** Money to give back of a payment, in the payment's currency. */
export interface RefundRequest {
  amountMinor: number;
  currency: string;
  /**
   * The same for every attempt of one refund (Kiosk's refund id): a provider that took it
   * once answers that refund again instead of refunding twice.
   */
  idempotencyKey: string;
}

/**
 * The provider's answer to a refund. A refusal is final (more than is left of the payment,
 * a payment that cannot be refunded): the refund fails. A provider that cannot be reached
 * or answers 5xx throws instead, and the refund is tried again later with the same key.
 */
export type RefundOutcome =
  | { status: 'succeeded'; reference: string }
  | { status: 'refused'; reason: string };

/** What every provider does: give money back of a payment it took (`reference`). */
export interface Refunds {
  refund(store: Store, reference: string, request: RefundRequest): Promise<RefundOutcome>;
}

/** A webhook whose signature checked out. */
export interface ProviderEvent {
  id: string;
  type: string;
  /** The provider's payment the event is about. */
  reference: string;
}

/**
 * Immediate: the charge is decided within the shopper's request (a card). One that captures
 * money should authorise first and capture only once markPaid has accepted the order (it
 * refuses expired ones), and use the order id as its idempotency key so that two submits of
 * one form charge once.
 */
export interface ImmediateProvider extends Refunds {
  readonly id: string;
  readonly flow: 'immediate';
  readonly method: PaymentMethodId;
  /** Whether the store may offer it at all (a test method never in a live store). */
  available(store: Store): boolean;
  charge(store: Store, order: OrderView, input: PaymentInput): Promise<Charge>;
}

/** What redirect and asynchronous providers share: looking a payment up, and their webhooks. */
export interface OutOfBandProvider extends Refunds {
  readonly id: string;
  readonly method: PaymentMethodId;
  available(store: Store): boolean;
  /** Asks the provider how the payment stands (a return URL or a webhook only prompts this). */
  retrieve(store: Store, reference: string): Promise<ProviderPayment>;
  /** The event of a webhook, or undefined when its signature (or its age) does not check out. */
  verifyWebhook(
    store: Store,
    body: string,
    headers: Record<string, string>,
  ): ProviderEvent | undefined;
}

/** Redirect: the shopper leaves for the provider's page, approves or cancels, and comes back. */
export interface RedirectProvider extends OutOfBandProvider {
  readonly flow: 'redirect';
  start(
    store: Store,
    order: OrderView,
    urls: PaymentUrls,
  ): Promise<{ reference: string; redirectUrl: string }>;
}

/** Asynchronous: a voucher is issued now and paid later, elsewhere; a webhook says when. */
export interface AsyncProvider extends OutOfBandProvider {
  readonly flow: 'async';
  start(
    store: Store,
    order: OrderView,
    urls: PaymentUrls,
    expiresAt: Date,
  ): Promise<{ reference: string; voucherCode: string; voucherUrl: string; expiresAt: Date }>;
}

/**
 * A way to take the money for an order. Orders know nothing of providers: pay.ts starts a
 * payment through one and calls markPaid with its id and the payment's reference once the
 * provider says it is paid (docs/server/payments.md: the three flows, adding a provider).
 */
export type PaymentProvider = ImmediateProvider | RedirectProvider | AsyncProvider;
export type OutOfBand = RedirectProvider | AsyncProvider;
