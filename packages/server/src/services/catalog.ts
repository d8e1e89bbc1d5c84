import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { images, productImages, products } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { decodeCursor, toPage } from '../pagination.js';
import type { Product } from '../schemas/products.js';
import { isUuid } from '../uuid.js';
import { minorDigits } from './money.js';
import { type ProductJsonParams, productJson, productPricing } from './product-json.js';
import { productSearchCondition } from './product-search.js';
import type { Store } from './stores.js';

export const MAX_BATCH = 50;

/** The products' gallery images with their sizes, in gallery order, product by product. */
export function galleryRows(db: Db, storeId: string, productIds: string[]) {
  return db
    .select({
      galleryId: productImages.id,
      productId: productImages.productId,
      imageId: productImages.imageId,
      alt: productImages.alt,
      width: images.width,
      height: images.height,
    })
    .from(productImages)
    .innerJoin(images, eq(images.id, productImages.imageId))
    .where(and(eq(productImages.storeId, storeId), inArray(productImages.productId, productIds)))
    .orderBy(asc(productImages.productId), asc(productImages.position), asc(productImages.id));
}

/**
 * The currency to price in: the requested one when the store sells it, else the store's
 * default. A shopper's currency preference (`auto` → a locale guess) may be one the store
 * does not sell; that is not an error, the Money says which currency was used.
 */
export function resolveCurrency(store: Store, requested: string | undefined): string {
  const code = requested?.toUpperCase();
  if (code && store.currencies.includes(code)) return code;
  return store.currencies[0]!;
}

export function imageUrl(origin: string, imageId: string): string {
  return `${origin}/images/${imageId}`;
}

const productColumns = {
  id: products.id,
  handle: products.handle,
  title: products.title,
  description: products.description,
  vendor: products.vendor,
  options: products.options,
  position: products.position,
};

/** What a read prices and links its products with (services/product-json.ts), as values. */
function pricedFor(store: Store, currency: string, origin: string): ProductJsonParams {
  const fallback = store.currencies[0]!;
  return {
    currency: sql`${currency}`,
    fallback: sql`${fallback}`,
    currencyDigits: sql`${minorDigits(currency)}`,
    fallbackDigits: sql`${minorDigits(fallback)}`,
    origin: sql`${origin}`,
  };
}

/** Active products of `store` as storefront Products, with `where` (on `products`) and order. */
function selectProducts(db: Db, store: Store, currency: string, origin: string) {
  const params = pricedFor(store, currency, origin);
  // Raw columns: drizzle refuses a table's columns in a select from SQL it cannot see into.
  return db
    .select({
      product: sql<Product>`${productJson(params)}`,
      id: sql<string>`products.id`,
      handle: sql<string>`products.handle`,
      position: sql<number>`products.position`,
    })
    .from(sql`products ${productPricing(params, currency === store.currencies[0])}`);
}

export interface ListProductsInput {
  first: number;
  after?: string | undefined;
  query?: string | undefined;
  currency: string;
  origin: string;
}

/** Active products in the store's order (position), optionally matching a search text. */
export async function listProducts(db: Db, store: Store, input: ListProductsInput) {
  const conditions: SQL[] = [eq(products.storeId, store.id), eq(products.status, 'active')];
  if (input.after !== undefined)
    conditions.push(gt(products.position, decodeCursor(input.after, ['int'])[0]));
  const q = input.query?.trim();
  if (q) conditions.push(productSearchCondition(q));
  const rows = await selectProducts(db, store, input.currency, input.origin)
    .where(and(...conditions))
    .orderBy(asc(products.position))
    .limit(input.first + 1);
  const page = toPage(rows, input.first, (r) => [r.position]);
  return { items: page.items.map((r) => r.product), nextCursor: page.nextCursor };
}

/** Matches active products of `store` by id or handle: refs that are not UUIDs can only be handles. */
function byRefs(store: Store, refs: string[]): SQL {
  const ids = refs.filter(isUuid).map((r) => r.toLowerCase());
  const match = ids.length
    ? or(inArray(products.id, ids), inArray(products.handle, refs))!
    : inArray(products.handle, refs);
  return and(eq(products.storeId, store.id), eq(products.status, 'active'), match)!;
}

/** One active product by id or handle (its row, not priced). */
export async function findProductRow(db: Db, store: Store, ref: string) {
  const rows = await db
    .select(productColumns)
    .from(products)
    .where(byRefs(store, [ref]));
  return preferId(rows, ref);
}

/** A handle that happens to look like another product's id must not shadow it: the id wins. */
function preferId<T extends { id: string; handle: string }>(rows: T[], ref: string): T | undefined {
  return rows.find((r) => r.id === ref.toLowerCase()) ?? rows.find((r) => r.handle === ref);
}

