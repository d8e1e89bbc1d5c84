import { NOTIFICATION_TOPICS } from '../db/schema/index.js';
import { z } from '../openapi.js';
import { RECEIPT_EVENTS } from '../services/notifications/receipts.js';
import {
  canonicalLocale,
  isP256dhKey,
  isPushAuthSecret,
  isPushEndpoint,
  isTimeZone,
  MAX_PUSH_ENDPOINT,
} from '../services/notifications/subscription-input.js';

// Requests and answers of the notification routes (public and admin).

export const TopicSchema = z.enum(NOTIFICATION_TOPICS).openapi('NotificationTopic');
export const ChannelSchema = z.enum(['push', 'email']).openapi('NotificationChannel');

const productRef = z.string().min(1).max(200).openapi({ description: "A product's handle or id." });

const localeTag = z
  .string()
  .max(35)
  .refine((v) => canonicalLocale(v) !== null, 'Not a BCP 47 language tag')
  .openapi({ example: 'de-AT' });

export const NotificationConfigSchema = z
  .object({
    vapidPublicKey: z.string().openapi({
      description:
        "The server's VAPID key (base64url): `applicationServerKey` for pushManager.subscribe().",
    }),
    topics: z.array(TopicSchema),
    channels: z.object({
      push: z.boolean(),
      email: z.boolean().openapi({ description: 'False when the server sends no mail.' }),
    }),
  })
  .openapi('NotificationConfig');

const pushEndpoint = z
  .string()
  .max(MAX_PUSH_ENDPOINT)
  .refine(isPushEndpoint, 'An https URL (http only on loopback)');

/** A browser's push subscription as PushSubscription.toJSON() gives it. */
const PushSubscriptionSchema = z.object({
  endpoint: pushEndpoint,
  keys: z.object({
    p256dh: z.string().max(100).refine(isP256dhKey, 'A base64url P-256 point (65 bytes)'),
    auth: z.string().max(100).refine(isPushAuthSecret, 'base64url, 16 bytes'),
  }),
});

export const SubscribeRequestSchema = z
  .object({
    topic: TopicSchema,
    product: productRef
      .optional()
      .openapi({ description: 'Required for back-in-stock and price-drop; refused otherwise.' }),
    channel: ChannelSchema,
    email: z.string().max(254).optional().openapi({
      description:
        "Email channel: the address. Omitted or the signed-in shopper's own: confirmed at once; another: a double opt-in mail.",
    }),
    push: PushSubscriptionSchema.optional().openapi({
      description: 'Push channel: PushSubscription.toJSON() (endpoint and keys).',
    }),
    locale: localeTag.optional().openapi({
      description: "The shopper's language for the messages (default: the store's).",
    }),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'Not an IANA time zone')
      .optional()
      .openapi({ example: 'Europe/Berlin', description: 'For quiet hours (default UTC).' }),
    landingUrl: z.string().max(2000).optional().openapi({
      description:
        "The page subscribed from (on one of the store's allowed origins): the messages' link when the store has no product URL template.",
    }),
  })
  .superRefine((v, ctx) => {
    if (v.channel === 'push' && !v.push) {
      ctx.addIssue({ code: 'custom', path: ['push'], message: 'Required for the push channel' });
    }
    if (v.channel === 'push' && v.email !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Only for the email channel' });
    }
    if (v.channel === 'email' && v.push) {
      ctx.addIssue({ code: 'custom', path: ['push'], message: 'Only for the push channel' });
    }
    const productTopic = v.topic === 'back-in-stock' || v.topic === 'price-drop';
    if (productTopic && v.product === undefined) {
      ctx.addIssue({ code: 'custom', path: ['product'], message: 'Required for this topic' });
    }
    if (!productTopic && v.product !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['product'], message: 'Not for this topic' });
    }
  })
  .openapi('SubscribeRequest');

const subscriptionFields = {
  id: z.string().uuid(),
  topic: TopicSchema,
  channel: ChannelSchema,
  product: z
    .object({ id: z.string().uuid(), handle: z.string(), title: z.string() })
    .optional()
    .openapi({ description: 'For back-in-stock and price-drop.' }),
  email: z.string().optional().openapi({ description: 'Email channel: the address.' }),
  status: z.enum(['active', 'pending']).openapi({
    description: "'pending' until the double opt-in link in the mail is followed.",
  }),
  createdAt: z.string(),
};

export const NotificationSubscriptionSchema = z
  .object(subscriptionFields)
  .openapi('NotificationSubscription');
