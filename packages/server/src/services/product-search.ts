import { type SQL, sql } from 'drizzle-orm';
import { productSearchText, products } from '../db/schema/index.js';

/**
 * Whether a trigram index can answer `ilike '%text%'`: pg_trgm looks the text up by the
 * three-character runs of its words (letters and digits; `%`, spaces and emoji split words),
 * so a text without three word characters in a row has nothing to look up.
 */
function hasTrigram(text: string): boolean {
  return /[\p{L}\p{M}\p{N}]{3}/u.test(text);
}

/** LIKE pattern matching `text` literally anywhere (wildcards in the text are escaped). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The storefront search's condition: products whose title, description, vendor or handle
 * contains the text, in any case, with `%`, `_` and `\` taken literally. The fields are read
 * as one indexed expression (productSearchText, index products_search_trgm), so the planner
 * can look the text's trigrams up instead of reading every product; for a common word it may
 * rather walk the store order and stop at the page's end, which is cheaper still.
 *
 * A text without a trigram ("xl", "5%", "🎉") cannot use the index, so it matches titles
 * only: reading every title costs a fraction of reading every description, and a letter or
 * two found somewhere in a description is noise rather than an answer.
 */
export function productSearchCondition(text: string): SQL {
  const pattern = containsPattern(text);
  const field = hasTrigram(text) ? productSearchText(products) : products.title;
  return sql`${field} ilike ${pattern} escape '\\'`;
}
