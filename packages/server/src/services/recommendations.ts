import { type SQL, sql } from 'drizzle-orm';
import type { RecommendationList, RecommendationLists } from '../cache/recommendation-lists.js';
import type { Db } from '../db/index.js';
import type { StoreSettings } from '../db/types.js';
import { ApiError } from '../errors.js';
import type { Product } from '../schemas/products.js';
import { findProductRow, getProductsByIds } from './catalog.js';
import type { Store } from './stores.js';

/** What GET /v1/recommendations computes ("recently-viewed" lives on the shopper's device). */
export const RECOMMENDATION_KINDS = ['bought-together', 'similar', 'for-you'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Why the items were chosen: the kind asked for, or popularity when it had nothing to go on. */
export const RECOMMENDATION_BASES = ['bought-together', 'similar', 'for-you', 'popular'] as const;
export type RecommendationBasis = (typeof RECOMMENDATION_BASES)[number];

export const MAX_RECOMMENDATIONS = 24;
/** How many a read names when it does not say (`first`). */
export const DEFAULT_RECOMMENDATIONS = 8;
/**
 * How many products a kept list names: the most a read asks for, and spares for those that
 * sell out while it is kept.
 */
const KEPT_LIST_LENGTH = MAX_RECOMMENDATIONS + 8;
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
}

export interface Recommendations {
  enabled: boolean;
  basis: RecommendationBasis | null;
  product: { id: string; handle: string; title: string } | null;
  currency: string;
  items: Product[];
}

/** The product `p` (a products row) has a variant in stock. */
function inStock(p: SQL): SQL {
  return sql`exists (select 1 from variants v
    where v.store_id = ${p}.store_id and v.product_id = ${p}.id and v.stock > 0)`;
}

/**
 * A product `p` the storefront may recommend: active, of the store, with a variant in stock,
 * and not one of `excluded` (the product on display, what was picked already).
 */
