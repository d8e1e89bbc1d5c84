import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import {
  images,
  productImages,
  products,
  reviews,
  variantPrices,
  variants,
} from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { decodeCursor, toPage } from '../pagination.js';
import type { Product, ProductImage, ProductVariant, VariantImage } from '../schemas/products.js';
import { isUuid } from '../uuid.js';
import { toMoney } from './money.js';
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

type ProductRow = Pick<
  typeof products.$inferSelect,
  'id' | 'handle' | 'title' | 'description' | 'vendor' | 'options' | 'position'
>;

const productColumns = {
  id: products.id,
  handle: products.handle,
  title: products.title,
  description: products.description,
  vendor: products.vendor,
  options: products.options,
  position: products.position,
};

/** What a storefront Product is made from, whichever query read it. */
interface ProductParts {
  row: ProductRow;
  /** In the product's variant order; prices only in the currencies asked for. */
  variants: {
    id: string;
    title: string;
    options: Record<string, string>;
    stock: number;
    image: VariantImage | null;
    prices: Map<string, { amount: number; compareAt: number | null }>;
  }[];
  images: ProductImage[];
  rating: { count: number; sum: number } | undefined;
}

/**
 * The storefront Product. It is priced in one currency: the asked one if every variant has
 * a price in it, else the store default. Variants without a price there are not for sale.
 */
function toProduct(parts: ProductParts, currency: string, fallback: string): Product {
  const { row, variants: all, rating } = parts;
  const productCurrency =
    all.length > 0 && all.every((v) => v.prices.has(currency)) ? currency : fallback;
  const priced = all.filter((v) => v.prices.has(productCurrency));
  const out: ProductVariant[] = priced.map((v) => {
    const p = v.prices.get(productCurrency)!;
    return {
      id: v.id,
      title: v.title,
      options: v.options,
      image: v.image,
      price: toMoney(p.amount, productCurrency),
      compareAtPrice:
        p.compareAt !== null && p.compareAt > p.amount
          ? toMoney(p.compareAt, productCurrency)
          : null,
      available: v.stock > 0,
      quantityAvailable: v.stock,
    };
  });
  const amounts = priced.map((v) => v.prices.get(productCurrency)!.amount);
  const min = amounts.length ? Math.min(...amounts) : 0;
  const max = amounts.length ? Math.max(...amounts) : 0;
  const count = rating?.count ?? 0;
  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    description: row.description,
    vendor: row.vendor,
    currency: productCurrency,
    images: parts.images,
    options: row.options,
    variants: out,
    priceRange: { min: toMoney(min, productCurrency), max: toMoney(max, productCurrency) },
    rating: {
      average: count ? Math.round((rating!.sum / count) * 10) / 10 : 0,
      count,
    },
  };
}

/** The currencies a read asks prices in: the shopper's and the store default. */
function priceCurrencies(store: Store, currency: string): string[] {
  return [...new Set([currency, store.currencies[0]!])];
}

/**
 * Completes product rows into storefront Products with a fixed number of queries
 * (variants with their prices, images, ratings), whatever the number of products.
 */
