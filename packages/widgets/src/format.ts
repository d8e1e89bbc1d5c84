import type { Money } from '@kiosk/sdk';

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
 * Money in the shopper's locale: `{ amount: '1234.50', currency: 'EUR' }` → "1.234,50 €" (de).
 * The decimal string is formatted exactly (no float rounding).
 */
export function formatMoney(money: Money, locale: string): string {
  return formatter(locale, { style: 'currency', currency: money.currency }).format(
    money.amount as Intl.StringNumericLiteral,
  );
}

/** A plain number in the shopper's locale (counts, ratings). */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return formatter(locale, { maximumFractionDigits }).format(value);
}

/** The Money amount as a number, for comparisons only (never for display or arithmetic). */
export const amountOf = (money: Money): number => Number(money.amount);
