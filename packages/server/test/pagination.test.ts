import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from '../src/pagination.js';

const id = '0b5e8a34-2f1c-4c8e-9d3a-7f6b5e4d3c2b';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const refused = (cursor: string, keys: Parameters<typeof decodeCursor>[1]) =>
  expect(() => decodeCursor(cursor, keys)).toThrow(
    expect.objectContaining({ code: 'validation_failed' }),
  );

describe('cursors', () => {
  it('decode to the key they were encoded from', () => {
    const key = ['2026-01-02T03:04:05.123456Z', id, 7, 'helpful'];
    expect(decodeCursor(encodeCursor(key), ['timestamptz', 'uuid', 'int', 'text'])).toEqual(key);
  });

  it('refuse what is not base64url JSON, or the wrong number of values', () => {
    refused('not a cursor!', ['int']);
    refused(raw({ position: 1 }), ['int']);
    refused(raw([1, 2]), ['int']);
  });

  it('refuse an int that is negative, fractional or past a PostgreSQL integer', () => {
    refused(raw([-1]), ['int']);
    refused(raw([1.5]), ['int']);
    refused(raw([2 ** 31]), ['int']);
    expect(decodeCursor(raw([2 ** 31 - 1]), ['int'])).toEqual([2 ** 31 - 1]);
  });

  it('refuse a timestamp PostgreSQL would not take as written', () => {
    refused(raw(['2020-02-30T00:00:00Z']), ['timestamptz']);
    refused(raw(['0000-01-01T00:00:00Z']), ['timestamptz']);
    refused(raw(['2020-01-01 00:00:00']), ['timestamptz']);
    refused(raw(['2020-01-01T00:00:00.1234567Z']), ['timestamptz']);
  });

  it('refuse a uuid that is not one, and text past 100 characters', () => {
    refused(raw(['1; drop table orders']), ['uuid']);
    refused(raw(['x'.repeat(101)]), ['text']);
    expect(decodeCursor(raw(['x'.repeat(100)]), ['text'])).toEqual(['x'.repeat(100)]);
  });
});

describe('toPage', () => {
  it('gives the next cursor only when there was one more row than the page', () => {
    const keyOf = (n: number) => [n];
    expect(toPage([1, 2, 3], 2, keyOf)).toEqual({ items: [1, 2], nextCursor: encodeCursor([2]) });
    expect(toPage([1, 2], 2, keyOf)).toEqual({ items: [1, 2], nextCursor: null });
  });
});