function recommendable(store: Store, excluded: string[]): SQL {
  const notIn = excluded.length
    ? sql` and p.id not in (${sql.join(
        excluded.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  return sql`p.store_id = ${store.id} and p.status = 'active'${notIn} and ${inStock(sql`p`)}`;
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
  // The candidates' products are looked up one by one (`offset 0` keeps PostgreSQL from
  // flattening the lateral into a join): joined, it guessed few titles would match and planned
  // a scan of the whole catalog, the regular expression on every product.
  return ids(
    db,
    sql`with candidates as (
        (select pp.other_id as id, pp.orders as together from product_pairs pp
          where pp.store_id = ${store.id} and pp.product_id = ${target.id}
          order by pp.orders desc nulls last, pp.other_id limit ${SIMILAR_CANDIDATES})
        union all
        (select s.product_id, null from product_sales s
          where s.store_id = ${store.id} and s.currency = ${currency}
          order by s.orders desc nulls last, s.product_id limit ${SIMILAR_CANDIDATES})
        union all
        (select p.id, null from products p where p.store_id = ${store.id} and p.status = 'active'
          order by p.position limit ${SIMILAR_CANDIDATES})
      ), ranked as (select id, max(together) as together from candidates group by id)
      select p.id from ranked c
      cross join lateral (select p.id, p.title, p.position from products p
        where p.id = c.id and ${recommendable(store, excluded)}
          and ((p.vendor <> '' and p.vendor = ${target.vendor}) or ${titled})
        offset 0) p
      order by ${titled} desc, coalesce(c.together, 0) desc,
        coalesce((select s.orders from product_sales s where s.store_id = ${store.id}
          and s.currency = ${currency} and s.product_id = p.id), 0) desc,
        p.position
      limit ${n}`,
  );
}

/**
 * How many of each of a shopper's products' partners "for you" sums (the most often bought with
 * it, by index): a best seller has thousands, and the read stays bounded however many.
 */
const SHOPPER_PARTNERS = 100;

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
    sql`select pp.other_id as id from unnest(array[${sql.join(
      mine.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]) as mine(id)
      cross join lateral (select pp.other_id, pp.orders from product_pairs pp
        where pp.store_id = ${store.id} and pp.product_id = mine.id
        order by pp.orders desc nulls last, pp.other_id limit ${SHOPPER_PARTNERS}) pp
      join products p on p.id = pp.other_id
      where ${recommendable(store, excluded)}
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

/**
 * What a signed-in shopper's own "for you" turns on, read for each of their reads: null if
 * their orders may not shape it (opted out, or no such customer), else which paid orders they
 * have (how many, the latest's time). A kept list is theirs for that history only, so an
 * opt-out or a payment (or refund) on any instance changes their next answer at once.
 */
export async function shopperHistory(
  db: Db,
  store: Store,
  customerId: string,
): Promise<string | null> {
  // node-postgres and PGlite both answer { rows }; drizzle types the result per driver.
  const result = (await db.execute(
    sql`select h.paid, h.last from customers c cross join lateral (
        select count(*)::int as paid, max(o.paid_at)::text as last from orders o
        where o.store_id = c.store_id and o.customer_id = c.id and o.status = 'paid') h
      where c.store_id = ${store.id} and c.id = ${customerId} and c.personalization`,
  )) as unknown as { rows: { paid: number; last: string | null }[] };
  const row = result.rows[0];
  return row ? `${row.paid}\n${row.last ?? ''}` : null;
}

type ShownProduct = Awaited<ReturnType<typeof findProductRow>>;

/** The product on display, if asked for; `product_not_found` if the store has no such one. */
async function shownProduct(db: Db, store: Store, ref: string | undefined): Promise<ShownProduct> {
  if (!ref) return undefined;
  const row = await findProductRow(db, store, ref);
  if (!row) throw new ApiError('product_not_found', 'No such product.');
  return row;
}

/**
 * The `n` products of `kind` for the product on display, best first: never it, never one
 * out of stock. A kind with nothing to go on (no orders yet, a guest or an opted-out
 * shopper asking "for you": no `customerId`) names what is popular; a short list is topped
 * up from the same.
 */
async function rank(
  db: Db,
  store: Store,
  kind: RecommendationKind,
  shown: ShownProduct,
  currency: string,
  customerId: string | null,
  n: number,
): Promise<RecommendationList> {
  const excluded = shown ? [shown.id] : [];
  let picked: string[] = [];
  if (kind === 'bought-together' && shown) {
    picked = await boughtWith(db, store, shown.id, excluded, n);
  } else if (kind === 'similar' && shown) {
    picked = await similarTo(db, store, shown, currency, excluded, n);
  } else if (kind === 'for-you' && customerId) {
    picked = await forShopper(db, store, customerId, excluded, n);
  }
  const chosen = picked.length;
  if (picked.length < n) {
    const more = await popular(db, store, currency, [...excluded, ...picked], n - picked.length);
    picked = [...picked, ...more];
  }
  return { ids: picked, chosen };
}

function answer(
  input: RecommendationInput,
  shown: ShownProduct,
  basis: RecommendationBasis,
  items: Product[],
): Recommendations {
  return {
    enabled: true,
    basis,
    product: shown ? { id: shown.id, handle: shown.handle, title: shown.title } : null,
    currency: input.currency,
    items,
  };
}

/**
 * A signed-in shopper's own "for you", for their `history` (`shopperHistory`): what goes with
 * the products of their paid orders, topped up with what is popular. Which products, kept in
 * `lists` for that shopper, currency and history (up to a minute, as the others' lists);
 * the products read now, as for `recommend`.
 */
export async function recommendForShopper(
  db: Db,
  lists: RecommendationLists,
  store: Store,
  input: RecommendationInput,
  customerId: string,
  history: string,
): Promise<Recommendations> {
  const shown = await shownProduct(db, store, input.product);
  // Not for the product on display: `current` leaves it out, so one list serves any.
  const key = `${store.id}\n${customerId}\n${input.currency}\n${history}`;
  const compute = () =>
    rank(db, store, 'for-you', undefined, input.currency, customerId, KEPT_LIST_LENGTH);
  return current(db, lists, key, compute, store, shown, input);
}

/**
 * The first `input.first` products of `list` as they are now, the product on display and
 * those drafted, deleted or sold out since left out: the first ones read, and only if some of
 * them are gone, the rest of the list.
 */
async function inStockOf(
  db: Db,
  store: Store,
  list: RecommendationList,
  shown: ShownProduct,
  input: RecommendationInput,
): Promise<Product[]> {
  const candidates = list.ids.filter((id) => id !== shown?.id);
  const read = (some: string[]) =>
    getProductsByIds(db, store, some, inStock(sql`products`), input.currency, input.origin);
  const items = await read(candidates.slice(0, input.first));
  if (items.length === input.first || candidates.length <= input.first) return items;
  const more = await read(candidates.slice(input.first));
  return [...items, ...more].slice(0, input.first);
}

/**
 * Recommendations that are the same for everyone who asks them (all but a signed-in shopper's
 * own "for you"), docs/server/recommendations.md. Which products they name comes from the list
 * `lists` keeps (RECOMMENDATION_LIST_TTL_MS, up to a minute behind the orders); the products
 * are read now, and one since drafted, deleted or sold out is left out, the next in the list
 * taking its place. A list that so runs short of `first` is computed again.
 */
export async function recommend(
  db: Db,
  lists: RecommendationLists,
  store: Store,
  input: RecommendationInput,
): Promise<Recommendations> {
  if (!recommendationSettings(store.settings).enabled) {
    return { enabled: false, basis: null, product: null, currency: input.currency, items: [] };
  }
  const shown = await shownProduct(db, store, input.product);
  const key = `${store.id}\n${input.kind}\n${shown?.id ?? ''}\n${input.currency}`;
  const compute = () => rank(db, store, input.kind, shown, input.currency, null, KEPT_LIST_LENGTH);
  return current(db, lists, key, compute, store, shown, input);
}

/**
 * The answer from the list `lists` keeps as `key` (else `compute`s), its products as they are
 * now; a list that runs short of `first` in stock is computed again.
 */
async function current(
  db: Db,
  lists: RecommendationLists,
  key: string,
  compute: () => Promise<RecommendationList>,
  store: Store,
  shown: ShownProduct,
  input: RecommendationInput,
): Promise<Recommendations> {
  let list = await lists.get(key, compute);
  let items = await inStockOf(db, store, list, shown, input);
  if (items.length < input.first && list.ids.length === KEPT_LIST_LENGTH) {
    list = await lists.get(key, compute, true);
    items = await inStockOf(db, store, list, shown, input);
  }
  const first = items[0] ? list.ids.indexOf(items[0].id) : -1;
  return answer(input, shown, first >= 0 && first < list.chosen ? input.kind : 'popular', items);
}
