import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { customers, orderLines, orders, variants } from '../db/schema/index.js';
import { DEFAULT_ORDER_HOLD_MINUTES } from '../db/types.js';
import { ApiError } from '../errors.js';
import type { OrderView } from '../schemas/orders.js';
import { isUuid } from '../uuid.js';
import { type PricedLine, pricedLines } from './cart-view.js';
import { type CartContext, findCart } from './carts.js';
import { lockCustomer, lockCustomers, lockVariants } from './locks.js';
import { memberPricedLines } from './member-prices.js';
import { checkEarlyAccess } from './membership.js';
import { checkedMinor, linesTotalMinor } from './money.js';
import { releaseOrder } from './order-release.js';
import { effectiveStatus, type OrderRow, orderView } from './order-views.js';
import { redeemForOrder } from './points.js';
import { pricePoints } from './points-pricing.js';
import { priceShipping } from './shipping/order-shipping.js';
import type { Store } from './stores.js';
import { enqueueOrderEvent } from './webhooks/outbox.js';

type Conn = Db | Tx;

/** How long this store's unpaid orders hold their stock and points. */
export function orderHoldMs(store: Store): number {
  return (store.settings.orderHoldMinutes ?? DEFAULT_ORDER_HOLD_MINUTES) * 60_000;
}

/**
 * The cart's open order (pending; paid only in the instant before the cart is converted).
 * `lock`: its row is locked, in the lock order (after the cart, before the variants), so a
 * checkout replacing it and an expiry sweep releasing it wait on the order, not in a cycle
 * through the variants both restock; an order the sweep released meanwhile is not open.
 */
async function openOrderOf(conn: Conn, storeId: string, cartId: string, lock = false) {
  const query = conn
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.cartId, cartId),
        eq(orders.storeId, storeId),
        inArray(orders.status, ['pending', 'paid']),
      ),
    );
  const [order] = lock ? await query.for('update') : await query;
  return order;
}

/** What a checkout of the cart would order now, to compare with its pending order. */
interface Snapshot {
  customerId: string | null;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  pointsRedeemed: number;
  lines: PricedLine[];
}

const lineKey = (l: {
  variantId: string;
  quantity: number;
  unitPriceMinor: number;
  ref: string | null;
  campaign: string | null;
}) => `${l.variantId}:${l.quantity}:${l.unitPriceMinor}:${l.ref ?? ''}:${l.campaign ?? ''}`;

