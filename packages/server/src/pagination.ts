import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { ApiError } from './errors.js';
import { isUuid } from './uuid.js';

/**
 * Opaque cursors: base64url JSON of the sort key of the last item returned. A cursor is
 * client input like any other, so decoding checks it against the key's exact shape before
 * any value reaches a query: `int` a non-negative PostgreSQL integer (positions, counts,
 * ratings), `timestamptz` as the encoders write it (ISO 8601 UTC, years 0001–9999, a
 * real date), `uuid`, `text` (at most 100 characters).
 */
export type CursorKey = 'int' | 'timestamptz' | 'uuid' | 'text';
type CursorValue<K> = K extends 'int' ? number : string;
export type CursorValues<K extends readonly CursorKey[]> = {
  -readonly [I in keyof K]: CursorValue<K[I]>;
};

const INT4_MAX = 2 ** 31 - 1;
const TIMESTAMP = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;

function fits(key: CursorKey, value: unknown): boolean {
  switch (key) {
    case 'int':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= INT4_MAX;
    case 'timestamptz': {
      if (typeof value !== 'string' || !TIMESTAMP.test(value)) return false;
      // Date.parse rolls 2020-02-30 over to March; PostgreSQL refuses it. Same second back?
      const date = new Date(value);
      return (
        !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19)
      );
    }
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
    case 'text':
      return typeof value === 'string' && value.length <= 100;
  }
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The `after` cursor is not one this list gave out. */
export function invalidCursor(): ApiError {
  return new ApiError('validation_failed', 'The cursor is not valid.', [
    { path: 'after', message: 'Invalid cursor' },
  ]);
}

/** The cursor's values, each checked against its key; `validation_failed` otherwise. */
export function decodeCursor<const K extends readonly CursorKey[]>(
  cursor: string,
  keys: K,
): CursorValues<K> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  if (list.length !== keys.length || !keys.every((key, i) => fits(key, list[i]))) {
    throw invalidCursor();
  }
  return list as CursorValues<K>;
}

/**
 * A timestamp column as a cursor holds it: exact to the microsecond, in the form a
 * `timestamptz` key decodes (a JavaScript Date would drop the microseconds of a database
 * clock's stamp, and the next page would skip rows).
 */
export function cursorTimestamp(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after an `after` cursor of a newest-first list sorted by (created_at, id). */
export function afterNewest(after: string, createdAt: AnyColumn, id: AnyColumn): SQL {
  const [at, key] = decodeCursor(after, ['timestamptz', 'uuid']);
  return sql`(${createdAt}, ${id}) < (cast(${at} as timestamptz), cast(${key} as uuid))`;
}

/** Given first+1 rows, the page and the cursor for the next one. */
export function toPage<T>(rows: T[], first: number, keyOf: (row: T) => unknown[]) {
  const items = rows.slice(0, first);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > first && last ? encodeCursor(keyOf(last)) : null,
  };
}
