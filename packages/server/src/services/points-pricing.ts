import type { PointsRules } from '../db/types.js';
import { MAX_AMOUNT_MINOR, MAX_POINTS } from '../limits.js';
import { minorDigits } from './money.js';

// What points are worth in money and what money earns in points: pure functions of a
// store's rules, the one owner of these rules for carts, the points endpoint and checkout.
// Rates are "units of a currency per one base unit".

/** Float guard: rates are floats, so 29.999999 must still count as 30. */
const EPSILON = 1e-9;

function rateOf(rules: PointsRules, currency: string): number | undefined {
  return rules.rates[currency] ?? (currency === rules.baseCurrency ? 1 : undefined);
}

/** What `points` are worth in minor units of `currency`, rounded down; null when not convertible. */
function pointsValueMinor(rules: PointsRules, points: number, currency: string): number | null {
  const rate = rateOf(rules, currency);
  if (rate === undefined) return null;
  const baseUnits = (points * rules.pointValueMinor) / 10 ** minorDigits(rules.baseCurrency);
  // Capped where money stops being exact: whatever the rules, a finite whole number.
  return Math.min(
    MAX_AMOUNT_MINOR,
    Math.floor(baseUnits * rate * 10 ** minorDigits(currency) + EPSILON),
  );
}

/** The most points whose value stays within `limitMinor` of `currency`. */
function maxPointsWithin(rules: PointsRules, limitMinor: number, currency: string): number {
  const one = pointsValueMinor(rules, 1_000_000, currency);
  if (one === null || limitMinor <= 0) return 0;
  const perPoint = one / 1_000_000;
  if (perPoint <= 0) return Number.MAX_SAFE_INTEGER;
  let n = Math.floor(limitMinor / perPoint) + 1;
  while (n > 0 && (pointsValueMinor(rules, n, currency) ?? 0) > limitMinor) n--;
  return n;
}

// biome-ignore lint/complexity/useMathMinMax: Math.min does not take bigints.
const smallest = (...values: bigint[]) => values.reduce((a, b) => (b < a ? b : a));

/** Points priced against one cart subtotal. */
export interface PointsPrice {
  /** What the points asked for are worth, rounded down; null when the rules have no rate for the currency. */
  worthMinor: number | null;
  /** Largest discount points may give on this subtotal (maxRedeemPercent of it, rounded down). */
  limitMinor: bigint;
  /** Whether the points asked for are worth no more than `limitMinor`. */
  withinLimit: boolean;
  /** The most points whose worth stays within `limitMinor` (0 when not convertible). */
  maxRedeemable: number;
  /** The discount the points give: their worth, never past the limit or the subtotal. */
  discountMinor: bigint;
}

/**
 * Prices `points` against a cart's `subtotalMinor` in `currency` (exact, bigint): what they
 * are worth, the most the store lets points pay, and the discount they give.
 */
export function pricePoints(
  rules: PointsRules,
  cart: { subtotalMinor: bigint; currency: string },
  points: number,
): PointsPrice {
  const limitMinor = (cart.subtotalMinor * BigInt(rules.maxRedeemPercent)) / 100n;
  const worthMinor = points > 0 ? pointsValueMinor(rules, points, cart.currency) : 0;
  const worth = BigInt(worthMinor ?? 0);
  return {
    worthMinor,
    limitMinor,
    withinLimit: worth <= limitMinor,
    maxRedeemable: maxPointsWithin(rules, Number(limitMinor), cart.currency),
    discountMinor: smallest(worth, limitMinor, cart.subtotalMinor),
  };
}

/** Points an order of `totalMinor` earns: floor(total in base currency × earnPerUnit). */
export function pointsEarnedFor(rules: PointsRules, totalMinor: number, currency: string): number {
  const rate = rateOf(rules, currency);
  if (rate === undefined || totalMinor <= 0) return 0;
  const baseUnits = totalMinor / 10 ** minorDigits(currency) / rate;
  const points = Math.floor(baseUnits * rules.earnPerUnit + EPSILON);
  // An entry is an integer column: a huge order earns MAX_POINTS (and NaN earns nothing).
  return points > 0 ? Math.min(points, MAX_POINTS) : 0;
}

/**
 * What an order earns points on: its goods after the points discount — the cart's total —,
 * not the shipping, tax or duties checkout adds, so the order earns what its cart promised.
 */
export function earningBaseMinor(order: { subtotalMinor: number; discountMinor: number }): number {
  return order.subtotalMinor - order.discountMinor;
}

/**
 * Points a purchase earns once paid: none for a guest, else `pointsEarnedFor` its total,
 * times the member tier's `multiplier` (services/membership.ts), rounded down to whole points.
 * The one rule for what the ledger credits when an order is paid and what a cart or a
 * pending order says it will earn.
 */
export function pointsToEarn(
  rules: PointsRules,
  purchase: { customerId: string | null; totalMinor: number | bigint; currency: string },
  multiplier = 1,
): number {
  if (!purchase.customerId) return 0;
  const base = pointsEarnedFor(rules, Number(purchase.totalMinor), purchase.currency);
  return multiplier === 1 ? base : Math.min(MAX_POINTS, Math.floor(base * multiplier + EPSILON));
}
