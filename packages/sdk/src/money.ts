import type { Money } from './types.js';

/** Decimal-string arithmetic for optimistic totals: amounts become integer minor units. */
export function toMinor(money: Money): { minor: number; digits: number } {
  const [whole = '0', frac = ''] = money.amount.replace('-', '').split('.');
  const minor = Number(whole + frac) * (money.amount.startsWith('-') ? -1 : 1);
  return { minor, digits: frac.length };
}

export function fromMinor(minor: number, digits: number, currency: string): Money {
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const amount = digits ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return { amount: minor < 0 ? `-${amount}` : amount, currency };
}

export function times(money: Money, quantity: number): Money {
  const { minor, digits } = toMinor(money);
  return fromMinor(minor * quantity, digits, money.currency);
}

export function sum(items: Money[], currency: string, digits: number): Money {
  return fromMinor(
    items.reduce((total, m) => total + toMinor(m).minor, 0),
    digits,
    currency,
  );
}
