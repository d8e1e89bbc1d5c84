import type { KioskClient, Money } from '@kiosk/sdk';

/** What the store's public configuration (`GET /v1/store`) says a point is worth. */
export interface PointsTerms {
  /** Worth of one point, in minor units of `baseCurrency`. */
  pointValueMinor: number;
  baseCurrency: string;
}

const terms = new WeakMap<KioskClient, Promise<PointsTerms | null>>();

/**
 * The store's points terms (its public configuration, `kiosk.store.get()`), read once per
 * client when a signed-in customer first opens the cart. A failed read resolves to null (the
 * worth is not shown) and is tried again next time.
 */
export function pointsTerms(client: KioskClient): Promise<PointsTerms | null> {
  let read = terms.get(client);
  if (!read) {
    read = client.store
      .get()
      .then((config) => config.points)
      .catch(() => {
        terms.delete(client);
        return null;
      });
    terms.set(client, read);
  }
  return read;
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
