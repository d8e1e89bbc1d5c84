import { type AnyColumn, or, type SQL, sql } from 'drizzle-orm';
import { products } from '../db/schema/index.js';

/**
 * The shortest search text a trigram index can answer: pg_trgm finds `ilike '%text%'` by the
 * three-character runs of the text, and a shorter one has none.
 */
export const MIN_INDEXED_QUERY = 3;

/** LIKE pattern matching `text` literally anywhere (wildcards in the text are escaped). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The storefront search's condition: products whose title, description, vendor or handle
 * contains the text, in any case, with `%`, `_` and `\` taken literally. Each field has a
 * trigram index (products_*_trgm), so the planner answers with a BitmapOr of index scans
 * instead of reading every product; for a common word it may rather walk the store order and
 * stop at the page's end, which is cheaper still.
 *
 * A text of 1–2 characters has no trigram, so no index can help: it matches titles only.
 * Reading every title is a fraction of reading every description, and a letter or two found
 * somewhere in a description is noise rather than an answer.
 */
export function productSearchCondition(text: string): SQL {
  const pattern = containsPattern(text);
  const contains = (column: AnyColumn) => sql`${column} ilike ${pattern} escape '\\'`;
  // Characters, not UTF-16 units: an emoji is one character to pg_trgm, as to the shopper.
  if ([...text].length < MIN_INDEXED_QUERY) return contains(products.title);
  return or(
    contains(products.title),
    contains(products.description),
    contains(products.vendor),
    contains(products.handle),
  )!;
}
