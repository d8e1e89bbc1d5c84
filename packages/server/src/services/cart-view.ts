import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { selectRows } from '../db/rows.js';
import {
  cartLines,
  type carts,
  orders,
  productImages,
  products,
  type ShippingChoice,
  variantPrices,
  variants,
} from '../db/schema/index.js';
import type { CartView } from '../schemas/carts.js';
import { imageUrl } from './catalog.js';
import { type MemberPriced, memberPricedLines } from './member-prices.js';
import { earnMultiplier, perksForTier } from './membership.js';
import { linesTotalMinor, toMoney } from './money.js';
import { pointsToEarn, pricePoints } from './points-pricing.js';
import type { Store } from './stores.js';

type Conn = Db | Tx;
export type CartRow = typeof carts.$inferSelect;

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
  /** Shipping weight of one unit. */
  grams: number;
  /** Units this cart may hold (stockForCart). */
  stock: number;
  ref: string | null;
  campaign: string | null;
  /** The line's picture: its variant's own image, else its product's first; null if none. */
  image: { imageId: string; alt: string } | null;
  /** With a member price (member-prices.ts): the price without it, and the tier it is for. */
  regularMinor?: number;
  memberTier?: string;
}

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

/** The cart's stored lines, as `pricedLinesOf` reads them by default. */
const storedLines = sql`${cartLines}`;

/**
 * A scalar subquery: the cart's lines that can still be bought (the product is active and
 * the variant has a price in the cart's currency), priced, with their pictures, as one JSON
 * array in the cart's order. Others stay stored but are neither shown nor ordered. `lineSet`
 * is a relation with cart_lines' columns: the stored lines by default, or (cart-lines.ts)
 * the lines as a write in the same statement leaves them, which the statement's own snapshot
 * does not show yet. One owner of what a priced line is, and no extra statement for images.
 */
export function pricedLinesOf(cart: CartRow, lineSet: SQL = storedLines): SQL<PricedLine[]> {
  return sql<PricedLine[]>`(
    select coalesce(json_agg(json_build_object(
      'id', lines.id, 'productId', lines.product_id, 'variantId', lines.variant_id,
      'title', ${products.title}, 'variantTitle', ${variants.title}, 'handle', ${products.handle},
      'quantity', lines.quantity,
      'unitMinor', ${variantPrices.amountMinor}, 'compareAtMinor', ${variantPrices.compareAtMinor},
      'grams', ${variants.grams}, 'stock', ${stockForCart(cart.id)}, 'ref', lines.ref, 'campaign', lines.campaign,
      'image', (
        select json_build_object('imageId', pi.image_id, 'alt', pi.alt)
        from ${productImages} pi where pi.product_id = lines.product_id
        order by coalesce(pi.id = ${variants.imageId}, false) desc, pi.position, pi.id
        limit 1
      )
    ) order by lines.created_at, lines.id), '[]'::json)
    from ${lineSet} lines
    join ${variants} on ${variants.id} = lines.variant_id
    join ${products} on ${products.id} = ${variants.productId} and ${products.status} = 'active'
    join ${variantPrices} on ${variantPrices.variantId} = ${variants.id}
      and ${variantPrices.currency} = ${cart.currency}
    where lines.cart_id = ${cart.id} and lines.store_id = ${cart.storeId}
  )`;
}

/** The cart's priced lines (pricedLinesOf), in one statement. */
export async function pricedLines(conn: Conn, cart: CartRow): Promise<PricedLine[]> {
  const [row] = await selectRows<{ lines: PricedLine[] }>(
    conn,
    sql`select ${pricedLinesOf(cart)} as lines`,
  );
  return row!.lines;
}

/** The shipping of the cart's pending order, as cartView shows it. */
interface PendingShipping {
  rate: ShippingChoice;
  minor: number;
}

/** The cart's priced lines and its pending order's shipping, in the same one statement. */
async function pricedLinesAndShipping(conn: Conn, cart: CartRow) {
  const [row] = await selectRows<{ lines: PricedLine[]; shipping: PendingShipping | null }>(
    conn,
    sql`select ${pricedLinesOf(cart)} as lines, (
      select json_build_object('rate', o.shipping_rate, 'minor', o.shipping_minor)
      from ${orders} o
      where o.cart_id = ${cart.id} and o.store_id = ${cart.storeId}
        and o.status = 'pending' and o.shipping_rate is not null
    ) as shipping`,
  );
  return row!;
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

export async function cartView(
  conn: Conn,
  store: Store,
  cart: CartRow,
  origin: string,
  now: Date,
  /** Lines as the shopper pays for them (memberPricedLines); read and priced when absent. */
  given?: MemberPriced,
): Promise<CartView> {
  const read = given
    ? { lines: given.lines, shipping: null }
    : await pricedLinesAndShipping(conn, cart);
  const member =
    given ??
    (await memberPricedLines(conn, store, cart.customerId, cart.currency, read.lines, now));
  const priced = member.lines;
  const totals = totalsOf(store, cart, priced);
  const c = cart.currency;
  const shipping = read.shipping;
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
      image: l.image && { url: imageUrl(origin, l.image.imageId), alt: l.image.alt },
      quantity: l.quantity,
      unitPrice: toMoney(l.unitMinor, c),
      lineTotal: toMoney(linesTotalMinor([l]), c),
      compareAtPrice: l.compareAtMinor === null ? null : toMoney(l.compareAtMinor, c),
      available: l.stock,
      ref: l.ref,
      campaign: l.campaign,
      ...(l.regularMinor !== undefined && l.memberTier !== undefined
        ? {
            member: {
              tier: l.memberTier,
              regularPrice: toMoney(l.regularMinor, c),
              saving: toMoney(BigInt(l.regularMinor - l.unitMinor) * BigInt(l.quantity), c),
            },
          }
        : {}),
    })),
    itemCount: totals.itemCount,
    subtotal: toMoney(totals.subtotalMinor, c),
    discount: toMoney(totals.discountMinor, c),
    total: toMoney(totals.totalMinor, c),
    shipping: shipping && {
      rateId: shipping.rate.rateId,
      name: shipping.rate.name,
      amount: toMoney(shipping.minor, c),
      minDays: shipping.rate.minDays,
      maxDays: shipping.rate.maxDays,
    },
    pointsRedeemed: cart.pointsRedeemed,
    pointsToEarn: pointsToEarn(
      store.pointsRules,
      { customerId: cart.customerId, totalMinor: totals.totalMinor, currency: c },
      // The tier the lines were priced for, when they needed it: one read, not two.
      member.tier === undefined
        ? await earnMultiplier(conn, store, cart.customerId, now)
        : perksForTier(store, member.tier).pointsMultiplier,
    ),
    updatedAt: cart.updatedAt.toISOString(),
  };
}
