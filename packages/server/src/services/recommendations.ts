import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { StoreSettings } from '../db/types.js';
import { ApiError } from '../errors.js';
import type { Product } from '../schemas/products.js';
import { findProductRow, getProductsBatch } from './catalog.js';
import { findCustomer } from './customers.js';
import type { Store } from './stores.js';

/** What GET /v1/recommendations computes ("recently-viewed" lives on the shopper's device). */
export const RECOMMENDATION_KINDS = ['bought-together', 'similar', 'for-you'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Why the items were chosen: the kind asked for, or popularity when it had nothing to go on. */
export const RECOMMENDATION_BASES = ['bought-together', 'similar', 'for-you', 'popular'] as const;
export type RecommendationBasis = (typeof RECOMMENDATION_BASES)[number];

export const MAX_RECOMMENDATIONS = 24;
/** The products of a shopper's own orders that "for you" starts from (the latest ones). */
const HISTORY_PRODUCTS = 30;

/** A store's recommendation settings, defaults filled in (on unless the store turned it off). */
export function recommendationSettings(settings: StoreSettings): { enabled: boolean } {
  return { enabled: settings.recommendations?.enabled ?? true };
}

export interface RecommendationInput {
  kind: RecommendationKind;
  /** The product on display (handle or id): required for bought-together and similar. */
  product?: string | undefined;
  first: number;
  currency: string;
  origin: string;
  customerId: string | null;
}

export interface Recommendations {
  enabled: boolean;
  basis: RecommendationBasis | null;
  product: { id: string; handle: string; title: string } | null;
  currency: string;
  items: Product[];
}

/**
 * A product the storefront may recommend: active, of the store, with a variant in stock, and
 * not one of `excluded` (the product on display, what was picked already).
 */
function recommendable(store: Store, excluded: string[]): SQL {
  const notIn = excluded.length
    ? sql` and p.id not in (${sql.join(
        excluded.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  return sql`p.store_id = ${store.id} and p.status = 'active'${notIn}
    and exists (select 1 from variants v
      where v.store_id = p.store_id and v.product_id = p.id and v.stock > 0)`;
}

async function ids(db: Db, query: SQL): Promise<string[]> {
  // node-postgres and PGlite both answer { rows }; drizzle types the result per driver.
  const result = (await db.execute(query)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

/**
 * Bought in the same orders as `productId`, most often first. In the index's own order
 * (product_pairs_rank, nulls last as it is built): the read stops at the first `n` in stock.
 */
function boughtWith(db: Db, store: Store, productId: string, excluded: string[], n: number) {
  return ids(
    db,
    sql`select pp.other_id as id from product_pairs pp join products p on p.id = pp.other_id
      where pp.store_id = ${store.id} and pp.product_id = ${productId}
        and ${recommendable(store, excluded)}
      order by pp.orders desc nulls last, pp.other_id limit ${n}`,
  );
}

/** The words of a title that say what it is: lower-case, three letters or more. */
function titleWords(title: string): string[] {
  return [...new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3);
}

/** How many of the best candidates "similar" looks at: a read stays bounded at any size. */
const SIMILAR_CANDIDATES = 200;

/**
 * Like `target` as the catalog describes it: a word of the title in common ("Classic Tee",
 * "V-Neck Tee") or the same vendor; a shared word first, then those bought with it, then the
 * best sellers. Looked for among the products most often bought with it, the best sellers in
 * the currency and the first of the catalog (SIMILAR_CANDIDATES of each, by index).
 */
function similarTo(
  db: Db,
  store: Store,
  target: { id: string; title: string; vendor: string },
  currency: string,
  excluded: string[],
  n: number,
) {
  const words = titleWords(target.title);
  // One regular expression per row (\m, \M: a word's start and end); the words are letters and
  // digits only, nothing to escape.
  const titled = words.length
    ? sql`(lower(p.title) ~ ${`\\m(${words.join('|')})\\M`})`
    : sql`false`;
  return ids(
    db,
    sql`with candidates as (
        (select pp.other_id as id from product_pairs pp
          where pp.store_id = ${store.id} and pp.product_id = ${target.id}
          order by pp.orders desc nulls last, pp.other_id limit ${SIMILAR_CANDIDATES})
        union
        (select s.product_id from product_sales s
          where s.store_id = ${store.id} and s.currency = ${currency}
          order by s.orders desc nulls last, s.product_id limit ${SIMILAR_CANDIDATES})
        union
        (select p.id from products p where p.store_id = ${store.id} and p.status = 'active'
          order by p.position limit ${SIMILAR_CANDIDATES})
      )
      select p.id from candidates c join products p on p.id = c.id
      left join product_pairs pp on pp.store_id = p.store_id
        and pp.product_id = ${target.id} and pp.other_id = p.id
      left join product_sales s on s.store_id = p.store_id
        and s.currency = ${currency} and s.product_id = p.id
      where ${recommendable(store, excluded)}
        and ((p.vendor <> '' and p.vendor = ${target.vendor}) or ${titled})
      order by ${titled} desc, coalesce(pp.orders, 0) desc, coalesce(s.orders, 0) desc,
        p.position
      limit ${n}`,
  );
}

/**
 * What goes with the products of the shopper's own paid orders, not those products again:
 * they join `excluded`, for the top-up too.
 */
async function forShopper(db: Db, store: Store, customerId: string, excluded: string[], n: number) {
  const mine = await ids(
    db,
    sql`select l.product_id as id from orders o join order_lines l on l.order_id = o.id
      where o.store_id = ${store.id} and o.customer_id = ${customerId}
        and o.status = 'paid' and l.store_id = ${store.id}
      group by l.product_id order by max(o.paid_at) desc limit ${HISTORY_PRODUCTS}`,
  );
  if (!mine.length) return [];
  excluded.push(...mine);
  return ids(
    db,
    sql`select pp.other_id as id from product_pairs pp join products p on p.id = pp.other_id
      where pp.store_id = ${store.id}
        and pp.product_id in (${sql.join(
          mine.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        and ${recommendable(store, excluded)}
      group by pp.other_id, p.position order by sum(pp.orders) desc, p.position limit ${n}`,
  );
}

/**
 * What sells in the shopper's currency (paid orders in it), topped up from the catalog's
 * order when too little has sold yet (a cold start).
 */
async function popular(db: Db, store: Store, currency: string, excluded: string[], n: number) {
  const sold = await ids(
    db,
    sql`select s.product_id as id from product_sales s join products p on p.id = s.product_id
      where s.store_id = ${store.id} and s.currency = ${currency}
        and ${recommendable(store, excluded)}
      order by s.orders desc nulls last, s.product_id limit ${n}`,
  );
  if (sold.length >= n) return sold;
  const more = await ids(
    db,
    sql`select p.id from products p where ${recommendable(store, [...excluded, ...sold])}
      order by p.position limit ${n - sold.length}`,
  );
  return [...sold, ...more];
}

/** May this shopper's own orders shape what they see? Signed in and not opted out. */
async function personalised(db: Db, store: Store, customerId: string | null) {
  if (!customerId) return false;
  return (await findCustomer(db, store.id, customerId))?.personalization ?? false;
}

/**
 * Recommendations of `kind` (docs/server/recommendations.md): never the product on display,
 * never a product out of stock. A kind with nothing to go on (no orders yet, a guest or an
 * opted-out shopper asking "for you") answers what is popular, and says so in `basis`; a short
 * list is topped up from the same.
 */
export async function recommend(
  db: Db,
  store: Store,
  input: RecommendationInput,
): Promise<Recommendations> {
  const base = { currency: input.currency, product: null, items: [] };
  if (!recommendationSettings(store.settings).enabled) {
    return { ...base, enabled: false, basis: null };
  }
  const n = input.first;
  const row = input.product ? await findProductRow(db, store, input.product) : undefined;
  if (input.product && !row) throw new ApiError('product_not_found', 'No such product.');
  const shown = row ? [row.id] : [];
  let picked: string[] = [];
  if (input.kind === 'bought-together' && row) {
    picked = await boughtWith(db, store, row.id, shown, n);
  } else if (input.kind === 'similar' && row) {
    picked = await similarTo(db, store, row, input.currency, shown, n);
  } else if (
    input.kind === 'for-you' &&
    input.customerId &&
    (await personalised(db, store, input.customerId))
  ) {
    picked = await forShopper(db, store, input.customerId, shown, n);
  }
  const basis: RecommendationBasis = picked.length ? input.kind : 'popular';
  if (picked.length < n) {
    const more = await popular(db, store, input.currency, [...shown, ...picked], n - picked.length);
    picked = [...picked, ...more];
  }
  const { items } = await getProductsBatch(db, store, picked, input.currency, input.origin);
  return {
    ...base,
    enabled: true,
    basis,
    product: row ? { id: row.id, handle: row.handle, title: row.title } : null,
    items,
  };
}
