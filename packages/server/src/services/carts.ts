import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { attributedRef } from '../attribution.js';
import type { Db, Tx } from '../db/index.js';
import { cartLines, carts, products, variantPrices, variants } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { MAX_LINE_QUANTITY } from '../limits.js';
import type { CartView } from '../schemas/carts.js';
import { isUuid } from '../uuid.js';
import { type CartRow, cartView, pricedLines, stockForCart } from './cart-view.js';
import { lockCustomer } from './locks.js';
import { checkedMinor, linesTotalMinor } from './money.js';
import { pricePoints } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;

/** Everything a cart operation needs besides its input: who, where, when. */
export interface CartContext {
  db: Db;
  store: Store;
  /** The signed-in customer, or null for a guest. */
  customerId: string | null;
  now: Date;
  /** Origin for image URLs. */
  origin: string;
}

/**
 * Finds a cart the caller may use. Other stores' carts, malformed ids, other customers'
 * carts and merged carts are all "not found": their existence is not revealed. An ordered
 * (paid) cart answers 409 `cart_not_active`. A guest cart is usable by whoever holds its
 * (unguessable) id.
 */
export async function findCart(
  conn: Conn,
  ctx: Pick<CartContext, 'store' | 'customerId'>,
  cartId: string,
  options: { lock?: boolean } = {},
): Promise<CartRow> {
  const notFound = () => new ApiError('cart_not_found', 'No such cart.');
  if (!isUuid(cartId)) throw notFound();
  const query = conn
    .select()
    .from(carts)
    .where(and(eq(carts.id, cartId), eq(carts.storeId, ctx.store.id)));
  const [cart] = options.lock ? await query.for('update') : await query;
  if (!cart) throw notFound();
  if (cart.customerId !== null && cart.customerId !== ctx.customerId) throw notFound();
  // An ordered cart was paid for: reads and writes say so, so a client starts a new cart.
  if (cart.status === 'ordered') {
    throw new ApiError('cart_not_active', 'This cart was ordered and paid for.', {
      status: cart.status,
    });
  }
  if (cart.status !== 'active') throw notFound();
  return cart;
}

/**
 * The cart's currency: the one asked for if the store sells it, else the store's default,
 * as product reads do. A shopper whose locale implies another currency (EGP, JPY, …) still
 * gets a cart; its Money says which currency it is in.
 */
export function checkCurrency(store: Store, currency: string | undefined): string {
  return currency && store.currencies.includes(currency) ? currency : store.currencies[0]!;
}
/** A customer's active cart, locked, or undefined. Caller holds the customer lock. */
export async function activeCartOf(tx: Tx, storeId: string, customerId: string) {
  const [cart] = await tx
    .select()
    .from(carts)
    .where(
      and(eq(carts.storeId, storeId), eq(carts.customerId, customerId), eq(carts.status, 'active')),
    )
    .for('update');
  return cart;
}

