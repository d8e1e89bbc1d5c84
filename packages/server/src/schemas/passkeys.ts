import { z } from '../openapi.js';

/** A shopper's passkey as they see it in their list (never the key material). */
export const PasskeySchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().openapi({ description: 'The browser and system it was made on' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Passkey');
export type PasskeyView = z.infer<typeof PasskeySchema>;

export const PasskeyListSchema = z.object({ items: z.array(PasskeySchema) }).openapi('PasskeyList');
