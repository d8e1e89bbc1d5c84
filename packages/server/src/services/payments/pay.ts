import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, lte, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.js';
import { orders, paymentAttempts, paymentEvents } from '../../db/schema/index.js';
import { DEFAULT_VOUCHER_HOURS, type PaymentMethodId, paymentMethods } from '../../db/types.js';
import { ApiError } from '../../errors.js';
import type { OrderView } from '../../schemas/orders.js';
import { markPaid } from '../orders.js';
import { assertShippable } from '../shipping/order-shipping.js';
import type { Store } from '../stores.js';
import type {
  DeclineReason,
  OutOfBand,
  PaymentInput,
  PaymentProvider,
  PaymentUrls,
} from './provider.js';
import { testCardProvider } from './test-card.js';
import {
  type PaymentNetworkConfig,
  PaymentNetworkError,
  testVoucherProvider,
  testWalletProvider,
} from './test-network.js';

export type PaymentAttempt = typeof paymentAttempts.$inferSelect;

/** Every provider this server can take payments through, by the method each serves. */
export function serverProviders(network?: PaymentNetworkConfig): PaymentProvider[] {
  return [
    testCardProvider,
    ...(network ? [testWalletProvider(network), testVoucherProvider(network)] : []),
  ];
}

/**
 * The methods the store's hosted checkout offers, in the store's order: those its settings
 * name (absent: all), that this server can take, and that the store's mode allows (no test
 * wallet or voucher in a live store).
 */
export function offeredProviders(store: Store, network?: PaymentNetworkConfig): PaymentProvider[] {
  const wanted: readonly PaymentMethodId[] = store.settings.payments?.methods ?? paymentMethods;
  const all = serverProviders(network);
  return wanted
    .map((method) => all.find((p) => p.method === method))
    .filter((p): p is PaymentProvider => p?.available(store) === true);
}

/** An out-of-band provider by id, for its webhooks and attempts (whether or not offered now). */
export function outOfBandProvider(
  id: string,
  network?: PaymentNetworkConfig,
): OutOfBand | undefined {
  return serverProviders(network).find(
    (p): p is OutOfBand => p.flow !== 'immediate' && p.id === id,
  );
}

export type PayOutcome =
  | { status: 'paid'; order: OrderView }
  | { status: 'declined'; reason: DeclineReason }
  /** Not pending any more (paid, expired, cancelled): nothing was charged or changed. */
  | { status: 'not_payable' };

/**
 * Pays a pending order by card. Nothing is charged for an order that is not pending or whose
 * hold is over; markPaid then decides, under its conditional update, whether the payment or
 * an expiry won.
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
  const charge = await testCardProvider.charge(store, order, input);
  if (charge.status === 'declined') return charge;
  return paid(db, store, order.id, now, testCardProvider.id, charge.reference);
}

async function paid(
  db: Db,
  store: Store,
  orderId: string,
  now: Date,
  provider: string,
  reference: string,
): Promise<{ status: 'paid'; order: OrderView } | { status: 'not_payable' }> {
  try {
    const order = await markPaid(db, store, orderId, now, { provider, reference });
    return { status: 'paid', order };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { status: 'not_payable' };
    throw error;
  }
}

export type StartOutcome =
  | { status: 'redirect'; url: string }
  | { status: 'voucher'; attempt: PaymentAttempt }
  | { status: 'not_payable' }
  /** The provider could not be reached: nothing was started; the shopper may try again. */
  | { status: 'unavailable' };

/**
 * Starts a wallet or voucher payment of a pending order at its provider and records the
 * attempt. A voucher holds the order (its stock and points) until the voucher expires: the
 * order's hold is moved to the voucher's expiry, so the expiry sweep releases both together.
 */
