import { parseMinor } from '../money.js';
import type { ShippingConfig, ShippingRate, ShippingZone } from './config.js';

/** What a rate is priced on: the goods after discounts, and their weight. */
export interface Parcel {
  currency: string;
  /** Subtotal less the points discount, in minor units. */
  goodsMinor: bigint;
  grams: number;
}

export interface FreeShippingOverride {
  /**
   * A member's free-shipping perk (minor units of the parcel's currency): free from this
   * amount too, or from the rate's own threshold when that is lower. Absent: the rate's own.
   */
  freeOverMinor?: bigint | null;
}

/** The zone that ships to a country, if any. */
export function zoneFor(config: ShippingConfig, country: string): ShippingZone | undefined {
  return config.zones.find((z) => z.countries.includes(country));
}

/**
 * The price of a rate for a parcel, in minor units; undefined when the rate does not apply
 * (no price in the currency, heavier than its last band). The one owner of the free-shipping
 * rule: free once the goods reach the rate's own threshold or the member's (override).
 */
export function shippingPrice(
  rate: ShippingRate,
  parcel: Parcel,
  override: FreeShippingOverride = {},
): bigint | undefined {
  const { currency } = parcel;
  const price = rate.prices[currency];
  if (!price) return undefined;
  const minor = (amount: string) => BigInt(parseMinor(amount, currency));
  let amount: bigint | undefined;
  switch (rate.kind) {
    case 'flat':
      amount = minor(rate.prices[currency]!.amount);
      break;
    case 'weight': {
      const band = rate.prices[currency]!.bands.find(
        (b) => b.upToGrams === null || parcel.grams <= b.upToGrams,
      );
      amount = band && minor(band.amount);
      break;
    }
    case 'subtotal': {
      const band = rate.prices[currency]!.bands.find(
        (b) => b.below === null || parcel.goodsMinor < minor(b.below),
      );
      amount = band && minor(band.amount);
      break;
    }
  }
  if (amount === undefined) return undefined;
  const own = price.freeOver === undefined ? null : minor(price.freeOver);
  const perk = override.freeOverMinor ?? null;
  const free = [own, perk].some((t) => t !== null && parcel.goodsMinor >= t);
  return free ? 0n : amount;
}

export interface RateQuote {
  zoneId: string;
  rate: ShippingRate;
  amountMinor: bigint;
}

/** The rates a country is offered for a parcel, cheapest first (then the store's order). */
export function quoteRates(
  config: ShippingConfig,
  country: string,
  parcel: Parcel,
  override: FreeShippingOverride = {},
): RateQuote[] {
  const zone = zoneFor(config, country);
  if (!zone) return [];
  const quotes: RateQuote[] = [];
  for (const rate of zone.rates) {
    const amountMinor = shippingPrice(rate, parcel, override);
    if (amountMinor !== undefined) quotes.push({ zoneId: zone.id, rate, amountMinor });
  }
  return quotes
    .map((q, i) => ({ q, i }))
    .sort((a, b) =>
      a.q.amountMinor === b.q.amountMinor ? a.i - b.i : a.q.amountMinor < b.q.amountMinor ? -1 : 1,
    )
    .map(({ q }) => q);
}

/** Every country some zone ships to. */
export function shippingCountries(config: ShippingConfig): string[] {
  return config.zones.flatMap((z) => z.countries);
}
