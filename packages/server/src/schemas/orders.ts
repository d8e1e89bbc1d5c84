import {
  orderStatuses,
  refundStatuses,
  returnReasons,
  returnStatuses,
  trackingStatuses,
} from '../db/schema/index.js';
import { MoneySchema, NullableMoneySchema, z } from '../openapi.js';
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
export const ShippingAddressSchema = z
  .object({
    country: z.string().openapi({ description: 'ISO 3166-1 alpha-2.', example: 'DE' }),
    name: z.string(),
    company: z.string(),
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    cityArea: z
      .string()
      .openapi({ description: 'District or neighbourhood, where the country uses one.' }),
    area: z.string().openapi({
      description: "State, province, emirate…: the country's key for it (e.g. 'CA', 'SP').",
    }),
    postalCode: z.string(),
    sortingCode: z.string(),
  })
  .openapi('ShippingAddress');

export const ShippingLineSchema = z
  .object({
    rateId: z.string(),
    name: z.string(),
    amount: MoneySchema,
    minDays: z.number().int().openapi({ description: 'Delivery estimate, business days.' }),
    maxDays: z.number().int(),
  })
  .openapi('ShippingLine');

export const TrackingEventSchema = z
  .object({
    id: z.string().uuid(),
    time: z.string().openapi({ description: 'When it happened at the carrier.' }),
    status: z.enum(trackingStatuses),
    description: z.string().nullable(),
    location: z.string().nullable(),
  })
  .openapi('TrackingEvent');

/** An order line's quantity in a shipment or a return. */
const LineQuantitySchema = z.object({
  lineId: z.string().uuid(),
  quantity: z.number().int(),
});

export const ShipmentSchema = z
  .object({
    id: z.string().uuid(),
    carrier: z.string(),
    trackingNumber: z.string(),
    trackingUrl: z.string().nullable(),
    lines: z.array(LineQuantitySchema),
    status: z
      .enum(trackingStatuses)
      .nullable()
      .openapi({ description: 'The latest event’s status; null before the first event.' }),
    events: z.array(TrackingEventSchema).openapi({ description: 'Oldest first.' }),
    createdAt: z.string(),
  })
  .openapi('Shipment');

export const ReturnRequestSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(returnStatuses).openapi({ description: 'requested → approved | refused.' }),
    reason: z.enum(returnReasons),
    comment: z.string().nullable(),
    lines: z.array(LineQuantitySchema),
    refund: NullableMoneySchema.openapi({
      description: 'What approving refunded (its share of the order total); null until then.',
    }),
    note: z.string().nullable().openapi({ description: 'The merchant’s note on a refusal.' }),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('ReturnRequest');

export const RefundSchema = z
  .object({
    id: z.string().uuid(),
    returnId: z.string().uuid().nullable().openapi({
      description:
        'The approved return it refunds; null: what was left of the order when it was refunded or cancelled.',
    }),
    amount: MoneySchema,
    status: z.enum(refundStatuses).openapi({
      description:
        'pending (being sent to the payment provider, retried while it cannot be reached) → succeeded | failed (the provider refused it, or stayed unreachable for about a day). A payment marked paid by the admin is refunded outside Kiosk: succeeded at once.',
    }),
    createdAt: z.string(),
    settledAt: z.string().nullable().openapi({ description: 'When it succeeded or failed.' }),
  })
  .openapi('Refund');

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
    shippingAddress: ShippingAddressSchema.nullable(),
    shipping: ShippingLineSchema.nullable().openapi({
      description: 'The rate picked at checkout; null until then, or when the store does not ship.',
    }),
    tax: MoneySchema,
    taxIncluded: z.boolean().openapi({
      description:
        'true: the tax is part of the prices (EU, UK VAT; shown "incl."); false: added to the total.',
    }),
    duties: MoneySchema,
    dutiesMode: z.enum(['ddp', 'dap']).nullable().openapi({
      description:
        "'ddp': duties collected in the total; 'dap': due on delivery (duties is the estimate, 0 = unknown); null: none.",
    }),
    total: MoneySchema.openapi({
      description: 'subtotal − discount + shipping + tax (when not included) + duties (when ddp).',
    }),
    pointsRedeemed: z.number().int(),
    pointsEarned: z.number().int().openapi({
      description:
        'What paying it earned its customer, less what returns took back; 0 once cancelled or refunded.',
    }),
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
    shipments: z.array(ShipmentSchema).openapi({ description: 'Oldest first.' }),
    returns: z.array(ReturnRequestSchema).openapi({ description: 'Oldest first.' }),
    refunded: MoneySchema.openapi({
      description:
        'What was refunded: the whole total once refunded (or cancelled after payment), else what approved returns refunded.',
    }),
    refunds: z.array(RefundSchema).openapi({
      description: 'The money given back through the payment provider, oldest first.',
    }),
  })
  .openapi('Order');
export type OrderView = z.infer<typeof OrderSchema>;
export type ShipmentView = z.infer<typeof ShipmentSchema>;
export type ReturnRequestView = z.infer<typeof ReturnRequestSchema>;
export type RefundView = z.infer<typeof RefundSchema>;
