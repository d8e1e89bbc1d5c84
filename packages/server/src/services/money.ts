import type { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import { MAX_AMOUNT_MINOR } from '../limits.js';
import type { MoneySchema } from '../openapi.js';

/** Money crosses the API as a decimal string with its currency; inside, integer minor units. */
export type Money = z.infer<typeof MoneySchema>;

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (USD 2, JPY 0, KWD 3), from the platform's ICU data. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** The decimal string of an integer amount of minor units, exact at any size (bigint). */
export function toMoney(minor: number | bigint, currency: string): Money {
  const digits = minorDigits(currency);
  const value = typeof minor === 'bigint' ? minor : BigInt(Math.trunc(minor));
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return { amount: negative ? `-${amount}` : amount, currency };
}

/**
 * Parses a decimal string ("12.5", "12.50") into minor units without going through floats;
 * refuses more decimals than the currency has, and amounts past MAX_AMOUNT_MINOR.
 */
export function parseMinor(amount: string, currency: string): number {
  const digits = minorDigits(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) throw new RangeError(`Not a decimal amount: ${amount}`);
  const [, sign, whole = '', frac = ''] = match;
  if (frac.length > digits) throw new RangeError(`Too many decimals for ${currency}: ${amount}`);
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, '0') || '0');
  if (minor > BigInt(MAX_AMOUNT_MINOR)) throw new RangeError(`Too large: ${amount}`);
  return Number(sign ? -minor : minor);
}

/** Σ unit price × quantity, in minor units, exactly: a bigint never rounds. */
export function linesTotalMinor(lines: readonly { unitMinor: number; quantity: number }[]): bigint {
  return lines.reduce((sum, l) => sum + BigInt(l.unitMinor) * BigInt(l.quantity), 0n);
}

/** An exact amount as a number, or `amount_too_large` when it is past MAX_AMOUNT_MINOR. */
export function checkedMinor(amount: bigint, currency: string): number {
  if (amount > BigInt(MAX_AMOUNT_MINOR)) {
    const max = toMoney(MAX_AMOUNT_MINOR, currency);
    throw new ApiError('amount_too_large', `Amounts are limited to ${max.amount} ${currency}.`, {
      max,
      amount: toMoney(amount, currency),
    });
  }
  return Number(amount);
}

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}
