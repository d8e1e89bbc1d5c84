import { z } from 'zod';
import { ApiError } from '../errors.js';
import { MAX_STOCK } from '../limits.js';
import { uploadableImageTypes } from './images.js';
import { parseMinor } from './money.js';
import { handleSchema } from './product-handles.js';
import type { Store } from './stores.js';

// What the admin catalog accepts: the request schemas, and the checks zod cannot make
// (currencies the store sells, decimals per currency), reported as problems with paths.

const decimal = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'A non-negative decimal string such as "25.00"');
/** 1,000 kg: past any parcel, within an int column. */
const MAX_GRAMS = 1_000_000;

const currencyKey = z.string().regex(/^[A-Z]{3}$/, 'An upper-case ISO 4217 code');

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
    /** Shipping weight of one unit, for rates by weight. */
    grams: z.number().int().min(0).max(MAX_GRAMS).default(0),
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
    /** Shipping weight of one unit. */
    grams: z.number().int().min(0).max(MAX_GRAMS),
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

export type Problem = { path: string; message: string };

export function invalid(message: string, problems: Problem[]): never {
  throw new ApiError('validation_failed', message, problems);
}

/** Minor units per currency, refusing currencies the store does not sell. */
export function toMinorPrices(
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
