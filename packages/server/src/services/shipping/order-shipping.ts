import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.js';
import { selectRows } from '../../db/rows.js';
import { orders, type ShippingAddress } from '../../db/schema/index.js';
import { ApiError } from '../../errors.js';
import { memberPerks } from '../membership.js';
import { checkedMinor } from '../money.js';
import { effectiveStatus, type OrderRow } from '../order-views.js';
import type { Store } from '../stores.js';
import { type ShippingConfig, shippingConfigOf } from './config.js';
import { landedCost } from './landed.js';
import { type Parcel, quoteRates, type RateQuote } from './rates.js';

type Conn = Db | Tx;

/** What an order ships: its goods after discounts and their weight (from its lines). */
export async function parcelOf(conn: Conn, order: OrderRow): Promise<Parcel> {
  const [row] = await selectRows<{ grams: string | number | null }>(
    conn,
    sql`select sum(grams::bigint * quantity) as grams from order_lines where order_id = ${order.id} and store_id = ${order.storeId}`,
  );
  return {
    currency: order.currency,
    goodsMinor: BigInt(order.subtotalMinor) - BigInt(order.discountMinor),
    grams: Number(row?.grams ?? 0),
  };
}

/**
 * The rates an order's destination is offered, cheapest first: free where its customer's
 * member tier has free shipping from the order's goods (services/membership.ts).
 */
export async function orderQuotes(
  conn: Conn,
  store: Store,
  config: ShippingConfig,
  order: OrderRow,
  country: string,
  now: Date,
): Promise<RateQuote[]> {
  const perks = await memberPerks(conn, store, order.customerId, now);
  const over = perks.freeShippingOver?.[order.currency];
  const override = over === undefined ? {} : { freeOverMinor: BigInt(over) };
  return quoteRates(config, country, await parcelOf(conn, order), override);
}

/** Whether an order may be paid as it is: shipped orders need an address and a rate first. */
export async function assertShippable(conn: Conn, storeId: string, order: { shipping: unknown }) {
  if (order.shipping !== null) return;
  const config = await shippingConfigOf(conn, storeId);
  if (config.zones.length > 0) {
    throw new ApiError('address_required', 'Give a shipping address and pick a rate first.');
  }
}

/**
 * Ships a pending order to an address (a new one, or the one it has) by a rate (the one
 * picked, else the one it had if still offered, else the cheapest), and prices it landed:
 * shipping, tax, duties and the total (landed.ts). Under the order's row lock, and only
 * while it is pending, so a paid order's amounts never change.
 */
export async function shipOrder(
  db: Db,
  store: Store,
  orderId: string,
  choice: { address?: ShippingAddress; rateId?: string },
  now: Date,
): Promise<OrderRow> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.storeId, store.id)))
      .for('update');
    if (!order) throw new ApiError('order_not_found', 'No such order.');
    const status = effectiveStatus(order, now);
    if (status === 'expired') throw new ApiError('order_expired', 'The order has expired.');
    if (status !== 'pending') {
      throw new ApiError('order_not_pending', `The order is ${status}.`, { status });
    }
    return priceShipping(tx, store, order, choice, now);
  });
}

/**
 * The pricing half of shipOrder, for an order already locked in `tx` (checkout uses it to
 * carry the address of the order it replaces over to the new one).
 */
export async function priceShipping(
  tx: Tx,
  store: Store,
  order: OrderRow,
  choice: { address?: ShippingAddress; rateId?: string },
  now: Date,
): Promise<OrderRow> {
  const address = choice.address ?? order.shippingAddress;
  if (!address) throw new ApiError('address_required', 'Give a shipping address first.');
  const config = await shippingConfigOf(tx, store.id);
  const quotes = await orderQuotes(tx, store, config, order, address.country, now);
  if (quotes.length === 0) {
    throw new ApiError('shipping_unavailable', `This store does not ship to ${address.country}.`, {
      country: address.country,
    });
  }
  let quote: RateQuote | undefined;
  if (choice.rateId !== undefined) {
    quote = quotes.find((q) => q.rate.id === choice.rateId);
    if (!quote) {
      throw new ApiError('shipping_rate_unavailable', 'That rate is not offered here.', {
        rateId: choice.rateId,
      });
    }
  } else {
    quote = quotes.find((q) => q.rate.id === order.shippingRate?.rateId) ?? quotes[0]!;
  }
  const landed = landedCost({
    currency: order.currency,
    subtotalMinor: BigInt(order.subtotalMinor),
    discountMinor: BigInt(order.discountMinor),
    shippingMinor: quote.amountMinor,
    tax: config.taxes.find((t) => t.country === address.country),
    duty: config.duties.find((d) => d.country === address.country),
  });
  const [updated] = await tx
    .update(orders)
    .set({
      shippingAddress: address,
      shippingRate: {
        zoneId: quote.zoneId,
        rateId: quote.rate.id,
        name: quote.rate.name,
        minDays: quote.rate.minDays,
        maxDays: quote.rate.maxDays,
      },
      shippingMinor: checkedMinor(quote.amountMinor, order.currency),
      taxMinor: checkedMinor(landed.taxMinor, order.currency),
      taxIncluded: landed.taxIncluded,
      dutiesMinor: checkedMinor(landed.dutiesMinor, order.currency),
      dutiesMode: landed.dutiesMode,
      totalMinor: checkedMinor(landed.totalMinor, order.currency),
    })
    .where(and(eq(orders.id, order.id), eq(orders.status, 'pending')))
    .returning();
  return updated!;
}
