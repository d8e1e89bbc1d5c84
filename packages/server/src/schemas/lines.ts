import { z } from '../openapi.js';

/** What a cart line and an order line both say of the variant they hold. */
export const variantLineFields = {
  id: z.string().uuid(),
  productId: z.string().uuid(),
  variantId: z.string().uuid(),
  title: z.string(),
  variantTitle: z.string(),
};