export type NotificationSubscriptionView = z.infer<typeof NotificationSubscriptionSchema>;

export const NewNotificationSubscriptionSchema = z
  .object({
    ...subscriptionFields,
    unsubscribeToken: z.string().optional().openapi({
      description:
        'Only when the subscription was made by this request (201): the capability to see and remove it without signing in. Keep it; it is never shown again.',
    }),
  })
  .openapi('NewNotificationSubscription');

export const NotificationSubscriptionListSchema = z
  .object({ items: z.array(NotificationSubscriptionSchema) })
  .openapi('NotificationSubscriptionList');

export const SubscriptionLookupSchema = z
  .object({
    tokens: z
      .array(z.string().min(1).max(100))
      .max(50)
      .openapi({ description: 'Unsubscribe tokens this device holds.' }),
  })
  .openapi('NotificationSubscriptionLookup');

export const ReceiptSchema = z
  .object({
    message: z.string().uuid().openapi({ description: 'The message id (the push payload `id`).' }),
    token: z.string().min(1).max(100).openapi({ description: 'The payload’s `receipt.token`.' }),
    event: z.enum(RECEIPT_EVENTS),
  })
  .openapi('NotificationReceipt');

// --- Admin: campaigns ---------------------------------------------------------------

/** Longest title and body of a campaign message, per language. */
export const MAX_CAMPAIGN_TITLE = 200;
export const MAX_CAMPAIGN_BODY = 1000;

const localizedText = (max: number) =>
  z
    .record(localeTag, z.string().trim().min(1).max(max))
    .refine((texts) => Object.keys(texts).length >= 1, 'At least one language')
    .refine((texts) => Object.keys(texts).length <= 50, 'At most 50 languages')
    .openapi({ description: 'Text per language (BCP 47 tag → text).', example: { en: '…' } });

export const CampaignAudienceSchema = z
  .object({
    topic: TopicSchema.default('promotions'),
    tier: z.string().min(1).max(100).optional().openapi({ description: 'A tier of the store.' }),
    locale: localeTag.optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code')
      .optional()
      .openapi({ example: 'DE' }),
    watchers: productRef
      .optional()
      .openapi({ description: 'Shoppers watching this product (back in stock, price drop).' }),
    buyers: productRef.optional().openapi({ description: 'Shoppers who bought this product.' }),
  })
  .strict()
  .openapi('CampaignAudience');

export const CreateCampaignSchema = z
  .object({
    title: localizedText(MAX_CAMPAIGN_TITLE),
    body: localizedText(MAX_CAMPAIGN_BODY),
    product: productRef.optional().openapi({ description: 'The product the message opens.' }),
    url: z.string().max(2000).optional().openapi({
      description: "The page the message opens, on one of the store's allowed origins.",
    }),
    audience: CampaignAudienceSchema.default({ topic: 'promotions' }),
    sendAt: z.string().datetime({ offset: true }).optional().openapi({
      description: 'When to send (default now); not in the past.',
    }),
  })
  .strict()
  .refine((v) => v.product === undefined || v.url === undefined, {
    message: 'A product or a URL, not both',
    path: ['url'],
  })
  .openapi('CreateCampaign');

export const CampaignSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['scheduled', 'sent']),
    sendAt: z.string(),
    title: z.record(z.string(), z.string()),
    body: z.record(z.string(), z.string()),
    productId: z.string().uuid().nullable(),
    url: z.string().nullable(),
    audience: z.object({
      topic: TopicSchema,
      tier: z.string().optional(),
      locale: z.string().optional(),
      country: z.string().optional(),
      watchers: z.string().uuid().optional().openapi({ description: 'Product id.' }),
      buyers: z.string().uuid().optional().openapi({ description: 'Product id.' }),
    }),
    counts: z.object({
      targeted: z.number().int(),
      sent: z.number().int(),
      delivered: z.number().int(),
      clicked: z.number().int(),
      failed: z.number().int(),
      unsubscribed: z.number().int(),
    }),
    createdAt: z.string(),
  })
  .openapi('Campaign');
export type CampaignView = z.infer<typeof CampaignSchema>;

export const RenewPushSubscriptionRequestSchema = z
  .object({
    oldEndpoint: pushEndpoint.openapi({
      description: 'The endpoint the push service retired (event.oldSubscription.endpoint).',
    }),
    push: PushSubscriptionSchema.openapi({
      description: 'The new subscription: PushSubscription.toJSON() (endpoint and keys).',
    }),
  })
  .openapi('RenewPushSubscriptionRequest');
