import { describe, expect, it } from 'vitest';
import type { PointsRules } from '../src/db/types.js';
import { pricePoints } from '../src/services/points-pricing.js';

// One point is worth one US cent; points may pay half of a subtotal.
const rules: PointsRules = {
  baseCurrency: 'USD',
  earnPerUnit: 1,
  pointValueMinor: 1,
  rates: { USD: 1, JPY: 150, KWD: 0.307, EUR: 0.29 },
  pendingDays: 0,
  expiryDays: null,
  maxRedeemPercent: 50,
  tiers: [],
};

describe('pricePoints', () => {
  it('prices 0 points at nothing, with the limit and the most redeemable still given', () => {
    expect(pricePoints(rules, { subtotalMinor: 1000n, currency: 'USD' }, 0)).toEqual({
      worthMinor: 0,
      limitMinor: 500n,
      withinLimit: true,
      maxRedeemable: 500,
      discountMinor: 0n,
    });
  });

  it('gives the points’ whole worth when they fit the limit', () => {
    const price = pricePoints(rules, { subtotalMinor: 1000n, currency: 'USD' }, 500);
    expect(price).toMatchObject({ worthMinor: 500, withinLimit: true, discountMinor: 500n });
  });

  it('caps the discount at the limit when more points are asked than allowed', () => {
    const price = pricePoints(rules, { subtotalMinor: 1000n, currency: 'USD' }, 501);
    expect(price).toMatchObject({
      worthMinor: 501,
      withinLimit: false,
      maxRedeemable: 500,
      discountMinor: 500n,
    });
  });

  it('rounds the limit down: 50% of 9.99 is 4.99', () => {
    const price = pricePoints(rules, { subtotalMinor: 999n, currency: 'USD' }, 500);
    expect(price).toMatchObject({ limitMinor: 499n, withinLimit: false, maxRedeemable: 499 });
  });

  it('prices in a currency without decimals (JPY), rounding the worth down', () => {
    // 1 point = 1.5 yen: 333 points are worth 499 yen, 334 would be 501.
    const price = pricePoints(rules, { subtotalMinor: 1000n, currency: 'JPY' }, 3);
    expect(price).toMatchObject({ worthMinor: 4, limitMinor: 500n, maxRedeemable: 333 });
    expect(pricePoints(rules, { subtotalMinor: 1000n, currency: 'JPY' }, 334).withinLimit).toBe(
      false,
    );
  });

  it('prices in a currency with three decimals (KWD)', () => {
    // 100 points = 1 USD = 0.307 KWD = 307 fils; 10 points = 30.7 fils, rounded down.
    expect(pricePoints(rules, { subtotalMinor: 10_000n, currency: 'KWD' }, 100).worthMinor).toBe(
      307,
    );
    expect(pricePoints(rules, { subtotalMinor: 10_000n, currency: 'KWD' }, 10).worthMinor).toBe(30);
  });

  it('counts a float product just under a whole number as that number (0.29 × 100 = 29)', () => {
    expect(pricePoints(rules, { subtotalMinor: 10_000n, currency: 'EUR' }, 100).worthMinor).toBe(
      29,
    );
  });

  it('has no worth in a currency the rules cannot convert to, and gives no discount', () => {
    expect(pricePoints(rules, { subtotalMinor: 1000n, currency: 'GBP' }, 100)).toEqual({
      worthMinor: null,
      limitMinor: 500n,
      withinLimit: true,
      maxRedeemable: 0,
      discountMinor: 0n,
    });
  });

  it('lets nothing be redeemed on an empty subtotal', () => {
    const price = pricePoints(rules, { subtotalMinor: 0n, currency: 'USD' }, 10);
    expect(price).toMatchObject({ withinLimit: false, maxRedeemable: 0, discountMinor: 0n });
  });

  it('never discounts past the subtotal, even when points may pay all of it', () => {
    const all = { ...rules, maxRedeemPercent: 100 };
    const price = pricePoints(all, { subtotalMinor: 250n, currency: 'USD' }, 1000);
    expect(price).toMatchObject({ limitMinor: 250n, maxRedeemable: 250, discountMinor: 250n });
  });
});