export async function startPayment(
  db: Db,
  store: Store,
  order: OrderView,
  provider: OutOfBand,
  urls: (attemptId: string) => PaymentUrls,
  now: Date,
): Promise<StartOutcome> {
  if (order.status !== 'pending') return { status: 'not_payable' };
  // Where it goes and at what shipping, before any money is asked for: as for the card.
  await assertShippable(db, store.id, order);
  const attemptId = randomUUID();
  const base = {
    id: attemptId,
    storeId: store.id,
    orderId: order.id,
    method: provider.flow === 'redirect' ? ('wallet' as const) : ('voucher' as const),
    provider: provider.id,
    createdAt: now,
  };
  try {
    if (provider.flow === 'redirect') {
      const started = await provider.start(store, order, urls(attemptId));
      await db.insert(paymentAttempts).values({
        ...base,
        reference: started.reference,
        actionUrl: started.redirectUrl,
      });
      return { status: 'redirect', url: started.redirectUrl };
    }
    // A form posted twice (or a stale page) gets the voucher already issued.
    const open = await openVoucherOf(db, store, order.id, now);
    if (open) return { status: 'voucher', attempt: open };
    const hours = store.settings.payments?.voucherHours ?? DEFAULT_VOUCHER_HOURS;
    const started = await provider.start(
      store,
      order,
      urls(attemptId),
      new Date(now.getTime() + hours * 3_600_000),
    );
    return await db
      .transaction(async (tx) => {
        // A lapsed voucher is closed, so it does not count as the order's open one.
        await tx
          .update(paymentAttempts)
          .set({ status: 'expired' })
          .where(
            and(
              eq(paymentAttempts.orderId, order.id),
              eq(paymentAttempts.method, 'voucher'),
              eq(paymentAttempts.status, 'started'),
              lte(paymentAttempts.expiresAt, now),
            ),
          );
        const [attempt] = await tx
          .insert(paymentAttempts)
          .values({
            ...base,
            reference: started.reference,
            actionUrl: started.voucherUrl,
            voucherCode: started.voucherCode,
            expiresAt: started.expiresAt,
          })
          // Two posts at once: the index keeps one open voucher, the other's is left unused.
          .onConflictDoNothing({
            target: paymentAttempts.orderId,
            where: sql.raw(`method = 'voucher' and status = 'started'`),
          })
          .returning();
        if (!attempt) {
          const first = await openVoucherOf(tx, store, order.id, now);
          return first ? { status: 'voucher' as const, attempt: first } : tx.rollback();
        }
        // Only a live hold is extended: an order that expired meanwhile stays expired.
        const [held] = await tx
          .update(orders)
          .set({ expiresAt: started.expiresAt })
          .where(
            and(
              eq(orders.id, order.id),
              eq(orders.storeId, store.id),
              eq(orders.status, 'pending'),
              gt(orders.expiresAt, now),
            ),
          )
          .returning({ id: orders.id });
        if (!held) tx.rollback();
        return { status: 'voucher' as const, attempt };
      })
      .catch((error: unknown) => {
        if (error instanceof TransactionRollbackError) return { status: 'not_payable' as const };
        throw error;
      });
  } catch (error) {
    if (error instanceof PaymentNetworkError) return { status: 'unavailable' };
    throw error;
  }
}

/** The order's voucher that is issued, unpaid and not expired, if any. */
async function openVoucherOf(conn: Db | Tx, store: Store, orderId: string, now: Date) {
  const [open] = await conn
    .select()
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.orderId, orderId),
        eq(paymentAttempts.storeId, store.id),
        eq(paymentAttempts.method, 'voucher'),
        eq(paymentAttempts.status, 'started'),
        gt(paymentAttempts.expiresAt, now),
      ),
    );
  return open;
}

/** The order's latest wallet or voucher attempt, if any. */
export async function latestAttempt(
  db: Db,
  store: Store,
  orderId: string,
): Promise<PaymentAttempt | undefined> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, orderId), eq(paymentAttempts.storeId, store.id)))
    .orderBy(desc(paymentAttempts.createdAt))
    .limit(1);
  return attempt;
}

/** An attempt of this order by its id (a return URL names it): none for another order's. */
export async function findAttempt(
  db: Db,
  store: Store,
  orderId: string,
  attemptId: string,
): Promise<PaymentAttempt | undefined> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.id, attemptId),
        eq(paymentAttempts.orderId, orderId),
        eq(paymentAttempts.storeId, store.id),
      ),
    );
  return attempt;
}

export type ConfirmOutcome =
  | { status: 'paid'; order: OrderView }
  | { status: 'pending' }
  | { status: 'declined' }
  | { status: 'cancelled' }
  | { status: 'expired' }
  /** The provider's payment is not this order's (amount, currency or order differ): nothing paid. */
  | { status: 'mismatch' }
  /** Paid at the provider, but the order is not payable any more (expired, cancelled, paid otherwise). */
  | { status: 'not_payable'; code: 'order_expired' | 'order_not_pending' };