/**
 * One active product by id or handle, as the JSON text of the storefront Product, from one
 * statement: PostgreSQL plans and runs it in one round trip and writes the answer as sent
 * (services/product-json.ts). Prepared once per database under a name, so neither drizzle nor
 * PostgreSQL builds it again per request (db/settings.ts, KIOSK_DB_PREPARE, for poolers that
 * cannot keep names). Four shapes, each as lean as its read allows: a ref that is not a UUID
 * can only be a handle (one index lookup, nothing to sort); for a UUID the id wins over a
 * handle that looks like it. Priced in the store's currency, it skips the look at the
 * variants' prices (productPricing).
 */
function productReadStatement(db: Db, byId: boolean, inStoreCurrency: boolean) {
  const params: ProductJsonParams = {
    currency: sql`${sql.placeholder('currency')}`,
    fallback: sql`${sql.placeholder('fallback')}`,
    currencyDigits: sql`${sql.placeholder('currencyDigits')}`,
    fallbackDigits: sql`${sql.placeholder('fallbackDigits')}`,
    origin: sql`${sql.placeholder('origin')}`,
  };
  const ofStore = sql`products.store_id = ${sql.placeholder('storeId')} and products.status = 'active'`;
  const read = db
    .select({ product: sql<string>`${productJson(params)}::text` })
    .from(sql`products ${productPricing(params, inStoreCurrency)}`);
  const name = `kiosk_product_json_${byId ? 'id' : 'handle'}_${inStoreCurrency ? 'store' : 'asked'}`;
  if (!byId)
    return read
      .where(sql`${ofStore} and products.handle = ${sql.placeholder('ref')}`)
      .prepare(name);
  const id = sql`${sql.placeholder('id')}::uuid`;
  return read
    .where(sql`${ofStore} and (products.handle = ${sql.placeholder('ref')} or products.id = ${id})`)
    .orderBy(sql`(products.id = ${id}) is true desc`)
    .limit(1)
    .prepare(name);
}

type ProductReadStatement = ReturnType<typeof productReadStatement>;
const productReads = new WeakMap<Db, Map<string, ProductReadStatement>>();

function productReadFor(db: Db, byId: boolean, inStoreCurrency: boolean): ProductReadStatement {
  const statements = productReads.get(db) ?? new Map<string, ProductReadStatement>();
  productReads.set(db, statements);
  const shape = `${byId} ${inStoreCurrency}`;
  const statement = statements.get(shape) ?? productReadStatement(db, byId, inStoreCurrency);
  statements.set(shape, statement);
  return statement;
}

/** One active product's JSON text (a storefront Product); `product_not_found` if none. */
export async function getProductJson(
  db: Db,
  store: Store,
  ref: string,
  currency: string,
  origin: string,
): Promise<string> {
  const fallback = store.currencies[0]!;
  const byId = isUuid(ref);
  const statement = productReadFor(db, byId, currency === fallback);
  const [found] = await statement.execute({
    storeId: store.id,
    ref,
    id: byId ? ref.toLowerCase() : null,
    currency,
    fallback,
    currencyDigits: minorDigits(currency),
    fallbackDigits: minorDigits(fallback),
    origin,
  });
  if (!found) throw new ApiError('product_not_found', 'No such product.');
  return found.product;
}

/**
 * The active products of `ids` that also meet `where` (on `products`), in the order of `ids`,
 * in one statement.
 */
export async function getProductsByIds(
  db: Db,
  store: Store,
  ids: string[],
  where: SQL,
  currency: string,
  origin: string,
): Promise<Product[]> {
  if (!ids.length) return [];
  const rows = await selectProducts(db, store, currency, origin).where(
    and(
      eq(products.storeId, store.id),
      eq(products.status, 'active'),
      inArray(products.id, ids),
      where,
    ),
  );
  const byId = new Map(rows.map((r) => [r.id, r.product]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Many products by id or handle (mixed), for a page of product cards, in one statement. Items
 * come in the order asked (each product once); refs that match nothing are listed in `missing`.
 */
export async function getProductsBatch(
  db: Db,
  store: Store,
  refs: string[],
  currency: string,
  origin: string,
): Promise<{ items: Product[]; missing: string[] }> {
  const rows = refs.length
    ? await selectProducts(db, store, currency, origin).where(byRefs(store, refs))
    : [];
  const items: Product[] = [];
  const taken = new Set<string>();
  const missing: string[] = [];
  for (const ref of refs) {
    const row = preferId(rows, ref);
    if (!row) {
      missing.push(ref);
      continue;
    }
    if (taken.has(row.id)) continue;
    taken.add(row.id);
    items.push(row.product);
  }
  return { items, missing };
}