export async function hydrateProducts(
  db: Db,
  store: Store,
  rows: ProductRow[],
  currency: string,
  origin: string,
): Promise<Product[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const currencies = priceCurrencies(store, currency);

  const [variantRows, imageRows, ratingRows] = await Promise.all([
    db
      .select({
        id: variants.id,
        productId: variants.productId,
        title: variants.title,
        options: variants.options,
        stock: variants.stock,
        imageId: productImages.imageId,
        imageAlt: productImages.alt,
        currency: variantPrices.currency,
        amountMinor: variantPrices.amountMinor,
        compareAtMinor: variantPrices.compareAtMinor,
      })
      .from(variants)
      .leftJoin(productImages, eq(productImages.id, variants.imageId))
      .leftJoin(
        variantPrices,
        and(eq(variantPrices.variantId, variants.id), inArray(variantPrices.currency, currencies)),
      )
      .where(and(eq(variants.storeId, store.id), inArray(variants.productId, ids)))
      .orderBy(asc(variants.productId), asc(variants.position), asc(variants.id)),
    galleryRows(db, store.id, ids),
    db
      .select({
        productId: reviews.productId,
        count: sql<number>`count(*)::int`,
        sum: sql<number>`coalesce(sum(${reviews.rating}), 0)::int`,
      })
      .from(reviews)
      .where(
        and(
          eq(reviews.storeId, store.id),
          inArray(reviews.productId, ids),
          eq(reviews.status, 'approved'),
        ),
      )
      .groupBy(reviews.productId),
  ]);

  type Variant = ProductParts['variants'][number];
  const variantsByProduct = new Map<string, Variant[]>();
  const seen = new Map<string, Variant>();
  for (const row of variantRows) {
    let v = seen.get(row.id);
    if (!v) {
      v = {
        id: row.id,
        title: row.title,
        options: row.options,
        stock: row.stock,
        image:
          row.imageId === null ? null : { url: imageUrl(origin, row.imageId), alt: row.imageAlt! },
        prices: new Map(),
      };
      seen.set(row.id, v);
      const list = variantsByProduct.get(row.productId) ?? [];
      list.push(v);
      variantsByProduct.set(row.productId, list);
    }
    if (row.currency !== null && row.amountMinor !== null) {
      v.prices.set(row.currency, { amount: row.amountMinor, compareAt: row.compareAtMinor });
    }
  }
  const imagesByProduct = new Map<string, ProductImage[]>();
  for (const row of imageRows) {
    const list = imagesByProduct.get(row.productId) ?? [];
    list.push({
      url: imageUrl(origin, row.imageId),
      alt: row.alt,
      width: row.width,
      height: row.height,
    });
    imagesByProduct.set(row.productId, list);
  }
  const ratings = new Map(ratingRows.map((r) => [r.productId, r]));

  return rows.map((row) =>
    toProduct(
      {
        row,
        variants: variantsByProduct.get(row.id) ?? [],
        images: imagesByProduct.get(row.id) ?? [],
        rating: ratings.get(row.id),
      },
      currency,
      store.currencies[0]!,
    ),
  );
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
  const rows = await db
    .select(productColumns)
    .from(products)
    .where(and(...conditions))
    .orderBy(asc(products.position))
    .limit(input.first + 1);
  const page = toPage(rows, input.first, (r) => [r.position]);
  const items = await hydrateProducts(db, store, page.items, input.currency, input.origin);
  return { items, nextCursor: page.nextCursor };
}

/**
 * Active products by id or handle, in one query. Refs that are not UUIDs can only be
 * handles, so a malformed id is simply not found.
 */
export async function findProductRows(db: Db, store: Store, refs: string[]) {
  if (refs.length === 0) return [];
  const ids = refs.filter(isUuid).map((r) => r.toLowerCase());
  const handles = refs;
  const match = ids.length
    ? or(inArray(products.id, ids), inArray(products.handle, handles))!
    : inArray(products.handle, handles);
  return db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.storeId, store.id), eq(products.status, 'active'), match));
}

/** One active product by id or handle. */
export async function findProductRow(db: Db, store: Store, ref: string) {
  const rows = await findProductRows(db, store, [ref]);
  // A handle that happens to look like another product's id must not shadow it: prefer the id.
  return rows.find((r) => r.id === ref.toLowerCase()) ?? rows.find((r) => r.handle === ref);
}

/** The product read's answer from SQL: the parts of one product as JSON, ids for images. */
interface ProductJson {
  row: ProductRow;
  variants: {
    id: string;
    title: string;
    options: Record<string, string>;
    stock: number;
    imageId: string | null;
    imageAlt: string | null;
    prices: { currency: string; amount: number; compareAt: number | null }[];
  }[];
  images: { imageId: string; alt: string; width: number; height: number }[];
  rating: { count: number; sum: number };
}

/**
 * One active product by id or handle with its variants, prices, images and rating, as one
 * JSON value from one statement (not one per part): PostgreSQL plans and runs it in one round
 * trip. Prepared once per database under a name, so neither drizzle nor PostgreSQL builds it
 * again per request (db/settings.ts, KIOSK_DB_PREPARE, for poolers that cannot keep names).
 * A handle that happens to look like another product's id must not shadow it: the id wins.
 */
