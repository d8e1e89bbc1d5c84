// How a price and a language's direction read, for the hosted pages here and, through the SDK,
// for the widgets: packages/sdk's generator copies this file into the SDK
// (src/generated/format-money.ts), so both say "US$ 25.00" the same way. Edit it here only;
// it imports nothing, so the copy compiles on its own.

/** Languages written right to left (the primary subtag). */
const rightToLeft = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb']);

/** The text direction of a language tag: `rtl` for Arabic, Hebrew, Persian…, else `ltr`. */
export const directionOf = (tag: string): 'rtl' | 'ltr' =>
  rightToLeft.has(tag.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A price in a locale: `{ amount: '1234.50', currency: 'EUR' }` → "1.234,50 €" (de). The
 * decimal string is formatted exactly (no float on the way). Throws a RangeError for an
 * unknown currency code.
 */
export function formatMoney(money: { amount: string; currency: string }, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    formats.set(key, format);
  }
  const amount = money.amount as Intl.StringNumericLiteral;
  if (directionOf(locale) === 'ltr') return format.format(amount);
  // Right to left, a Latin currency code or symbol ("US$") is a left-to-right run whose
  // trailing "$" the bidi algorithm sends to the far side ("$US 25.00"): isolate it (FSI…PDI)
  // so it reads "US$" beside the number, as the locale's pattern means.
  return format
    .formatToParts(amount)
    .map((p) =>
      p.type === 'currency' && /[A-Za-z]/.test(p.value) ? `\u2068${p.value}\u2069` : p.value,
    )
    .join('');
}
