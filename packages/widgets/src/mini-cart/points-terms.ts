import type { KioskClient, Money } from '@kiosk/sdk';

/** What the store's public configuration (`GET /v1/store`) says a point is worth. */
export interface PointsTerms {
  /** Worth of one point, in minor units of `baseCurrency`. */
  pointValueMinor: number;
  baseCurrency: string;
}

/**
 * The store's points terms (its public configuration, `kiosk.store.get()`, which the SDK keeps
 * and shares), when a signed-in customer opens the cart. A failed read is null: the worth is
 * not shown, and the next open asks again.
 */
export function pointsTerms(client: KioskClient): Promise<PointsTerms | null> {
  return client.store.get().then(
    (config) => config.points,
    () => null,
  );
}

/**
 * What `points` are worth in the store's base currency, exactly (integer minor units, then a
 * decimal string). The server converts to the cart's currency at its own rates when they are
 * applied; in the base currency (the usual case) the two are the same.
 */
export function pointsWorth(points: number, t: PointsTerms): Money {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: t.baseCurrency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const minor = BigInt(points) * BigInt(t.pointValueMinor);
  const scale = 10n ** BigInt(digits);
  const whole = minor / scale;
  const fraction = (minor % scale).toString().padStart(digits, '0');
  return { amount: digits ? `${whole}.${fraction}` : `${whole}`, currency: t.baseCurrency };
}
