import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { slugify } from 'transliteration';
import { z } from 'zod';
import type { Db, Tx } from '../db/index.js';
import {
  images,
  type ProductOption,
  productImages,
  products,
  variantPrices,
  variants,
} from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { MAX_STOCK } from '../limits.js';
import { isUuid } from '../uuid.js';
import { imageUrl } from './catalog.js';
import { looksLike, uploadableImageTypes } from './images.js';
import { parseMinor, toMoney } from './money.js';
import type { Store } from './stores.js';

const HANDLE_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Path words under /v1/products that a handle must not shadow. */
const RESERVED_HANDLES = new Set(['batch']);
/** Reserved path words, and ids: /v1/products/{idOrHandle} must never be ambiguous. */
const isReservedHandle = (h: string) => RESERVED_HANDLES.has(h) || isUuid(h);

const decimal = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'A non-negative decimal string such as "25.00"');
const currencyKey = z.string().regex(/^[A-Z]{3}$/, 'An upper-case ISO 4217 code');

export const handleSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(HANDLE_RE, 'Lower-case letters, digits and single hyphens')
  .refine((h) => !isReservedHandle(h), 'This handle is reserved');

const optionSchema = z.object({
  name: z.string().trim().min(1).max(50),
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
});

const variantInput = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    options: z.record(z.string(), z.string()).default({}),
    sku: z.string().trim().min(1).max(100).nullable().optional(),
    stock: z.number().int().min(0).max(MAX_STOCK).default(0),
    /** Currency → decimal string, e.g. { "USD": "25.00" }. */
    prices: z.record(currencyKey, decimal),
    compareAtPrices: z.record(currencyKey, decimal).optional(),
    /** The variant's picture: an index into the product's `images` (absent: the product's). */
    image: z.number().int().min(0).max(9).optional(),
  })
  .strict();

const imageInput = z
  .object({
    contentType: z.enum(uploadableImageTypes),
    /** The bytes, base64. Bodies are capped at 64 KB, so images are small. */
    data: z
      .string()
      .min(1)
      .max(60_000)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Base64'),
    width: z.number().int().min(1).max(10_000),
    height: z.number().int().min(1).max(10_000),
    alt: z.string().max(300).default(''),
  })
  .strict();

export const createProductSchema = z
  .object({
    handle: handleSchema.optional(),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).default(''),
    vendor: z.string().trim().max(200).default(''),
    status: z.enum(['active', 'draft']).default('active'),
    options: z.array(optionSchema).max(3).default([]),
    variants: z.array(variantInput).min(1).max(100),
    images: z.array(imageInput).max(10).default([]),
  })
  .strict();
export type CreateProductInput = z.infer<typeof createProductSchema>;