/**
 * Settles an attempt from what its provider says now — the one rule for the shopper's return
 * and for webhooks, neither of which is trusted on its own. A succeeded payment of exactly the
 * order's amount pays the order through markPaid, whose conditional update makes a return
 * and a webhook arriving together pay once (and write one order.paid event).
 */
export async function confirmAttempt(
  db: Db,
  store: Store,
  provider: OutOfBand,
  attempt: PaymentAttempt,
  now: Date,
): Promise<ConfirmOutcome> {
  const payment = await provider.retrieve(store, attempt.reference);
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, attempt.orderId), eq(orders.storeId, store.id)));
  if (
    !order ||
    payment.reference !== attempt.reference ||
    payment.orderId !== order.id ||
    payment.currency !== order.currency ||
    payment.amountMinor !== order.totalMinor
  ) {
    return { status: 'mismatch' };
  }
  const settle = (status: 'paid' | 'declined' | 'cancelled') =>
    db
      .update(paymentAttempts)
      .set({ status })
      .where(and(eq(paymentAttempts.id, attempt.id), eq(paymentAttempts.status, 'started')));
  switch (payment.status) {
    case 'pending':
      return { status: 'pending' };
    case 'expired':
      return { status: 'expired' };
    case 'failed':
      await settle('declined');
      return { status: 'declined' };
    case 'cancelled':
      await settle('cancelled');
      return { status: 'cancelled' };
    case 'succeeded': {
      try {
        const paidOrder = await markPaid(db, store, order.id, now, {
          provider: provider.id,
          reference: attempt.reference,
        });
        // Paid already by another payment (a card while the wallet was pending): this one
        // is money to give back, not a second payment.
        if (paidOrder.payment?.reference !== attempt.reference) {
          return { status: 'not_payable', code: 'order_not_pending' };
        }
        await settle('paid');
        return { status: 'paid', order: paidOrder };
      } catch (error) {
        if (
          error instanceof ApiError &&
          (error.code === 'order_expired' || error.code === 'order_not_pending')
        ) {
          return { status: 'not_payable', code: error.code };
        }
        throw error;
      }
    }
  }
}

/** How a verified webhook was handled. */
export type WebhookOutcome = { duplicate: boolean; outcome: ConfirmOutcome['status'] | null };

/**
 * A provider's webhook for a store: verified by its signature, handled once per event id (a
 * repeated delivery answers as done), and settled as a return is, by asking the provider.
 * Errors (stable codes): a bad signature 400 `invalid_signature`; a payment we never started
 * 404 `payment_not_found`; paid too late 409 `order_expired` / `order_not_pending`, so the
 * provider refunds it; a payment that does not match its order 422 `payment_mismatch`.
 */
export async function handlePaymentWebhook(
  db: Db,
  store: Store,
  provider: OutOfBand,
  body: string,
  headers: Record<string, string>,
  now: Date,
): Promise<WebhookOutcome> {
  const event = provider.verifyWebhook(store, body, headers);
  if (!event) throw new ApiError('invalid_signature', 'The webhook signature is not valid.');
  const eventKey = and(
    eq(paymentEvents.storeId, store.id),
    eq(paymentEvents.provider, provider.id),
    eq(paymentEvents.eventId, event.id),
  );
  const [seen] = await db.select().from(paymentEvents).where(eventKey);
  if (seen) return { duplicate: true, outcome: null };
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.provider, provider.id),
        eq(paymentAttempts.reference, event.reference),
        eq(paymentAttempts.storeId, store.id),
      ),
    );
  if (!attempt) throw new ApiError('payment_not_found', 'No payment with this reference.');
  let outcome: ConfirmOutcome;
  try {
    outcome = await confirmAttempt(db, store, provider, attempt, now);
  } catch (error) {
    if (error instanceof PaymentNetworkError) {
      throw new ApiError('service_unavailable', 'The payment provider could not be reached.');
    }
    throw error;
  }
  if (outcome.status === 'not_payable') {
    throw new ApiError(outcome.code, 'The order cannot be paid any more; refund the payment.');
  }
  if (outcome.status === 'mismatch') {
    throw new ApiError('payment_mismatch', 'The payment does not match its order.');
  }
  // Recorded once handled: a delivery that failed above is handled again on its retry.
  await db
    .insert(paymentEvents)
    .values({ storeId: store.id, provider: provider.id, eventId: event.id, receivedAt: now })
    .onConflictDoNothing();
  return { duplicate: false, outcome: outcome.status };
}
