import { randomUUID } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { attributedRef } from '../attribution.js';
import type { Tx } from '../db/index.js';
import { selectRows } from '../db/rows.js';
import { cartLines, carts, products, variantPrices, variants } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { MAX_LINE_QUANTITY } from '../limits.js';
import type { CartView } from '../schemas/carts.js';
import { isUuid } from '../uuid.js';
import {
  type CartRow,
  cartView,
  type PricedLine,
  pricedLinesOf,
  stockForCart,
} from './cart-view.js';
import { type CartContext, cartNotFound, pointsAfterChange, usableCart } from './carts.js';
import { memberPricedLines } from './member-prices.js';
import { checkEarlyAccess } from './membership.js';
import {
  checkStored,
  storedUnder,
  type WriteKey,
  type WriteOutcome,
  writeOnce,
} from './write-once.js';

/*
 * The cart line writes, the busiest writes of a shop, in few statements (decisions/012):
 *
 *   BEGIN
 *   1. lock the cart row; in the same statement, the answer stored under the request's
 *      Idempotency-Key (a retry ends here) and, to add a line, the variant
 *   2. the line write, the cart touched, and the cart's priced lines as the write leaves
 *      them, in one statement (data-modifying CTEs)
 *   3. the answer stored under the key (only with a key)
 *   COMMIT
 *
 * The lock is its own statement because a statement reads from a snapshot taken when it
 * starts: one that waited for the lock would read the lines as they were before the write
 * it waited for. Totals, points and the view are computed here from what statement 2
 * returned; the redemption is lowered by a statement of its own only when a smaller cart
 * no longer allows it.
 */

/** What a line write changed, as statement 2 returns it. */
interface Written {
  id: string;
  variantId: string;
  quantity: number;
  /** The line's quantity before the write (null for a new line). */
  previous: number | null;
  stock: number;
}

/** Statement 1: the cart, locked and checked, with what `extra` selects beside it. */
async function lockCart<E extends Record<string, SQL>>(
  tx: Tx,
  ctx: CartContext,
  cartId: string,
  key: WriteKey | null,
  extra: E,
) {
  if (!isUuid(cartId)) throw cartNotFound();
  const [row] = await tx
    .select({ cart: carts, stored: storedUnder(key), ...extra })
    .from(carts)
    .where(and(eq(carts.id, cartId), eq(carts.storeId, ctx.store.id)))
    .for('update');
  if (!row) throw cartNotFound();
  // A stored answer is replayed whatever became of the cart since.
  checkStored(key, row.stored, ctx.now);
  return { cart: usableCart(ctx, row.cart), row };
}

/**
 * Statement 2: `write` (an insert, update or delete of cart_lines returning its rows), the
 * cart touched, and the cart's priced lines as the write leaves them. The statement's own
 * reads do not see its write, so the line set is the stored lines with the written ones
 * swapped in (or, for a delete, left out).
 */
async function writeLines(
  tx: Tx,
  ctx: CartContext,
  cart: CartRow,
  write: SQL,
  kind: 'upsert' | 'delete',
): Promise<{ lines: PricedLine[]; written: Written | null }> {
  const columns = sql.raw(
    'id, store_id, cart_id, product_id, variant_id, quantity, ref, campaign, created_at',
  );
  const stored = sql`select ${columns} from ${cartLines}
    where cart_id = ${cart.id} and id not in (select id from written)`;
  const lineSet =
    kind === 'delete'
      ? sql`(${stored})`
      : sql`(${stored} union all select ${columns} from written)`;
  const [row] = await selectRows<{ lines: PricedLine[]; written: Written | null }>(
    tx,
    sql`with written as (${write}),
      touched as (update ${carts} set updated_at = ${ctx.now} where ${carts.id} = ${cart.id})
    select ${pricedLinesOf(cart, lineSet)} as lines, (
      select json_build_object(
        'id', w.id, 'variantId', w.variant_id, 'quantity', w.quantity, 'stock', ${stockForCart(cart.id)},
        'previous', (select quantity from ${cartLines} old_line where old_line.id = w.id))
      from written w join ${variants} on ${variants.id} = w.variant_id
    ) as written`,
  );
  return row!;
}

function checkQuantity(variantId: string, quantity: number, stock: number) {
  if (quantity > MAX_LINE_QUANTITY) {
    throw new ApiError(
      'quantity_limit_exceeded',
      `A line holds at most ${MAX_LINE_QUANTITY} units.`,
      { variantId, max: MAX_LINE_QUANTITY },
    );
  }
  if (quantity > stock) {
    throw new ApiError('out_of_stock', 'Not enough stock for this quantity.', {
      variantId,
      available: Math.max(0, stock),
    });
  }
}

/**
 * After the write: the cart's redemption still fits (pointsAfterChange; a statement only
 * when it must be lowered) and the view, built from what the write returned.
 */
