import { sql } from 'drizzle-orm';
import {
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
    // Trigram indexes (pg_trgm) for the storefront search's `ilike '%text%'` on each field
    // (services/product-search.ts): one per column, so the search condition stays a plain OR
    // the planner answers with a BitmapOr, and the indexes cannot drift from what it matches.
    index('products_title_trgm').using('gin', t.title.op('gin_trgm_ops')),
    index('products_description_trgm').using('gin', t.description.op('gin_trgm_ops')),
    index('products_vendor_trgm').using('gin', t.vendor.op('gin_trgm_ops')),
    index('products_handle_trgm').using('gin', t.handle.op('gin_trgm_ops')),
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
