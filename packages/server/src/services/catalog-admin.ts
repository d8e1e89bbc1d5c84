import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.js';
import { productImages, products, variantPrices, variants } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { MAX_STOCK } from '../limits.js';
import { isUuid } from '../uuid.js';
import { galleryRows, imageUrl } from './catalog.js';
import { toMoney } from './money.js';
import { notifyBackInStock, notifyPriceDrop } from './notifications/triggers.js';
import { handleConflictOr } from './product-handles.js';
import {
  invalid,
  type Problem,
  toMinorPrices,
  type UpdateProductInput,
  type UpdateVariantInput,
} from './product-input.js';
import type { Store } from './stores.js';

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
    galleryRows(db, store.id, [product.id]),
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
        grams: v.grams,
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
    throw handleConflictOr(err);
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

/**
 * Changes a variant's stock, prices, picture or labels in one transaction (row locked). In
 * the same transaction: stock from 0 to more tells back-in-stock subscribers, a lowered
 * price tells price-drop subscribers (the outbox, services/notifications/triggers.ts).
 */
export async function updateVariant(
  db: Db,
  store: Store,
  productId: string,
  variantId: string,
  input: UpdateVariantInput,
  now: Date = new Date(),
) {
  if (!isUuid(productId)) throw new ApiError('product_not_found', 'No such product.');
  if (!isUuid(variantId)) throw new ApiError('variant_not_found', 'No such variant.');
  const problems: Problem[] = [];
  const prices = toMinorPrices(store, input.prices ?? {}, 'prices', problems);
  const compareAt = toMinorPrices(store, input.compareAtPrices ?? {}, 'compareAtPrices', problems);
  if (problems.length) invalid('The change is not valid.', problems);

  await db.transaction(async (tx) => {
    const [variant] = await tx
      .select({ id: variants.id, productId: variants.productId, stock: variants.stock })
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
    if (input.grams !== undefined) set.grams = input.grams;
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

    const [after] = await tx
      .select({ stock: variants.stock })
      .from(variants)
      .where(eq(variants.id, variant.id));
    if (variant.stock === 0 && after!.stock > 0) {
      await notifyBackInStock(tx, store, variant.productId, variant.id, now);
    }
    const lowered = [...prices].filter((entry): entry is [string, number] => {
      const before = current.get(entry[0])?.amountMinor;
      return entry[1] !== null && before !== undefined && entry[1] < before;
    });
    // One message for one change: in the store's main currency when it was lowered.
    const shown = lowered.find(([currency]) => currency === store.currencies[0]) ?? lowered[0];
    if (shown) {
      const [currency, amountMinor] = shown;
      await notifyPriceDrop(
        tx,
        store,
        variant.productId,
        variant.id,
        { currency, amountMinor },
        now,
      );
    }
  });
}
