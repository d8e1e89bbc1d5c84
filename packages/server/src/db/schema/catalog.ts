import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, minor, ownedBy, storeId } from './columns.js';

export interface ProductOption {
  name: string;
  values: string[];
}

/**
 * What the storefront search reads (services/product-search.ts): title, description, vendor
 * and handle, joined by U+001F (the unit separator, a control character that neither product
 * text nor a search box uses), so a match cannot straddle two fields. One expression, indexed
 * as is: a query must use this very expression for the planner to use products_search_trgm.
 */
export function productSearchText(t: {
  title: AnyPgColumn;
  description: AnyPgColumn;
  vendor: AnyPgColumn;
  handle: AnyPgColumn;
}): SQL {
  return sql`(${t.title} || E'\\x1f' || ${t.description} || E'\\x1f' || ${t.vendor} || E'\\x1f' || ${t.handle})`;
}

export const products = pgTable(
  'products',
  {
    id: id(),
    storeId: storeId(),
    handle: text('handle').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    vendor: text('vendor').notNull().default(''),
    options: jsonb('options').$type<ProductOption[]>().notNull().default([]),
    /** 'active' products are visible in the storefront; 'draft' ones only to admins. */
    status: text('status', { enum: ['active', 'draft'] })
      .notNull()
      .default('active'),
    /** Sort key for lists and cursors; a serial keeps the seed's order stable. */
    position: integer('position').generatedAlwaysAsIdentity(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('products_store_handle').on(t.storeId, t.handle),
    index('products_store_position').on(t.storeId, t.position),
    // The storefront search's trigram index (pg_trgm). Written straight into the index
    // (fastupdate off) rather than through GIN's pending list: catalog writes are rare, and
    // a pending list would be read by every search until a vacuum, which PGlite never runs.
    index('products_search_trgm')
      .using('gin', sql`${productSearchText(t)} gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
);

/**
 * The one- and two-character pieces of each product's title, lowercased: where the storefront
 * search looks up a text too short for a trigram (services/product-search.ts). Kept by a
 * trigger on products (migration 0009, function kiosk_title_grams), never written by the app.
 */
export const productTitleGrams = pgTable(
  'product_title_grams',
  {
    productId: ownedBy('product_id', () => products.id),
    gram: text('gram').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.gram, t.productId] }),
    // For the trigger's rewrite of one product's pieces, and for deleting a product.
    index('product_title_grams_product').on(t.productId),
  ],
);

export const images = pgTable('images', {
  id: id(),
  storeId: storeId(),
  contentType: text('content_type').notNull(),
  data: bytea('data').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  createdAt: createdAt(),
});

export const productImages = pgTable(
  'product_images',
  {
    id: id(),
    storeId: storeId(),
    productId: ownedBy('product_id', () => products.id),
    imageId: ownedBy('image_id', () => images.id),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('product_images_product').on(t.productId, t.position)],
);

export const variants = pgTable(
  'variants',
  {
    id: id(),
    storeId: storeId(),
    productId: ownedBy('product_id', () => products.id),
    title: text('title').notNull(),
    /** Option name → value, e.g. { Size: 'M', Colour: 'Red' }. */
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    sku: text('sku'),
    /** Units on hand. Decremented atomically at checkout; never below zero. */
    stock: integer('stock').notNull().default(0),
    /** Shipping weight of one unit, for rates by weight (services/shipping). */
    grams: integer('grams').notNull().default(0),
    position: integer('position').notNull().default(0),
    /**
     * The picture of this variant: one of its product's gallery images (null = the
     * product's first). A reference into the gallery rather than an image of its own, so
     * variants that look alike (every size of one colour) share one picture, the gallery
     * still shows every colour, and the alt text has one owner. Deleting the gallery image
     * falls back to the product's images.
     */
    imageId: uuid('image_id').references(() => productImages.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('variants_product').on(t.productId, t.position),
    check('variants_stock_nonnegative', sql`${t.stock} >= 0`),
    check('variants_grams_nonnegative', sql`${t.grams} >= 0`),
  ],
);

export const variantPrices = pgTable(
  'variant_prices',
  {
    storeId: storeId(),
    variantId: ownedBy('variant_id', () => variants.id),
    currency: text('currency').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    compareAtMinor: minor('compare_at_minor'),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.currency] }),
    check('variant_prices_amount_nonnegative', sql`${t.amountMinor} >= 0`),
  ],
);
