import { WEBHOOK_EVENTS } from '../db/schema/index.js';
import { z } from '../openapi.js';

// Requests and answers of the admin webhook routes.

export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS).openapi('WebhookEvent');

export const CreateWebhookSchema = z
  .object({
    url: z.string().max(2000).openapi({
      example: 'https://example.com/kiosk/webhooks',
      description:
        'Where events are POSTed: http(s). A live store needs https and a public address.',
    }),
    events: z
      .array(WebhookEventSchema)
      .min(1)
      .max(WEBHOOK_EVENTS.length * 2),
  })
  .strict()
  .openapi('CreateWebhook');

export const WebhookEndpointSchema = z
  .object({
    id: z.string().uuid(),
    url: z.string(),
    events: z.array(WebhookEventSchema),
    createdAt: z.string(),
  })
  .openapi('WebhookEndpoint');

export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The signing secret (Standard Webhooks), shown only in this answer: keep it to verify deliveries.',
  }),
}).openapi('CreatedWebhookEndpoint');

export const WebhookDeliverySchema = z
  .object({
    id: z.string().uuid(),
    messageId: z.string().openapi({ description: 'The `webhook-id` header, the same on retries.' }),
    eventType: WebhookEventSchema,
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z
      .string()
      .nullable()
      .openapi({ description: 'While pending: when the next attempt is due.' }),
    lastStatus: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The last attempt's HTTP status (null: no answer)." }),
    lastError: z.string().nullable().openapi({ example: 'http_500' }),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');
