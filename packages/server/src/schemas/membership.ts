import { MoneySchema, z } from '../openapi.js';

/** The signed-in shopper's membership (GET /v1/membership). */
export const MembershipStatusSchema = z
  .object({
    tier: z.string().nullable().openapi({
      description: "The better of the tier by lifetime points and the paid plan's tier.",
    }),
    source: z.enum(['points', 'plan']).nullable(),
    lifetime: z.number().int(),
    nextTier: z.object({ name: z.string(), pointsNeeded: z.number().int() }).nullable(),
    plan: z
      .object({ tier: z.string(), activeUntil: z.string() })
      .nullable()
      .openapi({ description: 'The paid membership, while active (then it lapses).' }),
    perks: z.object({
      percentOff: z.number().optional(),
      pointsMultiplier: z.number(),
      freeShippingOver: z
        .array(MoneySchema)
        .optional()
        .openapi({ description: 'Free shipping from this order amount, one per currency.' }),
      birthdayPoints: z.number().int().optional(),
    }),
    birthday: z.object({ month: z.number().int(), day: z.number().int() }).nullable(),
  })
  .openapi('MembershipStatus');
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>;
