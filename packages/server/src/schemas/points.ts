import { z } from '../openapi.js';

/** Response shapes of the points API; the services' types are inferred from them. */

export const PointsEntrySchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['earn', 'redeem', 'adjust', 'expire', 'reverse', 'gift']).openapi({
      description: "'gift': a membership gift (the birthday's); it does not count toward the tier.",
    }),
    points: z.number().int().openapi({ description: 'Signed: credits positive, debits negative.' }),
    reason: z.string(),
    orderId: z.string().uuid().nullable(),
    createdAt: z.string(),
    availableAt: z.string().openapi({ description: 'Counts toward the balance from then on.' }),
    expiresAt: z.string().nullable(),
  })
  .openapi('PointsEntry');
export type PointsEntryView = z.infer<typeof PointsEntrySchema>;

export const PointsSchema = z
  .object({
    balance: z.number().int(),
    pending: z.number().int().openapi({ description: 'Earned, not yet available.' }),
    lifetime: z.number().int(),
    tier: z.object({
      name: z.string().nullable(),
      nextTier: z.object({ name: z.string(), pointsNeeded: z.number().int() }).nullable(),
    }),
    expiring: z.object({ points: z.number().int(), at: z.string() }).nullable(),
  })
  .openapi('Points');
export type PointsSummary = z.infer<typeof PointsSchema>;
