import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { attributedRef } from '../attribution.js';
import type { Db, Tx } from '../db/index.js';
import {
  cartLines,
  carts,
  orders,
  productImages,
  products,
  variantPrices,
  variants,
} from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { MAX_LINE_QUANTITY } from '../limits.js';
import type { CartView } from '../schemas/carts.js';
import { isUuid } from '../uuid.js';
import { imageUrl } from './catalog.js';
import { checkedMinor, linesTotalMinor, toMoney } from './money.js';
import { releasePendingOrderOf } from './order-release.js';
import { lockCustomer, lockedBalance } from './points.js';
import { pointsToEarn, pricePoints } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type CartRow = typeof carts.$inferSelect;

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

/** A priced line: what the view shows and what checkout orders. */
export interface PricedLine {
  id: string;
  productId: string;
  variantId: string;
  title: string;
  variantTitle: string;
  handle: string;
  quantity: number;
  unitMinor: number;
  compareAtMinor: number | null;
  stock: number;
  ref: string | null;
  /** The variant's own picture (a product_images id), or null. */
  variantImageId: string | null;
}

/**
 * Units of a variant this cart may hold: the stock, plus what the cart's own pending order
 * holds (back from the payment page, the shopper may keep or change those lines; a new
 * checkout gives them back before taking stock again). One subquery, no extra statement.
 */
function stockForCart(cartId: string) {
  // Spelled out: drizzle leaves columns unqualified in single-table selects.
  return sql<number>`"variants"."stock" + coalesce((
    select ol.quantity from order_lines ol join orders o on o.id = ol.order_id
    where o.cart_id = ${cartId} and o.status = 'pending' and ol.variant_id = "variants"."id"
  ), 0)`.mapWith(Number);
}

/**
 * The cart's lines that can still be bought: the product is active and the variant has a
 * price in the cart's currency. Others stay stored but are neither shown nor ordered.
 */
export async function pricedLines(conn: Conn, cart: CartRow): Promise<PricedLine[]> {
  const rows = await conn
    .select({
      id: cartLines.id,
      productId: cartLines.productId,
      variantId: cartLines.variantId,
      title: products.title,
      variantTitle: variants.title,
      handle: products.handle,
      quantity: cartLines.quantity,
      unitMinor: variantPrices.amountMinor,
      compareAtMinor: variantPrices.compareAtMinor,
      stock: stockForCart(cart.id),
      ref: cartLines.ref,
      variantImageId: variants.imageId,
    })
    .from(cartLines)
    .innerJoin(variants, eq(variants.id, cartLines.variantId))
    .innerJoin(products, and(eq(products.id, variants.productId), eq(products.status, 'active')))
    .innerJoin(
      variantPrices,
      and(eq(variantPrices.variantId, variants.id), eq(variantPrices.currency, cart.currency)),
    )
    .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.storeId, cart.storeId)))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  return rows;
}

/** Exact totals (bigint): a cart past MAX_AMOUNT_MINOR still shows every cent. */
export interface CartTotals {
  subtotalMinor: bigint;
  discountMinor: bigint;
  totalMinor: bigint;
  itemCount: number;
}

export function totalsOf(store: Store, cart: CartRow, lines: PricedLine[]): CartTotals {
  const subtotalMinor = linesTotalMinor(lines);
  const { discountMinor } = pricePoints(
    store.pointsRules,
    { subtotalMinor, currency: cart.currency },
    cart.pointsRedeemed,
  );
  return {
    subtotalMinor,
    discountMinor,
    totalMinor: subtotalMinor - discountMinor,
    itemCount: lines.reduce((s, l) => s + l.quantity, 0),
  };
}

/**
 * Each line's picture: its variant's own image, else its product's first image. One query
 * (the lines' product galleries) whatever the number of lines.
 */
