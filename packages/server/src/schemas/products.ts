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
        memberPrice: MoneySchema.optional().openapi({
          description:
            "The signed-in shopper's member price (their tier's), when it is below `price`: what a cart charges them.",
        }),
        memberTier: z.string().optional().openapi({
          description: 'With `memberPrice`: the tier paying it, the shopper\'s ("Gold price").',
        }),
        memberPriceFrom: z.object({ price: MoneySchema, tier: z.string() }).optional().openapi({
          description:
            'Without a member price of their own (a guest, or a tier without one): the lowest member price of any tier, and the lowest tier paying it ("Members pay $X — sign in").',
        }),
      }),
    ),
    priceRange: z.object({ min: MoneySchema, max: MoneySchema }),
    earlyAccess: z
      .object({
        until: z.string().openapi({ description: 'When everyone may buy it (ISO 8601).' }),
        tiers: z.array(z.string()).openapi({ description: 'The tiers that may buy it before.' }),
        canBuy: z.boolean().openapi({
          description: "Whether this shopper's tier is one of them (a guest's is not).",
        }),
      })
      .optional()
      .openapi({
        description:
          'While members of `tiers` only may buy the product: others see it, and adding it to a cart answers `early_access`.',
      }),
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
