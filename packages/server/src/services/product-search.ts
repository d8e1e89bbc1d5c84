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

/** At most this many of a short text's pieces are looked up; `ilike` checks the rest. */
const MAX_PIECES = 8;

/**
 * What product_title_grams is asked for a text without a trigram: the text itself when it is
 * one or two characters, else its distinct two-character pieces (lowercased again by
 * PostgreSQL's `lower`, as the trigger lowercases titles: migration 0009).
 */
function titlePieces(text: string): string[] {
  const chars = [...text.toLowerCase()];
  if (chars.length <= 2) return [chars.join('')];
  const pairs = new Set(chars.slice(1).map((ch, i) => chars[i]! + ch));
  return [...pairs].slice(0, MAX_PIECES);
}

/**
 * The storefront search's condition: products whose title, description, vendor or handle
 * contains the text, in any case, with `%`, `_` and `\` taken literally. The fields are read
 * as one indexed expression (productSearchText, index products_search_trgm), so the planner
 * can look the text's trigrams up instead of reading every product; for a common word it may
 * rather walk the store order and stop at the page's end, which is cheaper still.
 *
 * A text without a trigram ("xl", "5%", "衬衫", "🎉") matches titles only: a letter or two
 * found somewhere in a description is noise rather than an answer. The trigram index cannot
 * answer it, so the title's one- and two-character pieces are looked up instead
 * (product_title_grams): every piece of the text must be in the title, then, for a text
 * longer than one piece, `ilike` checks the text itself. Substring matching, so two
 * characters inside unspaced Chinese or Japanese text are found (docs/decisions/013).
 */
export function productSearchCondition(text: string): SQL {
  const pattern = containsPattern(text);
  if (hasTrigram(text)) return sql`${productSearchText(products)} ilike ${pattern} escape '\\'`;
  const inTitle = sql.join(
    titlePieces(text).map(
      (piece) => sql`exists (select 1 from product_title_grams g
        where g.product_id = ${products.id} and g.gram = lower(${piece}))`,
    ),
    sql` and `,
  );
  // A text of one or two characters is one piece: found, it is in the title, no more to
  // check (and an ilike beside it would make the planner read every title first: it guesses
  // ilike far too selective). With the pieces' statistics (autovacuum; on PGlite the
  // analyze-catalog job) it looks a rare piece up first and walks the store order for a
  // common one.
  if ([...text].length <= 2) return inTitle;
  return sql`${inTitle} and ${products.title} ilike ${pattern} escape '\\'`;
}