export const updateProductSchema = z
  .object({
    handle: handleSchema,
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000),
    vendor: z.string().trim().max(200),
    status: z.enum(['active', 'draft']),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

export const updateVariantSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    sku: z.string().trim().min(1).max(100).nullable(),
    /** The new stock level. */
    stock: z.number().int().min(0).max(MAX_STOCK),
    /** Added to the stock atomically (negative to remove); refused if it would leave 0..MAX_STOCK. */
    stockAdjustment: z.number().int().min(-MAX_STOCK).max(MAX_STOCK),
    /** Prices to set (others stay). */
    prices: z.record(currencyKey, decimal),
    /** Compare-at prices to set; null removes one. */
    compareAtPrices: z.record(currencyKey, decimal.nullable()),
    /** The variant's picture: the id of one of the product's images; null: the product's. */
    imageId: z.string().max(100).nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change')
  .refine((v) => v.stock === undefined || v.stockAdjustment === undefined, {
    message: 'Give stock or stockAdjustment, not both',
  });
export type UpdateVariantInput = z.infer<typeof updateVariantSchema>;

type Problem = { path: string; message: string };

function invalid(message: string, problems: Problem[]): never {
  throw new ApiError('validation_failed', message, problems);
}

/**
 * A product's handle from its title, in Latin letters whatever the title's script
 * ("Straße Hoodie" → strasse-hoodie, "Футболка классика" → futbolka-klassika, "经典T恤" →
 * jing-dian-txu); "product" when nothing of the title can be spelled so (emoji only).
 */
export function handleFromTitle(title: string): string {
  const handle = slugify(title, { lowercase: true, separator: '-', allowedChars: 'a-zA-Z0-9' })
    .slice(0, 80)
    .replace(/-+$/, '');
  return handle || 'product';
}

/** Minor units per currency, refusing currencies the store does not sell. */
function toMinorPrices(
  store: Store,
  prices: Record<string, string | null>,
  path: string,
  problems: Problem[],
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [currency, amount] of Object.entries(prices)) {
    if (!store.currencies.includes(currency)) {
      problems.push({
        path: `${path}.${currency}`,
        message: `The store does not sell in ${currency}`,
      });
      continue;
    }
    if (amount === null) {
      out.set(currency, null);
      continue;
    }
    try {
      out.set(currency, parseMinor(amount, currency));
    } catch {
      problems.push({ path: `${path}.${currency}`, message: `Too many decimals for ${currency}` });
    }
  }
  return out;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Creates a product with its variants, prices and images, all or nothing. */
export async function createProduct(db: Db, store: Store, input: CreateProductInput) {
  const problems: Problem[] = [];
  const optionNames = input.options.map((o) => o.name);
  if (new Set(optionNames).size !== optionNames.length) {
    problems.push({ path: 'options', message: 'Duplicate option names' });
  }
  input.options.forEach((o, i) => {
    if (new Set(o.values).size !== o.values.length) {
      problems.push({ path: `options.${i}.values`, message: 'Duplicate values' });
    }
  });
  const combos = new Set<string>();
  const variantRows = input.variants.map((v, i) => {
    const path = `variants.${i}`;
    for (const [name, value] of Object.entries(v.options)) {
      const option = input.options.find((o) => o.name === name);
      if (!option) problems.push({ path: `${path}.options.${name}`, message: 'No such option' });
      else if (!option.values.includes(value)) {
        problems.push({
          path: `${path}.options.${name}`,
          message: `Not one of the ${name} values`,
        });
      }
    }
    for (const name of optionNames) {
      if (!(name in v.options)) {
        problems.push({ path: `${path}.options.${name}`, message: 'Missing option value' });
      }
    }
    const combo = JSON.stringify(optionNames.map((n) => v.options[n]));
    if (optionNames.length > 0 && combos.has(combo)) {
      problems.push({ path: `${path}.options`, message: 'Two variants with the same options' });
    }
    combos.add(combo);
    const prices = toMinorPrices(store, v.prices, `${path}.prices`, problems);
    const compareAt = toMinorPrices(
      store,
      v.compareAtPrices ?? {},
      `${path}.compareAtPrices`,
      problems,
    );
    const defaultCurrency = store.currencies[0]!;
    if (
      !prices.has(defaultCurrency) &&
      !problems.some((p) => p.path.startsWith(`${path}.prices`))
    ) {
      problems.push({
        path: `${path}.prices.${defaultCurrency}`,
        message: `A price in the store's default currency (${defaultCurrency}) is required`,
      });
    }
    for (const currency of compareAt.keys()) {
      if (!prices.has(currency)) {
        problems.push({
          path: `${path}.compareAtPrices.${currency}`,
          message: 'A compare-at price needs a price in the same currency',
        });
      }
    }
    if (v.image !== undefined && v.image >= input.images.length) {
      problems.push({ path: `${path}.image`, message: 'No image at this index in images' });
    }
    const title =
      v.title ??
      (optionNames.length ? optionNames.map((n) => v.options[n]).join(' / ') : 'Default');
    return { input: v, title, prices, compareAt, position: i };
  });
  const imageBytes = input.images.map((img, i) => {
    const bytes = Buffer.from(img.data, 'base64');
    if (!looksLike(img.contentType, bytes)) {
      problems.push({ path: `images.${i}.data`, message: `Not a ${img.contentType} image` });
    }
    return bytes;
  });
  if (problems.length) invalid('The product is not valid.', problems);

  const productId = randomUUID();
  try {
    await db.transaction(async (tx) => {
      const handle = input.handle ?? (await freeHandle(tx, store.id, handleFromTitle(input.title)));
      await tx.insert(products).values({
        id: productId,
        storeId: store.id,
        handle,
        title: input.title,
        description: input.description,
        vendor: input.vendor,
        status: input.status,
        options: input.options as ProductOption[],
      });
      // Gallery rows first: variants point at them.
      const galleryIds = input.images.map(() => randomUUID());
      for (const [i, img] of input.images.entries()) {
        const imageId = randomUUID();
        await tx.insert(images).values({
          id: imageId,
          storeId: store.id,
          contentType: img.contentType,
          data: new Uint8Array(imageBytes[i]!),
          width: img.width,
          height: img.height,
        });
        await tx.insert(productImages).values({
          id: galleryIds[i]!,
          storeId: store.id,
          productId,
          imageId,
          alt: img.alt,
          position: i,
        });
      }
      const rows = variantRows.map((v) => ({ ...v, id: randomUUID() }));
      await tx.insert(variants).values(
        rows.map((v) => ({
          id: v.id,
          storeId: store.id,
          productId,
          title: v.title,
          options: v.input.options,
          sku: v.input.sku ?? null,
          stock: v.input.stock,
          position: v.position,
          imageId: v.input.image === undefined ? null : galleryIds[v.input.image]!,
        })),
      );
      await tx.insert(variantPrices).values(
        rows.flatMap((v) =>
          [...v.prices].map(([currency, amount]) => ({
            storeId: store.id,
            variantId: v.id,
            currency,
            amountMinor: amount!,
            compareAtMinor: v.compareAt.get(currency) ?? null,
          })),
        ),
      );
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError('conflict', 'Another product of this store has this handle.', [
        { path: 'handle', message: 'Taken' },
      ]);
    }
    throw err;
  }
  return productId;
}

/** `base`, or `base-2`, `base-3`… whichever is free in this store. */
async function freeHandle(tx: Tx, storeId: string, base: string): Promise<string> {
  const taken = await tx
    .select({ handle: products.handle })
    .from(products)
    .where(
      and(
        eq(products.storeId, storeId),
        sql`(${products.handle} = ${base} or ${products.handle} like ${`${base}-%`})`,
      ),
    );
  const set = new Set(taken.map((t) => t.handle));
  if (!set.has(base) && !isReservedHandle(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The merchant's view of a product: drafts too, every currency, stock and SKUs. */
export async function getAdminProduct(db: Db, store: Store, productId: string, origin: string) {
  if (!isUuid(productId)) throw new ApiError('product_not_found', 'No such product.');
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.storeId, store.id), eq(products.id, productId.toLowerCase())));
  if (!product) throw new ApiError('product_not_found', 'No such product.');
  const [variantRows, priceRows, imageRows] = await Promise.all([
    db
      .select()
      .from(variants)
      .where(and(eq(variants.storeId, store.id), eq(variants.productId, product.id)))
      .orderBy(asc(variants.position), asc(variants.id)),
    db
      .select({
        variantId: variantPrices.variantId,
        currency: variantPrices.currency,
        amountMinor: variantPrices.amountMinor,
        compareAtMinor: variantPrices.compareAtMinor,
      })
      .from(variantPrices)
      .innerJoin(variants, eq(variants.id, variantPrices.variantId))
      .where(and(eq(variants.storeId, store.id), eq(variants.productId, product.id))),
    db
      .select({
        galleryId: productImages.id,
        imageId: productImages.imageId,
        alt: productImages.alt,
        width: images.width,
        height: images.height,
      })
      .from(productImages)
      .innerJoin(images, eq(images.id, productImages.imageId))
      .where(and(eq(productImages.storeId, store.id), eq(productImages.productId, product.id)))
      .orderBy(asc(productImages.position)),
  ]);
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description,
    vendor: product.vendor,
    status: product.status,
    options: product.options,
    images: imageRows.map((i) => ({
      id: i.imageId,
      url: imageUrl(origin, i.imageId),
      alt: i.alt,
      width: i.width,
      height: i.height,
    })),
    variants: variantRows.map((v) => {
      const prices = priceRows
        .filter((p) => p.variantId === v.id)
        .sort(
          (a, b) => store.currencies.indexOf(a.currency) - store.currencies.indexOf(b.currency),
        );
      return {
        id: v.id,
        title: v.title,
        options: v.options,
        sku: v.sku,
        stock: v.stock,
        /** One of `images[].id`, or null. */
        imageId: imageRows.find((i) => i.galleryId === v.imageId)?.imageId ?? null,
        prices: Object.fromEntries(
          prices.map((p) => [p.currency, toMoney(p.amountMinor, p.currency).amount]),
        ),
        compareAtPrices: Object.fromEntries(
          prices
            .filter((p) => p.compareAtMinor !== null)
            .map((p) => [p.currency, toMoney(p.compareAtMinor!, p.currency).amount]),
        ),
      };
    }),
    createdAt: product.createdAt.toISOString(),
  };
}

export async function updateProduct(
  db: Db,
  store: Store,
  productId: string,
  input: UpdateProductInput,
) {
  if (!isUuid(productId)) throw new ApiError('product_not_found', 'No such product.');
  try {
    const updated = await db
      .update(products)
      .set(input)
      .where(and(eq(products.storeId, store.id), eq(products.id, productId.toLowerCase())))
      .returning({ id: products.id });
    if (updated.length === 0) throw new ApiError('product_not_found', 'No such product.');
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError('conflict', 'Another product of this store has this handle.', [
        { path: 'handle', message: 'Taken' },
      ]);
    }
    throw err;
  }
}

