import { formatMoney, type Money } from '@kiosk/sdk';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * Money in the shopper's locale: `{ amount: '1234.50', currency: 'EUR' }` → "1.234,50 €" (de),
 * exactly, with "US$" kept whole right to left. The SDK's (the hosted pages' rule too).
 */
export { formatMoney } from '@kiosk/sdk';

/** formatMoney, or "25.00 XYZ" when Intl doesn't know the currency: a price always shows. */
export function moneyText(money: Money, locale: string): string {
  try {
    return formatMoney(money, locale);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

const warmed = new Set<string>();

/**
 * Creates the locale's currency formatter in a task of its own, ahead of the first price:
 * the first `Intl.NumberFormat` of a locale loads its data, long enough to matter when it
 * falls in the frame that renders the first cards.
 */
export function warmMoneyFormat(locale: string, currency = 'USD'): void {
  const key = `${locale}|${currency}`;
  if (warmed.has(key)) return;
  warmed.add(key);
  setTimeout(() => {
    try {
      formatMoney({ amount: '0', currency }, locale);
    } catch {
      // an invalid currency code: the card's own formatting handles it
    }
  }, 0);
}

/** A plain number in the shopper's locale (counts, ratings). */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return formatter(locale, { maximumFractionDigits }).format(value);
}

/** The Money amount as a number, for comparisons only (never for display or arithmetic). */
export const amountOf = (money: Money): number => Number(money.amount);

/** A count that must stay short (a balance in a header): 9,999, then 12K, 1.2M (locale's). */
export function formatShortNumber(value: number, locale: string): string {
  return Math.abs(value) < 10_000
    ? formatNumber(value, locale)
    : formatter(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A signed change in the shopper's locale: +120, −50 (0 without a sign). */
export function formatSignedNumber(value: number, locale: string): string {
  return formatter(locale, { signDisplay: 'exceptZero' }).format(value);
}
