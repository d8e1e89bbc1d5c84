import { MoneySchema, NullableMoneySchema, z } from '../openapi.js';

/** A product as the storefront sees it, priced in one currency. */
export const ProductSchema = z
  .object({
    id: z.string().uuid(),
    handle: z.string(),
    title: z.string(),
    description: z.string(),
    vendor: z.string(),
    currency: z.string().openapi({ description: 'The currency every price here is in.' }),
    images: z.array(
      z.object({ url: z.string(), alt: z.string(), width: z.number(), height: z.number() }),
    ),
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    variants: z.array(
      z.object({
        id: z.string().uuid(),
        title: z.string(),
        options: z.record(z.string(), z.string()),
        image: z.object({ url: z.string(), alt: z.string() }).nullable().openapi({
          description:
            "The variant's own picture (one of the product's images); null: the product's images stand for it.",
        }),
        price: MoneySchema,
        compareAtPrice: NullableMoneySchema,
        available: z.boolean(),
        quantityAvailable: z.number().int(),
      }),
    ),
    priceRange: z.object({ min: MoneySchema, max: MoneySchema }),
    rating: z.object({
      average: z.number().openapi({ description: 'Approved reviews, one decimal; 0 if none.' }),
      count: z.number().int(),
    }),
  })
  .openapi('Product');
export type Product = z.infer<typeof ProductSchema>;
export type ProductImage = Product['images'][number];
export type ProductVariant = Product['variants'][number];
/** A variant's own picture: one of the product's images. */
export type VariantImage = NonNullable<ProductVariant['image']>;
