import { z } from '../openapi.js';

// Response shapes of reviews; the services' types are inferred from them.

export const ReviewStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

const reviewFields = {
  id: z.string().uuid(),
  productId: z.string().uuid(),
  rating: z.number().int().min(1).max(5),
  title: z.string().openapi({ description: 'Plain text, verbatim: render as text, never HTML.' }),
  body: z.string().openapi({ description: 'Plain text, verbatim: render as text, never HTML.' }),
  author: z.object({
    name: z.string().openapi({
      example: 'Jane D.',
      description: 'First name and last initial, or "Anonymous".',
    }),
  }),
  verified: z.boolean().openapi({ description: 'The author has a paid order of this product.' }),
  incentivized: z
    .boolean()
    .openapi({ description: 'The author received something for writing it.' }),
  helpfulCount: z.number().int(),
  reply: z
    .object({ body: z.string(), createdAt: z.string() })
    .nullable()
    .openapi({ description: "The merchant's public reply (plain text)." }),
  createdAt: z.string(),
  updatedAt: z.string(),
  viewerVote: z
    .boolean()
    .nullable()
    .openapi({ description: "The signed-in viewer's vote (true = helpful); null otherwise." }),
};

/** A review as the storefront sees it. Text fields are exactly what the author wrote. */
export const ReviewSchema = z.object(reviewFields).openapi('Review');
export type ReviewView = z.infer<typeof ReviewSchema>;

export const OwnReviewSchema = z
  .object({ ...reviewFields, status: ReviewStatusSchema })
  .openapi('OwnReview');
export type OwnReviewView = z.infer<typeof OwnReviewSchema>;

/** What the merchant sees: the public review plus its status and who wrote it. */
export const AdminReviewSchema = OwnReviewSchema.extend({
  customer: z.object({ id: z.string().uuid(), email: z.string() }),
}).openapi('AdminReview');
export type AdminReviewView = z.infer<typeof AdminReviewSchema>;

export const ReviewSummarySchema = z
  .object({
    average: z.number().openapi({ example: 4.3, description: 'One decimal; 0 when none.' }),
    count: z.number().int(),
    histogram: z.object({
      '1': z.number().int(),
      '2': z.number().int(),
      '3': z.number().int(),
      '4': z.number().int(),
      '5': z.number().int(),
    }),
  })
  .openapi('ReviewSummary');
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

export const VoteResultSchema = z
  .object({ helpfulCount: z.number().int(), viewerVote: z.boolean().nullable() })
  .openapi('ReviewVoteResult');
export type VoteResult = z.infer<typeof VoteResultSchema>;