/** Whether the pending order holds exactly what the cart would order now (prices included). */
async function holdsSnapshot(tx: Tx, order: OrderRow, next: Snapshot): Promise<boolean> {
  if (
    order.customerId !== next.customerId ||
    order.currency !== next.currency ||
    order.subtotalMinor !== next.subtotalMinor ||
    order.discountMinor !== next.discountMinor ||
    order.pointsRedeemed !== next.pointsRedeemed
  ) {
    return false;
  }
  const held = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const a = held.map(lineKey).sort();
  const b = next.lines.map((l) => lineKey({ ...l, unitPriceMinor: l.unitMinor })).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
/**
 * The replaced order's address and rate, on the new order: the shopper who went back to the
 * shop and changed the cart need not type the address again. A destination the new cart
 * cannot ship to (heavier than every band) leaves the new order without, to be asked again.
 */
async function carryShipping(tx: Tx, store: Store, order: OrderRow, replaced: OrderRow, now: Date) {
  const address = replaced.shippingAddress ?? undefined;
  try {
    return await priceShipping(
      tx,
      store,
      order,
      { address, ...(replaced.shippingRate ? { rateId: replaced.shippingRate.rateId } : {}) },
      now,
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      // The rate alone may be what no longer fits: the cheapest one that does.
      if (error.code === 'shipping_rate_unavailable') {
        return priceShipping(tx, store, order, { address }, now);
      }
      return order;
    }
    throw error;
  }
}

/**
 * Checks a cart out into a pending order, in ONE transaction. The cart stays active (the
 * shopper may come back to it); it becomes 'ordered' only when the order is paid.
 *
 * - The cart's pending order is reused when it still holds exactly what the cart would order
 *   (its hold renewed), so a repeated checkout is harmless. If the cart changed, or the hold
 *   is over, that order is released (cancelled, or expired) — its stock and points back,
 *   once — and a new one is made.
 * - Stock is taken line by line with a conditional decrement (`stock >= q`), so two checkouts
 *   never sell the same last unit; points are re-checked and spent under the customer's row
 *   lock; the partial unique index orders_one_open_per_cart keeps one open order per cart.
 * - Lock order everywhere: customers, cart, order, variants (no deadlocks). Any failure rolls
 *   everything back.
 */
export async function checkout(
  ctx: CartContext,
  cartId: string,
  email: string | undefined,
): Promise<{ order: OrderView; created: boolean }> {
  const { store, now } = ctx;
  // The customer of the cart's open order is locked up front too: replacing that order
  // gives its points back. Read without a lock; re-checked once the cart is locked.
  const peek = isUuid(cartId) ? await openOrderOf(ctx.db, store.id, cartId) : undefined;
  return ctx.db.transaction(async (tx) => {
    const locked = await lockCustomers(tx, store.id, [ctx.customerId, peek?.customerId]);
    const cart = await findCart(tx, ctx, cartId, { lock: true });
    const customerId = cart.customerId ?? ctx.customerId;
    // Member prices of the shopper's tier at this moment, whatever the cart showed before.
    const { lines } = await memberPricedLines(
      tx,
      store,
      customerId,
      cart.currency,
      await pricedLines(tx, cart),
      now,
    );
    if (lines.length === 0) throw new ApiError('empty_cart', 'The cart is empty.');
    await checkEarlyAccess(
      tx,
      store,
      customerId,
      lines.map((l) => l.productId),
      now,
    );
    const subtotal = linesTotalMinor(lines);
    const subtotalMinor = checkedMinor(subtotal, cart.currency);

    const points = cart.pointsRedeemed;
    const price = pricePoints(
      store.pointsRules,
      { subtotalMinor: subtotal, currency: cart.currency },
      points,
    );
    if (!price.withinLimit) {
      throw new ApiError(
        'points_limit_exceeded',
        `Points may pay at most ${store.pointsRules.maxRedeemPercent}% of the subtotal.`,
      );
    }
    // Within the limit, the discount is the points' whole worth (a number: the subtotal is checked).
    const discountMinor = Number(price.discountMinor);
    const expiresAt = new Date(now.getTime() + orderHoldMs(store));

    const open = await openOrderOf(tx, store.id, cart.id, true);
    if (open?.status === 'paid') {
      throw new ApiError('cart_not_active', 'This cart has already been checked out.');
    }
    if (open) {
      const live = effectiveStatus(open, now) === 'pending';
      const unchanged =
        live &&
        (await holdsSnapshot(tx, open, {
          customerId,
          currency: cart.currency,
          subtotalMinor,
          discountMinor,
          pointsRedeemed: points,
          lines,
        }));
      if (unchanged) {
        // Renewed, never shortened: an issued voucher holds the order until it expires.
        const [kept] = await tx
          .update(orders)
          .set({
            expiresAt: sql`greatest(${orders.expiresAt}, ${expiresAt.toISOString()}::timestamptz)`,
            ...(email ? { email } : {}),
          })
          .where(and(eq(orders.id, open.id), eq(orders.status, 'pending')))
          .returning();
        if (kept) return { order: await orderView(tx, store, kept, now), created: false };
      }
      // Rare: the open order changed hands between the peek and the cart lock.
      if (open.customerId && !locked.has(open.customerId)) {
        await lockCustomer(tx, store.id, open.customerId);
      }
      const held = await tx
        .select({ variantId: orderLines.variantId })
        .from(orderLines)
        .where(eq(orderLines.orderId, open.id));
      await lockVariants(
        tx,
        [...held, ...lines].map((l) => l.variantId),
      );
      await releaseOrder(tx, store, open.id, {
        to: live ? 'cancelled' : 'expired',
        from: ['pending'],
        reason: live ? 'Order replaced' : 'Order expired',
        now,
      });
    }

    // Variant order is fixed so concurrent checkouts lock rows in the same order (no deadlock).
    for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      const taken = await tx
        .update(variants)
        .set({ stock: sql`${variants.stock} - ${line.quantity}` })
        .where(
          and(
            eq(variants.id, line.variantId),
            eq(variants.storeId, store.id),
            sql`${variants.stock} >= ${line.quantity}`,
          ),
        )
        .returning({ stock: variants.stock });
      if (taken.length === 0) {
        const [current] = await tx
          .select({ stock: variants.stock })
          .from(variants)
          .where(eq(variants.id, line.variantId));
        throw new ApiError('out_of_stock', 'Not enough stock for a line of this cart.', {
          variantId: line.variantId,
          available: current?.stock ?? 0,
        });
      }
    }

    let receipt = email ?? null;
    if (customerId && !receipt) {
      const [customer] = await tx
        .select({ email: customers.email })
        .from(customers)
        .where(eq(customers.id, customerId));
      receipt = customer?.email ?? null;
    }

    const orderId = randomUUID();
    const [order] = await tx
      .insert(orders)
      .values({
        id: orderId,
        storeId: store.id,
        cartId: cart.id,
        customerId,
        email: receipt,
        status: 'pending',
        currency: cart.currency,
        subtotalMinor,
        discountMinor,
        totalMinor: subtotalMinor - discountMinor,
        pointsRedeemed: points,
        createdAt: now,
        expiresAt,
      })
      // The cart lock serialises checkouts of one cart; the index is the last word.
      .onConflictDoNothing({
        target: orders.cartId,
        where: sql.raw(`status in ('pending', 'paid')`),
      })
      .returning();
    if (!order) throw new ApiError('cart_not_active', 'This cart has an open order already.');
    await tx.insert(orderLines).values(
      lines.map((l) => ({
        id: randomUUID(),
        storeId: store.id,
        orderId,
        productId: l.productId,
        variantId: l.variantId,
        title: l.title,
        variantTitle: l.variantTitle,
        quantity: l.quantity,
        unitPriceMinor: l.unitMinor,
        grams: l.grams,
        ref: l.ref,
        campaign: l.campaign,
      })),
    );
    if (points > 0) {
      if (!customerId) throw new ApiError('unauthenticated', 'Sign in to redeem points.');
      await redeemForOrder(tx, store, customerId, orderId, points, now);
    }
    const priced = open?.shippingAddress ? await carryShipping(tx, store, order, open, now) : order;
    const view = await orderView(tx, store, priced, now);
    await enqueueOrderEvent(tx, store.id, 'order.created', view, now);
    return { order: view, created: true };
  });
}