async function finish(
  tx: Tx,
  ctx: CartContext,
  cart: CartRow,
  read: PricedLine[],
  grew: boolean,
): Promise<CartView> {
  const priced = await memberPricedLines(
    tx,
    ctx.store,
    cart.customerId,
    cart.currency,
    read,
    ctx.now,
  );
  const pointsRedeemed = pointsAfterChange(ctx.store, cart, priced.lines, grew);
  if (pointsRedeemed !== cart.pointsRedeemed) {
    await tx.update(carts).set({ pointsRedeemed }).where(eq(carts.id, cart.id));
  }
  const updated = { ...cart, pointsRedeemed, updatedAt: ctx.now };
  return cartView(tx, ctx.store, updated, ctx.origin, ctx.now, priced);
}

/** What the lock statement says of the variant to add (a JSON column beside the cart). */
interface VariantToAdd {
  productId: string;
  priced: boolean;
}

/** A variant of this store, on an active product, and whether it has a price in the cart's currency. */
function variantToAdd(ctx: CartContext, variantId: string): SQL<VariantToAdd | null> {
  // Spelled out: drizzle leaves columns unqualified in the single-table select it joins.
  return sql<VariantToAdd | null>`(
    select json_build_object('productId', v.product_id, 'priced', vp.amount_minor is not null)
    from ${variants} v
    join ${products} p on p.id = v.product_id and p.status = 'active'
    left join ${variantPrices} vp on vp.variant_id = v.id and vp.currency = "carts"."currency"
    where v.id = ${variantId} and v.store_id = ${ctx.store.id}
  )`;
}

export interface AddLineInput {
  variantId: string;
  quantity: number;
  ref?: string | undefined;
  refAt?: string | undefined;
  campaign?: string | undefined;
  campaignAt?: string | undefined;
}

/** Adds a variant to the cart (to the quantity of its line if it has one). */
export async function addLine(
  ctx: CartContext,
  cartId: string,
  input: AddLineInput,
  key: WriteKey | null = null,
): Promise<WriteOutcome<CartView>> {
  const ref = attributedRef(ctx.store.settings, input, ctx.now) ?? null;
  // A message's link counts as long as a creator's: the same window, the same rule.
  const campaign =
    attributedRef(ctx.store.settings, { ref: input.campaign, refAt: input.campaignAt }, ctx.now) ??
    null;
  const variantId = input.variantId;
  return writeOnce(ctx.db, key, ctx.now, async (tx) => {
    // The variant is checked beside the lock (statement 1): a missing variant writes nothing.
    const variant = isUuid(variantId) ? variantToAdd(ctx, variantId) : sql<null>`null`;
    const { cart, row } = await lockCart(tx, ctx, cartId, key, { variant });
    const found = row.variant as VariantToAdd | null;
    if (!found) throw new ApiError('variant_not_found', 'No such variant.');
    if (!found.priced) {
      throw new ApiError('price_unavailable', `This variant has no price in ${cart.currency}.`, {
        variantId,
        currency: cart.currency,
      });
    }
    await checkEarlyAccess(
      tx,
      ctx.store,
      cart.customerId ?? ctx.customerId,
      [found.productId],
      ctx.now,
    );
    const upsert = tx
      .insert(cartLines)
      .values({
        id: randomUUID(),
        storeId: ctx.store.id,
        cartId: cart.id,
        productId: found.productId,
        variantId,
        quantity: input.quantity,
        ref,
        campaign,
        createdAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.variantId],
        set: {
          quantity: sql`${cartLines.quantity} + excluded.quantity`,
          ref: sql`coalesce(${cartLines.ref}, excluded.ref)`,
          campaign: sql`coalesce(${cartLines.campaign}, excluded.campaign)`,
        },
      })
      .returning();
    const { lines, written } = await writeLines(tx, ctx, cart, upsert.getSQL(), 'upsert');
    checkQuantity(variantId, written!.quantity, written!.stock);
    return finish(tx, ctx, cart, lines, true);
  });
}

/** Sets a line's quantity; 0 removes it. */
export async function updateLine(
  ctx: CartContext,
  cartId: string,
  lineId: string,
  quantity: number,
  key: WriteKey | null = null,
): Promise<WriteOutcome<CartView>> {
  return writeOnce(ctx.db, key, ctx.now, async (tx) => {
    const { cart } = await lockCart(tx, ctx, cartId, key, {});
    const lineNotFound = () => new ApiError('line_not_found', 'No such line in this cart.');
    if (!isUuid(lineId)) throw lineNotFound();
    const thisLine = and(eq(cartLines.id, lineId), eq(cartLines.cartId, cart.id));
    const write =
      quantity === 0
        ? tx.delete(cartLines).where(thisLine).returning()
        : tx.update(cartLines).set({ quantity }).where(thisLine).returning();
    const { lines, written } = await writeLines(
      tx,
      ctx,
      cart,
      write.getSQL(),
      quantity === 0 ? 'delete' : 'upsert',
    );
    if (!written) throw lineNotFound();
    if (quantity > 0) checkQuantity(written.variantId, quantity, written.stock);
    return finish(tx, ctx, cart, lines, quantity > (written.previous ?? 0));
  });
}

export async function removeLine(
  ctx: CartContext,
  cartId: string,
  lineId: string,
  key: WriteKey | null = null,
) {
  return updateLine(ctx, cartId, lineId, 0, key);
}
