import { MoneySchema, NullableMoneySchema, z } from '../openapi.js';
import { variantLineFields } from './lines.js';
import { ShippingLineSchema } from './orders.js';

/** Response shapes of carts; the services' types are inferred from them. */

export const CartLineSchema = z
  .object({
    ...variantLineFields,
    handle: z.string(),
    image: z.object({ url: z.string(), alt: z.string() }).nullable(),
    quantity: z.number().int(),
    unitPrice: MoneySchema,
    lineTotal: MoneySchema,
    compareAtPrice: NullableMoneySchema,
    available: z.number().int().openapi({ description: 'Units in stock now.' }),
    ref: z.string().nullable().openapi({ description: 'Attribution code (creator).' }),
    campaign: z.string().nullable().openapi({
      description:
        'The message (campaign id or topic) whose link brought the shopper (`?kiosk_campaign=`).',
    }),
    member: z
      .object({
        tier: z.string(),
        regularPrice: MoneySchema.openapi({
          description: 'The unit price without the member price.',
        }),
        saving: MoneySchema.openapi({
          description: "What the member price saves on the line's quantity.",
        }),
      })
      .optional()
      .openapi({
        description:
          "Present when the signed-in shopper's tier has a member price for the line: `unitPrice` is then that price.",
      }),
  })
  .openapi('CartLine');
export const CartSchema = z
  .object({
    id: z.string().uuid(),
    currency: z.string(),
    customerId: z.string().uuid().nullable(),
    lines: z.array(CartLineSchema),
    itemCount: z.number().int(),
    subtotal: MoneySchema,
    discount: MoneySchema,
    total: MoneySchema,
    shipping: ShippingLineSchema.nullable().openapi({
      description:
        "The shipping picked on the hosted checkout for this cart's pending order (rate, price as that order was priced, estimate); null before one is picked, or in the answer to a line change (the next checkout prices the changed cart again, keeping the rate where it still fits). Not in total: the order's landed total adds it with tax and duties.",
    }),
    pointsRedeemed: z.number().int(),
    pointsToEarn: z.number().int().openapi({
      description:
        'Points paying this cart now would earn its customer, by the rule the ledger applies when an order is paid (on the total, after points); 0 for a guest cart or when the store gives none.',
    }),
    updatedAt: z.string(),
  })
  .openapi('Cart');
export type CartView = z.infer<typeof CartSchema>;
