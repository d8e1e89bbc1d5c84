import {
  ANALYTICS_CHANNELS,
  CLIENT_EVENT_NAMES,
  MAX_EVENTS_PER_BATCH,
  MAX_ITEMS_PER_EVENT,
} from '../analytics.js';
import { ATTRIBUTION_CODE } from '../attribution.js';
import { MAX_AMOUNT_MINOR } from '../limits.js';
import { MoneySchema, z } from '../openapi.js';
import { isCurrencyCode } from '../services/money.js';

/**
 * POST /v1/events. Every object is strict: a field the schema does not name (an email, a
 * user id, a page URL) makes the batch a 400, so nothing personal is ever stored by mistake.
 */
/** A creator code, as a cart line's `ref`. */
export const Ref = z.string().regex(ATTRIBUTION_CODE, 'A ref is 1–64 letters, digits, ., _ or -.');
/** GA4 sends amounts as numbers in major units (19.99); never stored as floats. */
const Amount = z.number().nonnegative().max(MAX_AMOUNT_MINOR);
const ListId = z.string().max(100);

const EventItemSchema = z
  .object({
    item_id: z.string().min(1).max(200).openapi({
      description: "The product's id or handle; items the store does not have are dropped.",
    }),
    item_name: z.string().max(300).optional(),
    item_variant: z.string().max(300).optional().openapi({
      description: "GA4's variant name, as the widgets send it; not stored.",
    }),
    price: Amount.optional(),
    quantity: z.number().int().min(1).max(10_000).optional(),
    item_list_id: ListId.optional(),
    index: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

const EventSchema = z
  .object({
    name: z.enum(CLIENT_EVENT_NAMES),
    params: z
      .object({
        currency: z.string().refine(isCurrencyCode, 'Not an ISO 4217 code'),
        value: Amount.optional(),
        items: z.array(EventItemSchema).min(1).max(MAX_ITEMS_PER_EVENT),
        item_list_id: ListId.optional(),
      })
      .strict(),
    ref: Ref.optional(),
    channel: z.enum(ANALYTICS_CHANNELS).optional(),
    at: z.string().datetime({ offset: true }).optional().openapi({
      description:
        'When it happened on the page; kept if within the last day, otherwise the time received.',
    }),
  })
  .strict();

export const EventBatchSchema = z
  .object({
    events: z.array(EventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
    key: z.string().max(200).optional().openapi({
      description:
        "The store's publishable key, for navigator.sendBeacon (which cannot set X-Kiosk-Key); the header wins when both are given.",
    }),
  })
  .strict()
  .openapi('EventBatch');
export type EventBatch = z.infer<typeof EventBatchSchema>;
export type ClientEvent = EventBatch['events'][number];

export const EventsAcceptedSchema = z
  .object({
    accepted: z.number().int().openapi({
      description: 'Item rows stored (one per event and known item); 0 when analytics is off.',
    }),
  })
  .openapi('EventsAccepted');

/** Amounts per currency: never added across currencies. */
const PerCurrency = z.array(MoneySchema);

export const CreatorReportRowSchema = z
  .object({
    ref: z.string(),
    impressions: z.number().int().openapi({ description: 'Items seen in lists (view_item_list).' }),
    clicks: z.number().int().openapi({ description: 'Product views (view_item).' }),
    addToCarts: z.number().int(),
    orders: z.number().int().openapi({ description: 'Paid orders with a line of this ref.' }),
    revenue: PerCurrency.openapi({ description: "Sum of this ref's paid lines, per currency." }),
    commission: PerCurrency.openapi({
      description: "revenue × the store's commissionPercent, rounded half up to the minor unit.",
    }),
  })
  .openapi('CreatorReportRow');

export const CreatorsReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.literal('UTC'),
    commissionPercent: z.number(),
    items: z.array(CreatorReportRowSchema),
  })
  .openapi('CreatorsReport');

export const FunnelRowSchema = z
  .object({
    day: z.string().openapi({ example: '2026-12-04' }),
    channel: z.enum(ANALYTICS_CHANNELS),
    impressions: z.number().int(),
    views: z.number().int(),
    addToCarts: z.number().int(),
    beginCheckouts: z.number().int(),
    purchases: z.number().int().openapi({ description: 'Paid orders with a line of the channel.' }),
    revenue: PerCurrency,
  })
  .openapi('FunnelRow');

export const FunnelReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.literal('UTC'),
    items: z.array(FunnelRowSchema),
  })
  .openapi('FunnelReport');

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date YYYY-MM-DD');
export const ReportPeriodQuery = z.object({
  from: Day.openapi({ description: 'First day (UTC), included.', example: '2026-12-01' }),
  to: Day.openapi({ description: 'Last day (UTC), included.', example: '2026-12-31' }),
});

export const CreatorOwnReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.literal('UTC'),
    commissionPercent: z.number(),
    creator: CreatorReportRowSchema,
  })
  .openapi('CreatorOwnReport');