async function lineImages(conn: Conn, origin: string, lines: PricedLine[]) {
  const byLine = new Map<string, { url: string; alt: string }>();
  const productIds = [...new Set(lines.map((l) => l.productId))];
  if (productIds.length === 0) return byLine;
  const rows = await conn
    .select({
      id: productImages.id,
      productId: productImages.productId,
      imageId: productImages.imageId,
      alt: productImages.alt,
    })
    .from(productImages)
    .where(inArray(productImages.productId, productIds))
    .orderBy(asc(productImages.position), asc(productImages.id));
  for (const line of lines) {
    const row =
      rows.find((r) => r.id === line.variantImageId) ??
      rows.find((r) => r.productId === line.productId);
    if (row) byLine.set(line.id, { url: imageUrl(origin, row.imageId), alt: row.alt });
  }
  return byLine;
}

export async function cartView(
  conn: Conn,
  store: Store,
  cart: CartRow,
  origin: string,
  lines?: PricedLine[],
): Promise<CartView> {
  const priced = lines ?? (await pricedLines(conn, cart));
  const images = await lineImages(conn, origin, priced);
  const totals = totalsOf(store, cart, priced);
  const c = cart.currency;
  return {
    id: cart.id,
    currency: c,
    customerId: cart.customerId,
    lines: priced.map((l) => ({
      id: l.id,
      productId: l.productId,
      variantId: l.variantId,
      title: l.title,
      variantTitle: l.variantTitle,
      handle: l.handle,
      image: images.get(l.id) ?? null,
      quantity: l.quantity,
      unitPrice: toMoney(l.unitMinor, c),
      lineTotal: toMoney(linesTotalMinor([l]), c),
      compareAtPrice: l.compareAtMinor === null ? null : toMoney(l.compareAtMinor, c),
      available: l.stock,
      ref: l.ref,
    })),
    itemCount: totals.itemCount,
    subtotal: toMoney(totals.subtotalMinor, c),
    discount: toMoney(totals.discountMinor, c),
    total: toMoney(totals.totalMinor, c),
    pointsRedeemed: cart.pointsRedeemed,
    pointsToEarn: pointsToEarn(store.pointsRules, {
      customerId: cart.customerId,
      totalMinor: totals.totalMinor,
      currency: c,
    }),
    updatedAt: cart.updatedAt.toISOString(),
  };
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

/** Locks a cart row whatever its status (payment: cart before order, as checkout does). */
export async function lockCart(tx: Tx, cartId: string): Promise<void> {
  await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for('update');
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
async function activeCartOf(tx: Tx, storeId: string, customerId: string) {
  const [cart] = await tx
    .select()
    .from(carts)
    .where(
      and(eq(carts.storeId, storeId), eq(carts.customerId, customerId), eq(carts.status, 'active')),
    )
    .for('update');
  return cart;
}

async function insertCart(tx: Tx, ctx: CartContext, currency: string, customerId: string | null) {
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
async function finishWrite(
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
  },
): Promise<CartView> {
  const ref = attributedRef(ctx.store.settings, input, ctx.now);
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
        .set({ quantity, ref: existing.ref ?? ref ?? null })
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
    return cartView(tx, ctx.store, updated!, ctx.origin);
  });
}

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
        return cartView(tx, ctx.store, adopted!, ctx.origin);
      }
      const cart = await insertCart(tx, ctx, ctx.store.currencies[0]!, customerId);
      return cartView(tx, ctx.store, cart, ctx.origin, []);
    }
    if (!guest) return cartView(tx, ctx.store, target, ctx.origin);
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
            .set({ quantity, ref: existing.ref ?? line.ref })
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

/** Marks a cart ordered when its order is paid; only an active one. */
export async function markCartOrdered(tx: Tx, cartId: string, now: Date) {
  await tx
    .update(carts)
    .set({ status: 'ordered', updatedAt: now })
    .where(and(eq(carts.id, cartId), sql`${carts.status} = 'active'`));
}