export async function insertCart(
  tx: Tx,
  ctx: CartContext,
  currency: string,
  customerId: string | null,
) {
  const [cart] = await tx
    .insert(carts)
    .values({
      id: randomUUID(),
      storeId: ctx.store.id,
      customerId,
      currency,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  return cart!;
}

/**
 * A new guest cart, or for a signed-in customer their one active cart (created if none;
 * the customer row lock plus a partial unique index keep it to one).
 */
export async function createCart(
  ctx: CartContext,
  requestedCurrency: string | undefined,
): Promise<{ cart: CartView; created: boolean }> {
  const currency = checkCurrency(ctx.store, requestedCurrency);
  return ctx.db.transaction(async (tx) => {
    if (!ctx.customerId) {
      const cart = await insertCart(tx, ctx, currency, null);
      return { cart: await cartView(tx, ctx.store, cart, ctx.origin, []), created: true };
    }
    await lockCustomer(tx, ctx.store.id, ctx.customerId);
    const existing = await activeCartOf(tx, ctx.store.id, ctx.customerId);
    if (existing)
      return { cart: await cartView(tx, ctx.store, existing, ctx.origin), created: false };
    const cart = await insertCart(tx, ctx, currency, ctx.customerId);
    return { cart: await cartView(tx, ctx.store, cart, ctx.origin, []), created: true };
  });
}

export async function getCart(ctx: CartContext, cartId: string): Promise<CartView> {
  const cart = await findCart(ctx.db, ctx, cartId);
  return cartView(ctx.db, ctx.store, cart, ctx.origin);
}

/** A variant of this store, on an active product, with its price in the cart's currency. */
async function sellableVariant(tx: Tx, store: Store, variantId: string, cart: CartRow) {
  const currency = cart.currency;
  const notFound = () => new ApiError('variant_not_found', 'No such variant.');
  if (!isUuid(variantId)) throw notFound();
  const [row] = await tx
    .select({
      id: variants.id,
      productId: variants.productId,
      stock: stockForCart(cart.id),
      priceMinor: variantPrices.amountMinor,
    })
    .from(variants)
    .innerJoin(products, and(eq(products.id, variants.productId), eq(products.status, 'active')))
    .leftJoin(
      variantPrices,
      and(eq(variantPrices.variantId, variants.id), eq(variantPrices.currency, currency)),
    )
    .where(and(eq(variants.id, variantId), eq(variants.storeId, store.id)));
  if (!row) throw notFound();
  if (row.priceMinor === null) {
    throw new ApiError('price_unavailable', `This variant has no price in ${currency}.`, {
      variantId,
      currency,
    });
  }
  return row;
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
 * After a change to a cart's lines: a cart that `grew` must keep its subtotal within
 * MAX_AMOUNT_MINOR (else the change is rolled back: `amount_too_large`); a points
 * redemption that now exceeds the share of the subtotal points may pay is lowered to the
 * most that fits, and the cart is touched.
 */
export async function finishWrite(
  tx: Tx,
  ctx: CartContext,
  cart: CartRow,
  grew: boolean,
): Promise<CartView> {
  const lines = await pricedLines(tx, cart);
  const subtotal = linesTotalMinor(lines);
  if (grew) checkedMinor(subtotal, cart.currency);
  const price = pricePoints(
    ctx.store.pointsRules,
    { subtotalMinor: subtotal, currency: cart.currency },
    cart.pointsRedeemed,
  );
  const points = price.withinLimit ? cart.pointsRedeemed : price.maxRedeemable;
  const [updated] = await tx
    .update(carts)
    .set({ pointsRedeemed: points, updatedAt: ctx.now })
    .where(eq(carts.id, cart.id))
    .returning();
  return cartView(tx, ctx.store, updated!, ctx.origin, lines);
}

export async function addLine(
  ctx: CartContext,
  cartId: string,
  input: {
    variantId: string;
    quantity: number;
    ref?: string | undefined;
    refAt?: string | undefined;
    campaign?: string | undefined;
    campaignAt?: string | undefined;
  },
): Promise<CartView> {
  const ref = attributedRef(ctx.store.settings, input, ctx.now);
  // A message's link counts as long as a creator's: the same window, the same rule.
  const campaign = attributedRef(
    ctx.store.settings,
    { ref: input.campaign, refAt: input.campaignAt },
    ctx.now,
  );
  return ctx.db.transaction(async (tx) => {
    // The cart row lock serialises writes to one cart, so quantities add up exactly.
    const cart = await findCart(tx, ctx, cartId, { lock: true });
    const variant = await sellableVariant(tx, ctx.store, input.variantId, cart);
    const [existing] = await tx
      .select()
      .from(cartLines)
      .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.variantId, variant.id)));
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    checkQuantity(variant.id, quantity, variant.stock);
    if (existing) {
      await tx
        .update(cartLines)
        .set({
          quantity,
          ref: existing.ref ?? ref ?? null,
          campaign: existing.campaign ?? campaign ?? null,
        })
        .where(eq(cartLines.id, existing.id));
    } else {
      await tx.insert(cartLines).values({
        id: randomUUID(),
        storeId: ctx.store.id,
        cartId: cart.id,
        productId: variant.productId,
        variantId: variant.id,
        quantity,
        ref: ref ?? null,
        campaign: campaign ?? null,
        createdAt: ctx.now,
      });
    }
    return finishWrite(tx, ctx, cart, true);
  });
}

async function findLine(tx: Tx, cart: CartRow, lineId: string) {
  const notFound = () => new ApiError('line_not_found', 'No such line in this cart.');
  if (!isUuid(lineId)) throw notFound();
  const [line] = await tx
    .select()
    .from(cartLines)
    .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cart.id)));
  if (!line) throw notFound();
  return line;
}

/** Sets a line's quantity; 0 removes it. */
export async function updateLine(
  ctx: CartContext,
  cartId: string,
  lineId: string,
  quantity: number,
): Promise<CartView> {
  return ctx.db.transaction(async (tx) => {
    const cart = await findCart(tx, ctx, cartId, { lock: true });
    const line = await findLine(tx, cart, lineId);
    if (quantity === 0) {
      await tx.delete(cartLines).where(eq(cartLines.id, line.id));
    } else {
      const [variant] = await tx
        .select({ stock: stockForCart(cart.id) })
        .from(variants)
        .where(eq(variants.id, line.variantId));
      checkQuantity(line.variantId, quantity, variant?.stock ?? 0);
      await tx.update(cartLines).set({ quantity }).where(eq(cartLines.id, line.id));
    }
    return finishWrite(tx, ctx, cart, quantity > line.quantity);
  });
}

export async function removeLine(ctx: CartContext, cartId: string, lineId: string) {
  return updateLine(ctx, cartId, lineId, 0);
}

/** Marks a cart ordered when its order is paid; only an active one. */
export async function markCartOrdered(tx: Tx, cartId: string, now: Date) {
  await tx
    .update(carts)
    .set({ status: 'ordered', updatedAt: now })
    .where(and(eq(carts.id, cartId), sql`${carts.status} = 'active'`));
}
