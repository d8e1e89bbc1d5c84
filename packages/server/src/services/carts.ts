import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { carts } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import type { CartView } from '../schemas/carts.js';
import { isUuid } from '../uuid.js';
import { type CartRow, cartView, type PricedLine, pricedLines } from './cart-view.js';
import { lockCustomer } from './locks.js';
import { memberPricedLines } from './member-prices.js';
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
  if (!isUuid(cartId)) throw cartNotFound();
  const query = conn
    .select()
    .from(carts)
    .where(and(eq(carts.id, cartId), eq(carts.storeId, ctx.store.id)));
  const [cart] = options.lock ? await query.for('update') : await query;
  return usableCart(ctx, cart);
}

export const cartNotFound = () => new ApiError('cart_not_found', 'No such cart.');

/** The checks of findCart on a row of this store's carts read by the caller's own statement. */
export function usableCart(
  ctx: Pick<CartContext, 'customerId'>,
  cart: CartRow | undefined,
): CartRow {
  if (!cart) throw cartNotFound();
  if (cart.customerId !== null && cart.customerId !== ctx.customerId) throw cartNotFound();
  // An ordered cart was paid for: reads and writes say so, so a client starts a new cart.
  if (cart.status === 'ordered') {
    throw new ApiError('cart_not_active', 'This cart was ordered and paid for.', {
      status: cart.status,
    });
  }
  if (cart.status !== 'active') throw cartNotFound();
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
      return {
        cart: await cartView(tx, ctx.store, cart, ctx.origin, ctx.now, { lines: [] }),
        created: true,
      };
    }
    await lockCustomer(tx, ctx.store.id, ctx.customerId);
    const existing = await activeCartOf(tx, ctx.store.id, ctx.customerId);
    if (existing)
      return { cart: await cartView(tx, ctx.store, existing, ctx.origin, ctx.now), created: false };
    const cart = await insertCart(tx, ctx, currency, ctx.customerId);
    return {
      cart: await cartView(tx, ctx.store, cart, ctx.origin, ctx.now, { lines: [] }),
      created: true,
    };
  });
}

export async function getCart(ctx: CartContext, cartId: string): Promise<CartView> {
  const cart = await findCart(ctx.db, ctx, cartId);
  return cartView(ctx.db, ctx.store, cart, ctx.origin, ctx.now);
}

/**
 * The points a cart redeems after a change to its lines: a cart that `grew` must keep its
 * subtotal within MAX_AMOUNT_MINOR (else `amount_too_large`, and the caller's transaction
 * rolls the change back); a redemption that now exceeds the share of the subtotal points
 * may pay is lowered to the most that fits.
 */
export function pointsAfterChange(
  store: Store,
  cart: CartRow,
  lines: PricedLine[],
  grew: boolean,
): number {
  const subtotal = linesTotalMinor(lines);
  if (grew) checkedMinor(subtotal, cart.currency);
  const price = pricePoints(
    store.pointsRules,
    { subtotalMinor: subtotal, currency: cart.currency },
    cart.pointsRedeemed,
  );
  return price.withinLimit ? cart.pointsRedeemed : price.maxRedeemable;
}

/** After a change to a cart's lines (pointsAfterChange), the cart touched and its view. */
export async function finishWrite(
  tx: Tx,
  ctx: CartContext,
  cart: CartRow,
  grew: boolean,
): Promise<CartView> {
  const priced = await memberPricedLines(
    tx,
    ctx.store,
    cart.customerId,
    cart.currency,
    await pricedLines(tx, cart),
    ctx.now,
  );
  const points = pointsAfterChange(ctx.store, cart, priced.lines, grew);
  const [updated] = await tx
    .update(carts)
    .set({ pointsRedeemed: points, updatedAt: ctx.now })
    .where(eq(carts.id, cart.id))
    .returning();
  return cartView(tx, ctx.store, updated!, ctx.origin, ctx.now, priced);
}

/** Marks a cart ordered when its order is paid; only an active one. */
export async function markCartOrdered(tx: Tx, cartId: string, now: Date) {
  await tx
    .update(carts)
    .set({ status: 'ordered', updatedAt: now })
    .where(and(eq(carts.id, cartId), sql`${carts.status} = 'active'`));
}
