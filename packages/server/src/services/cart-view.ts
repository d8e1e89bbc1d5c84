import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import {
  cartLines,
  type carts,
  productImages,
  products,
  variantPrices,
  variants,
} from '../db/schema/index.js';
import type { CartView } from '../schemas/carts.js';
import { imageUrl } from './catalog.js';
import { linesTotalMinor, toMoney } from './money.js';
import { pointsToEarn, pricePoints } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type CartRow = typeof carts.$inferSelect;

/** A priced line: what the view shows and what checkout orders. */
export type PricedLine = Awaited<ReturnType<typeof pricedLines>>[number];

/**
 * Units of a variant this cart may hold: the stock, plus what the cart's own pending order
 * holds (back from the payment page, the shopper may keep or change those lines; a new
 * checkout gives them back before taking stock again). One subquery, no extra statement.
 */
export function stockForCart(cartId: string) {
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
export async function pricedLines(conn: Conn, cart: CartRow) {
  return conn
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
      campaign: cartLines.campaign,
      /** The variant's own picture (a product_images id), or null. */
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
      campaign: l.campaign,
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
