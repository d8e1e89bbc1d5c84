import { and, eq } from 'drizzle-orm';
import { carts, orders } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { cartView, pricedLines } from './cart-view.js';
import { type CartContext, findCart } from './carts.js';
import { lockCustomer } from './locks.js';
import { linesTotalMinor } from './money.js';
import { lockedBalance } from './points.js';
import { pricePoints } from './points-pricing.js';

/**
 * Sets the points a customer redeems on their own cart (0 removes). Checked against the
 * balance (under the customer lock, after expiry) and the store's maxRedeemPercent; the
 * balance is checked again at checkout, where the points are actually spent.
 */
export async function setPoints(ctx: CartContext, cartId: string, points: number) {
  if (!ctx.customerId) throw new ApiError('unauthenticated', 'Sign in to redeem points.');
  const customerId = ctx.customerId;
  return ctx.db.transaction(async (tx) => {
    await lockCustomer(tx, ctx.store.id, customerId);
    const cart = await findCart(tx, ctx, cartId, { lock: true });
    if (cart.customerId !== customerId) {
      throw new ApiError('forbidden', 'Points can only be redeemed on your own cart.');
    }
    if (points > 0) {
      const rules = ctx.store.pointsRules;
      const subtotalMinor = linesTotalMinor(await pricedLines(tx, cart));
      const price = pricePoints(rules, { subtotalMinor, currency: cart.currency }, points);
      if (price.worthMinor === null) {
        throw new ApiError(
          'unsupported_currency',
          `Points cannot be converted to ${cart.currency}.`,
          undefined,
          422,
        );
      }
      // Points the cart's pending order already redeemed come back when it is checked out
      // again, so they count as available here.
      const [held] = await tx
        .select({ points: orders.pointsRedeemed })
        .from(orders)
        .where(
          and(
            eq(orders.cartId, cart.id),
            eq(orders.status, 'pending'),
            eq(orders.customerId, customerId),
          ),
        );
      const balance =
        (await lockedBalance(tx, ctx.store, customerId, ctx.now)) + (held?.points ?? 0);
      if (points > balance) {
        throw new ApiError('insufficient_points', 'Not enough points.', {
          balance: Math.max(0, balance),
          requested: points,
        });
      }
      if (!price.withinLimit) {
        throw new ApiError(
          'points_limit_exceeded',
          `Points may pay at most ${rules.maxRedeemPercent}% of the subtotal.`,
          { maxPoints: Math.min(price.maxRedeemable, balance) },
        );
      }
    }
    const [updated] = await tx
      .update(carts)
      .set({ pointsRedeemed: points, updatedAt: ctx.now })
      .where(eq(carts.id, cart.id))
      .returning();
    return cartView(tx, ctx.store, updated!, ctx.origin, ctx.now);
  });
}