/**
 * The gallery row (product_images id) of one of the variant's product images, by the image
 * id the admin view shows; an image of another product is refused.
 */
async function galleryImageOf(
  tx: Tx,
  store: Store,
  variant: { productId: string },
  imageId: string,
): Promise<string> {
  const [row] = isUuid(imageId)
    ? await tx
        .select({ id: productImages.id })
        .from(productImages)
        .where(
          and(
            eq(productImages.storeId, store.id),
            eq(productImages.productId, variant.productId),
            eq(productImages.imageId, imageId.toLowerCase()),
          ),
        )
        .limit(1)
    : [];
  if (!row)
    invalid('The change is not valid.', [
      { path: 'imageId', message: 'Not one of this product’s images' },
    ]);
  return row.id;
}

/** Changes a variant's stock, prices, picture or labels in one transaction (row locked). */
export async function updateVariant(
  db: Db,
  store: Store,
  productId: string,
  variantId: string,
  input: UpdateVariantInput,
) {
  if (!isUuid(productId)) throw new ApiError('product_not_found', 'No such product.');
  if (!isUuid(variantId)) throw new ApiError('variant_not_found', 'No such variant.');
  const problems: Problem[] = [];
  const prices = toMinorPrices(store, input.prices ?? {}, 'prices', problems);
  const compareAt = toMinorPrices(store, input.compareAtPrices ?? {}, 'compareAtPrices', problems);
  if (problems.length) invalid('The change is not valid.', problems);

  await db.transaction(async (tx) => {
    const [variant] = await tx
      .select({ id: variants.id, productId: variants.productId })
      .from(variants)
      .where(
        and(
          eq(variants.storeId, store.id),
          eq(variants.productId, productId.toLowerCase()),
          eq(variants.id, variantId.toLowerCase()),
        ),
      )
      .for('update');
    if (!variant) {
      const [product] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.storeId, store.id), eq(products.id, productId.toLowerCase())));
      throw product
        ? new ApiError('variant_not_found', 'No such variant.')
        : new ApiError('product_not_found', 'No such product.');
    }
    const set: Partial<typeof variants.$inferInsert> = {};
    if (input.imageId !== undefined) {
      set.imageId =
        input.imageId === null ? null : await galleryImageOf(tx, store, variant, input.imageId);
    }
    if (input.title !== undefined) set.title = input.title;
    if (input.sku !== undefined) set.sku = input.sku;
    if (input.stock !== undefined) set.stock = input.stock;
    if (Object.keys(set).length)
      await tx.update(variants).set(set).where(eq(variants.id, variant.id));
    if (input.stockAdjustment !== undefined) {
      // Checked in bigint: the sum is compared before it could overflow the integer column.
      const sum = sql`${variants.stock}::bigint + ${input.stockAdjustment}::bigint`;
      const adjusted = await tx
        .update(variants)
        .set({ stock: sql`${variants.stock} + ${input.stockAdjustment}` })
        .where(and(eq(variants.id, variant.id), sql`${sum} between 0 and ${MAX_STOCK}`))
        .returning({ stock: variants.stock });
      if (adjusted.length === 0) {
        throw new ApiError('conflict', `The stock must stay between 0 and ${MAX_STOCK}.`, [
          { path: 'stockAdjustment', message: `Would take the stock out of 0..${MAX_STOCK}` },
        ]);
      }
    }

    const existing = await tx
      .select()
      .from(variantPrices)
      .where(eq(variantPrices.variantId, variant.id));
    const current = new Map(existing.map((p) => [p.currency, p]));
    const touched = new Set([...prices.keys(), ...compareAt.keys()]);
    const stale: Problem[] = [];
    for (const currency of touched) {
      const amount = prices.get(currency) ?? current.get(currency)?.amountMinor;
      if (amount === undefined || amount === null) {
        stale.push({
          path: `compareAtPrices.${currency}`,
          message: 'A compare-at price needs a price in the same currency',
        });
        continue;
      }
      const compareAtMinor = compareAt.has(currency)
        ? compareAt.get(currency)!
        : (current.get(currency)?.compareAtMinor ?? null);
      await tx
        .insert(variantPrices)
        .values({
          storeId: store.id,
          variantId: variant.id,
          currency,
          amountMinor: amount,
          compareAtMinor,
        })
        .onConflictDoUpdate({
          target: [variantPrices.variantId, variantPrices.currency],
          set: { amountMinor: amount, compareAtMinor },
        });
    }
    // Thrown inside the transaction, so nothing above is kept.
    if (stale.length) invalid('The change is not valid.', stale);
  });
}
