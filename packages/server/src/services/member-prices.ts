import type { Db, Tx } from '../db/index.js';
import type { Product } from '../schemas/products.js';
import type { PricedLine } from './cart-view.js';
import { earlyAccessOf, membershipOf, memberTier, perksOf } from './membership.js';
import { parseMinor, toMoney } from './money.js';
import type { Store } from './stores.js';

// Member prices (issue 17): the one owner of what a tier pays for a variant, for product reads
// and for carts and checkout.

/**
 * `unitMinor` less `percent` of it, the discount rounded half up per unit, exactly (bigint
 * basis points): 10% of JPY 1,005 is 100.5 → 101 off → 904; of KWD 1.005 (1005 fils) the same.
 */
export function percentOffMinor(unitMinor: number, percent: number): number {
  const basisPoints = BigInt(Math.round(percent * 100));
  const discount = (BigInt(unitMinor) * basisPoints * 2n + 10_000n) / 20_000n;
  return Number(BigInt(unitMinor) - discount);
}

interface Priced {
  productId: string;
  variantId: string;
  currency: string;
  unitMinor: number;
}

/** What a tier pays for a unit: its best member price below the price, or null for none. */
export function memberUnitMinor(store: Store, tier: string | null, v: Priced): number | null {
  const perks = perksOf(store, tier);
  const candidates: number[] = [];
  const fixed = perks.memberPrices?.find(
    (p) => p.variantId === v.variantId && p.currency === v.currency,
  );
  if (fixed) candidates.push(fixed.amountMinor);
  if (
    perks.percentOff &&
    (!perks.percentOffProducts || perks.percentOffProducts.includes(v.productId))
  ) {
    candidates.push(percentOffMinor(v.unitMinor, perks.percentOff));
  }
  const best = Math.min(...candidates);
  return candidates.length && best < v.unitMinor ? best : null;
}

/** The lowest member price of any tier, and the lowest tier giving it (for "Members pay $X"). */
function lowestMemberPrice(store: Store, v: Priced) {
  let found: { unitMinor: number; tier: string } | undefined;
  const byRank = [...store.pointsRules.tiers].sort((a, b) => a.minLifetime - b.minLifetime);
  for (const { name } of byRank) {
    const unitMinor = memberUnitMinor(store, name, v);
    if (unitMinor !== null && (!found || unitMinor < found.unitMinor))
      found = { unitMinor, tier: name };
  }
  return found;
}

/** Whether the store's membership changes what product reads say (else the text is sent as read). */
export function changesProducts(store: Store): boolean {
  const m = membershipOf(store);
  return Boolean(
    m &&
      (m.earlyAccess.length > 0 ||
        m.tiers.some((t) => t.perks.percentOff || t.perks.memberPrices?.length)),
  );
}

/**
 * A product as `tier` sees it at `now`: each variant's `memberPrice` when the tier has one,
 * else `memberPriceFrom` (the lowest member price and its tier) when some tier has one; the
 * product's `earlyAccess` while its window is open.
 */
export function withMemberPrices(
  store: Store,
  tier: string | null,
  product: Product,
  now: Date,
): Product {
  const currency = product.currency;
  const early = earlyAccessOf(store, product.id, now);
  return {
    ...product,
    variants: product.variants.map((variant) => {
      const priced = {
        productId: product.id,
        variantId: variant.id,
        currency,
        unitMinor: parseMinor(variant.price.amount, currency),
      };
      const own = memberUnitMinor(store, tier, priced);
      if (own !== null) {
        return { ...variant, memberPrice: toMoney(own, currency), memberTier: tier! };
      }
      const lowest = lowestMemberPrice(store, priced);
      return lowest
        ? {
            ...variant,
            memberPriceFrom: { price: toMoney(lowest.unitMinor, currency), tier: lowest.tier },
          }
        : variant;
    }),
    ...(early
      ? {
          earlyAccess: {
            until: early.until,
            tiers: early.tiers,
            canBuy: tier !== null && early.tiers.includes(tier),
          },
        }
      : {}),
  };
}

/** The product JSON text as `tier` sees it (unchanged, not parsed, for a store without perks). */
export function productTextFor(store: Store, tier: string | null, text: string, now: Date) {
  if (!changesProducts(store)) return text;
  return JSON.stringify(withMemberPrices(store, tier, JSON.parse(text) as Product, now));
}

/** A cart's lines as its shopper pays for them, and the tier they were priced for. */
export interface MemberPriced {
  lines: PricedLine[];
  /** The shopper's tier, when it was read (undefined: no line needed it): reused, not read again. */
  tier?: string | null;
}

/**
 * A cart's lines as its shopper pays for them at `now`: each line with a member price of the
 * shopper's tier is repriced (`unitMinor`), keeping its `regularMinor` and the `memberTier`.
 * Changing tier mid-cart reprices it on the next read; checkout prices it again.
 */
export async function memberPricedLines(
  conn: Db | Tx,
  store: Store,
  customerId: string | null,
  currency: string,
  lines: PricedLine[],
  now: Date,
): Promise<MemberPriced> {
  if (lines.length === 0 || !changesProducts(store)) return { lines };
  const tier = await memberTier(conn, store, customerId, now);
  const priced = lines.map((line): PricedLine => {
    const regularMinor = line.regularMinor ?? line.unitMinor;
    const member = memberUnitMinor(store, tier, { ...line, currency, unitMinor: regularMinor });
    const { regularMinor: _r, memberTier: _t, ...plain } = line;
    return member === null
      ? { ...plain, unitMinor: regularMinor }
      : { ...plain, unitMinor: member, regularMinor, memberTier: tier! };
  });
  return { lines: priced, tier };
}