function productReadStatement(db: Db) {
  // Written out with aliases: drizzle leaves the columns of a one-table select unqualified,
  // which the subqueries would make ambiguous.
  const json = sql<ProductJson>`json_build_object(
    'row', json_build_object(
      'id', p.id, 'handle', p.handle, 'title', p.title, 'description', p.description,
      'vendor', p.vendor, 'options', p.options, 'position', p.position),
    'variants', coalesce((
      select json_agg(json_build_object(
        'id', v.id, 'title', v.title, 'options', v.options, 'stock', v.stock,
        'imageId', vi.image_id, 'imageAlt', vi.alt,
        'prices', coalesce((
          select json_agg(json_build_object(
            'currency', vp.currency, 'amount', vp.amount_minor,
            'compareAt', vp.compare_at_minor))
          from variant_prices vp
          where vp.variant_id = v.id
            and vp.currency in (${sql.placeholder('currency')}, ${sql.placeholder('fallback')})
        ), '[]'::json)
      ) order by v.position, v.id)
      from variants v left join product_images vi on vi.id = v.image_id
      where v.store_id = p.store_id and v.product_id = p.id
    ), '[]'::json),
    'images', coalesce((
      select json_agg(json_build_object(
        'imageId', g.image_id, 'alt', g.alt, 'width', i.width, 'height', i.height
      ) order by g.position, g.id)
      from product_images g join images i on i.id = g.image_id
      where g.store_id = p.store_id and g.product_id = p.id
    ), '[]'::json),
    'rating', (
      select json_build_object('count', count(*)::int, 'sum', coalesce(sum(r.rating), 0)::int)
      from reviews r
      where r.store_id = p.store_id and r.product_id = p.id and r.status = 'approved'
    )
  )`;
  const id = sql`${sql.placeholder('id')}::uuid`;
  return db
    .select({ product: json })
    .from(sql`products p`)
    .where(
      sql`p.store_id = ${sql.placeholder('storeId')} and p.status = 'active'
        and (p.handle = ${sql.placeholder('ref')} or p.id = ${id})`,
    )
    .orderBy(sql`(p.id = ${id}) is true desc`)
    .limit(1)
    .prepare('kiosk_product_read');
}

const productReads = new WeakMap<Db, ReturnType<typeof productReadStatement>>();

export async function getProduct(
  db: Db,
  store: Store,
  ref: string,
  currency: string,
  origin: string,
): Promise<Product> {
  let statement = productReads.get(db);
  if (!statement) {
    statement = productReadStatement(db);
    productReads.set(db, statement);
  }
  const [fallback] = store.currencies;
  const [found] = await statement.execute({
    storeId: store.id,
    ref,
    id: isUuid(ref) ? ref.toLowerCase() : null,
    currency,
    fallback,
  });
  if (!found) throw new ApiError('product_not_found', 'No such product.');
  const { row, variants: variantJson, images: imageJson, rating } = found.product;
  return toProduct(
    {
      row,
      variants: variantJson.map((v) => ({
        id: v.id,
        title: v.title,
        options: v.options,
        stock: v.stock,
        image: v.imageId === null ? null : { url: imageUrl(origin, v.imageId), alt: v.imageAlt! },
        prices: new Map(v.prices.map((p) => [p.currency, p])),
      })),
      images: imageJson.map((i) => ({
        url: imageUrl(origin, i.imageId),
        alt: i.alt,
        width: i.width,
        height: i.height,
      })),
      rating,
    },
    currency,
    fallback!,
  );
}

/**
 * Many products by id or handle (mixed), for a page of product cards. Items come in the
 * order asked (each product once); refs that match nothing are listed in `missing`.
 */
export async function getProductsBatch(
  db: Db,
  store: Store,
  refs: string[],
  currency: string,
  origin: string,
): Promise<{ items: Product[]; missing: string[] }> {
  const rows = await findProductRows(db, store, refs);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byHandle = new Map(rows.map((r) => [r.handle, r]));
  const ordered: ProductRow[] = [];
  const taken = new Set<string>();
  const missing: string[] = [];
  for (const ref of refs) {
    const row = byId.get(ref.toLowerCase()) ?? byHandle.get(ref);
    if (!row) {
      missing.push(ref);
      continue;
    }
    if (taken.has(row.id)) continue;
    taken.add(row.id);
    ordered.push(row);
  }
  const items = await hydrateProducts(db, store, ordered, currency, origin);
  return { items, missing };
}
