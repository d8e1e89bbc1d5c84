import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { cartLines, carts, products, variantPrices, variants } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { MAX_LINE_QUANTITY } from '../limits.js';
import { isUuid } from '../uuid.js';
import { type CartRow, cartView, stockForCart } from './cart-view.js';
import { activeCartOf, type CartContext, finishWrite, insertCart } from './carts.js';
import { lockCustomer } from './locks.js';
import { releasePendingOrderOf } from './order-release.js';

/**
 * Folds a guest cart into the signed-in customer's active cart: quantities add, capped by
 * stock and the line limit; the guest cart becomes 'merged'. With no active cart, the
 * guest cart itself becomes the customer's. Without a guest cart: the customer's active
 * cart, created if none. All in one transaction under the customer lock.
 */
export async function mergeCart(ctx: CartContext, guestCartId: string | undefined) {
  if (!ctx.customerId) throw new ApiError('unauthenticated', 'Sign in first.');
  const customerId = ctx.customerId;
  return ctx.db.transaction(async (tx) => {
    await lockCustomer(tx, ctx.store.id, customerId);
    let guest: CartRow | undefined;
    if (guestCartId !== undefined) {
      const notFound = () => new ApiError('cart_not_found', 'No such cart.');
      if (!isUuid(guestCartId)) throw notFound();
      const [row] = await tx
        .select()
        .from(carts)
        .where(and(eq(carts.id, guestCartId), eq(carts.storeId, ctx.store.id)))
        .for('update');
      if (!row || (row.customerId !== null && row.customerId !== customerId)) throw notFound();
      // Already merged or ordered (a repeat after sign-in): nothing left to fold in.
      if (row.status === 'active' && row.customerId === null) guest = row;
    }
    const target = await activeCartOf(tx, ctx.store.id, customerId);
    if (!target) {
      if (guest) {
        const [adopted] = await tx
          .update(carts)
          .set({ customerId, updatedAt: ctx.now })
          .where(eq(carts.id, guest.id))
          .returning();
        return cartView(tx, ctx.store, adopted!, ctx.origin, ctx.now);
      }
      const cart = await insertCart(tx, ctx, ctx.store.currencies[0]!, customerId);
      return cartView(tx, ctx.store, cart, ctx.origin, ctx.now, { lines: [] });
    }
    if (!guest) return cartView(tx, ctx.store, target, ctx.origin, ctx.now);
    // Its lines are about to join the customer's cart: an order of the guest cart waiting
    // for payment would hold the same stock twice, so it is released (first, so the merge
    // counts that stock as available).
    await releasePendingOrderOf(tx, ctx.store, guest.id, customerId, ctx.now);

    const guestLines = await tx.select().from(cartLines).where(eq(cartLines.cartId, guest.id));
    const targetLines = await tx.select().from(cartLines).where(eq(cartLines.cartId, target.id));
    const variantIds = guestLines.map((l) => l.variantId);
    const sellable =
      variantIds.length === 0
        ? []
        : await tx
            .select({ id: variants.id, stock: stockForCart(target.id) })
            .from(variants)
            .innerJoin(
              products,
              and(eq(products.id, variants.productId), eq(products.status, 'active')),
            )
            .innerJoin(
              variantPrices,
              and(
                eq(variantPrices.variantId, variants.id),
                eq(variantPrices.currency, target.currency),
              ),
            )
            .where(and(inArray(variants.id, variantIds), eq(variants.storeId, ctx.store.id)));
    const stockOf = new Map(sellable.map((v) => [v.id, v.stock]));
    for (const line of guestLines) {
      const stock = stockOf.get(line.variantId);
      if (stock === undefined) continue; // not sellable in the target cart's currency
      const existing = targetLines.find((l) => l.variantId === line.variantId);
      const quantity = Math.min(
        (existing?.quantity ?? 0) + line.quantity,
        stock,
        MAX_LINE_QUANTITY,
      );
      if (existing) {
        if (quantity > existing.quantity) {
          await tx
            .update(cartLines)
            .set({
              quantity,
              ref: existing.ref ?? line.ref,
              campaign: existing.campaign ?? line.campaign,
            })
            .where(eq(cartLines.id, existing.id));
        }
      } else if (quantity > 0) {
        await tx.insert(cartLines).values({
          id: randomUUID(),
          storeId: ctx.store.id,
          cartId: target.id,
          productId: line.productId,
          variantId: line.variantId,
          quantity,
          ref: line.ref,
          campaign: line.campaign,
          createdAt: line.createdAt,
        });
      }
    }
    await tx
      .update(carts)
      .set({ status: 'merged', updatedAt: ctx.now })
      .where(eq(carts.id, guest.id));
    return finishWrite(tx, ctx, target, true);
  });
}
