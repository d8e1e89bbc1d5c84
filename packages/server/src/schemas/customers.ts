import { z } from '../openapi.js';

/** The public view of a customer; the services' type is inferred from it. */
export const CustomerSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    name: z.string(),
    personalization: z.boolean().openapi({
      description:
        'Recommendations picked from their own orders ("for-you"); false: they see what is popular instead.',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Customer');
export type CustomerView = z.infer<typeof CustomerSchema>;
