import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';
import {
  images,
  type ProductOption,
  productImages,
  products,
  variantPrices,
  variants,
} from '../db/schema/index.js';
import { looksLike } from './images.js';
import { freeHandle, handleConflictOr, handleFromTitle } from './product-handles.js';
import { type CreateProductInput, invalid, type Problem, toMinorPrices } from './product-input.js';
import type { Store } from './stores.js';

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
          grams: v.input.grams,
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
    throw handleConflictOr(err);
  }
  return productId;
}
