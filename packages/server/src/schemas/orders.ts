import { orderStatuses } from '../db/schema/index.js';
import { MoneySchema, z } from '../openapi.js';
import { variantLineFields } from './lines.js';

/** Response shapes of orders; the services' types are inferred from them. */

export const OrderLineSchema = z
  .object({
    ...variantLineFields,
    quantity: z.number().int(),
    unitPrice: MoneySchema,
    lineTotal: MoneySchema,
    ref: z.string().nullable().openapi({ description: 'Attribution code carried from the cart.' }),
    campaign: z.string().nullable().openapi({
      description:
        'The message (campaign id or topic) whose link brought the shopper, from the cart.',
    }),
  })
  .openapi('OrderLine');
export const OrderSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(orderStatuses).openapi({
      description:
        'pending → paid | expired | cancelled; paid → refunded | cancelled. A pending order past expiresAt is expired.',
    }),
    currency: z.string(),
    customerId: z.string().uuid().nullable(),
    email: z.string().nullable(),
    lines: z.array(OrderLineSchema),
    itemCount: z.number().int(),
    subtotal: MoneySchema,
    discount: MoneySchema,
    total: MoneySchema,
    pointsRedeemed: z.number().int(),
    pointsEarned: z.number().int(),
    pointsToEarn: z.number().int().openapi({
      description:
        'While pending: the points paying it will earn its customer (the ledger’s rule); otherwise 0 (see pointsEarned).',
    }),
    createdAt: z.string(),
    expiresAt: z.string().nullable().openapi({
      description: 'A pending order holds its stock and points until then, and expires after.',
    }),
    paidAt: z.string().nullable(),
    cancelledAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it was cancelled, refunded or expired.' }),
    payment: z
      .object({ provider: z.string(), reference: z.string().nullable() })
      .nullable()
      .openapi({
        description: "Who took the payment ('test-card', 'manual', …) and its reference.",
      }),
  })
  .openapi('Order');
export type OrderView = z.infer<typeof OrderSchema>;
