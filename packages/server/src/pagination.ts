import { ApiError } from './errors.js';

/** Opaque cursors: base64url JSON of the sort key of the last item returned. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // falls through to the error below
  }
  throw new ApiError('validation_failed', 'The cursor is not valid.', [
    { path: 'after', message: 'Invalid cursor' },
  ]);
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
