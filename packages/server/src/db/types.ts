import { z } from 'zod';
import { MAX_RULE_DAYS } from '../limits.js';

/**
 * A store's loyalty rules. Points are counted in the store's base currency; `rates`
 * converts other currencies to it (units of that currency per one base unit), so a shopper
 * earns and redeems the same worth whatever currency they pay in.
 */
export const pointsRulesSchema = z.object({
  baseCurrency: z.string().length(3),
  /** Points earned per whole unit of the base currency paid (after discounts). */
  earnPerUnit: z.number().nonnegative(),
  /** What one point is worth at redemption, in minor units of the base currency. */
  pointValueMinor: z.number().int().positive(),
  /** Units of each currency per one unit of the base currency. */
  rates: z.record(z.string().length(3), z.number().positive()),
  /** Days after payment before earned points count (returns window); 0 = at once. */
  pendingDays: z.number().int().nonnegative().max(MAX_RULE_DAYS),
  /** Days a lot of points lives; null = never expires. */
  expiryDays: z.number().int().positive().max(MAX_RULE_DAYS).nullable(),
  /** Largest share of a cart's subtotal that points may pay, in percent. */
  maxRedeemPercent: z.number().int().min(0).max(100),
  /** Membership tiers by lifetime points earned, ascending by minLifetime. */
  tiers: z.array(z.object({ name: z.string(), minLifetime: z.number().int().nonnegative() })),
});
export type PointsRules = z.infer<typeof pointsRulesSchema>;

/** How long a creator's link counts when a store does not say. */
export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30;
/** The longest attribution window a store can set (clients keep a followed link this long). */
export const MAX_ATTRIBUTION_WINDOW_DAYS = 365;

/** How long an unpaid order holds its stock and points when a store does not say. */
export const DEFAULT_ORDER_HOLD_MINUTES = 30;

/**
 * The ways a shopper can sign in on the store's hosted page (issue 12). Absent in a store's
 * settings: every method on; a method that needs something the server lacks (mail without
 * KIOSK_SMTP_URL) is not offered whatever this says.
 */
export const signInMethodsSchema = z.object({
  /** Email and password, and creating an account with them. */
  password: z.boolean(),
  /** A 6-digit code (and a link) mailed to the shopper: sign in or sign up with no form. */
  emailCode: z.boolean(),
  /** WebAuthn passkeys: one tap for a returning shopper. */
  passkeys: z.boolean(),
});
export type SignInMethods = z.infer<typeof signInMethodsSchema>;
export const defaultSignInMethods: SignInMethods = {
  password: true,
  emailCode: true,
  passkeys: true,
};

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time HH:MM (00:00–23:59)');

/**
 * How the store's notifications reach shoppers (issue 13). Absent fields: the defaults of
 * services/notifications/delivery-rules.ts (quiet 21:00–09:00, 2 a day, 6 a week). Order
 * updates ignore quiet hours and caps.
 */
export const notificationSettingsSchema = z.object({
  /** Local time in the shopper's time zone when nothing is sent; null: no quiet hours. */
  quietHours: z.object({ start: clockTime, end: clockTime }).strict().nullable().optional(),
  /** Most messages one shopper gets per rolling day and week (all topics but order updates). */
  maxPerDay: z.number().int().min(0).max(100).optional(),
  maxPerWeek: z.number().int().min(0).max(700).optional(),
  /**
   * The brand's product page, `{handle}` replaced, e.g. `https://brand.example/p/{handle}`:
   * where a message about a product opens. Absent: the page where the shopper subscribed.
   */
  productUrlTemplate: z
    .string()
    .max(2000)
    .url()
    .refine((u) => /^https?:\/\//.test(u) && u.includes('{handle}'), 'An http(s) URL with {handle}')
    .optional(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** A creator's commission when a store does not say, in percent of the lines they brought. */
export const DEFAULT_COMMISSION_PERCENT = 10;

/**
 * First-party analytics (issue 15, docs/server/analytics.md). Absent fields: collection on,
 * DEFAULT_COMMISSION_PERCENT.
 */
export const analyticsSettingsSchema = z.object({
  /** Off: POST /v1/events stores nothing, and GET /v1/store tells the widgets not to send. */
  enabled: z.boolean().optional(),
  /** The creators report's commission, in percent of a creator's paid lines (0–100). */
  commissionPercent: z
    .number()
    .min(0)
    .max(100)
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'At most 2 decimals')
    .optional(),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const storeSettingsSchema = z.object({
  /** Publish reviews without moderation. Never depends on the rating. */
  reviewsAutoApprove: z.boolean(),
  /**
   * Minutes an unpaid order holds its stock and points before it expires (1 minute to 7
   * days). Absent in stores created before it existed: DEFAULT_ORDER_HOLD_MINUTES.
   */
  orderHoldMinutes: z.number().int().min(1).max(10_080).optional(),
  /**
   * Days a creator's link counts after the shopper followed it (1 to 365; last click wins).
   * Absent in stores created before it existed: DEFAULT_ATTRIBUTION_WINDOW_DAYS.
   */
  attributionWindowDays: z.number().int().min(1).max(MAX_ATTRIBUTION_WINDOW_DAYS).optional(),
  /** Absent: defaultSignInMethods. Upstream identity providers are configured apart. */
  signInMethods: signInMethodsSchema.partial().optional(),
  notifications: notificationSettingsSchema.strict().optional(),
  analytics: analyticsSettingsSchema.strict().optional(),
  /** Off: GET /v1/recommendations answers no items, and the widgets show nothing. */
  recommendations: z.object({ enabled: z.boolean().optional() }).strict().optional(),
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

export const defaultPointsRules: PointsRules = {
  baseCurrency: 'USD',
  earnPerUnit: 1,
  pointValueMinor: 1,
  rates: { USD: 1 },
  pendingDays: 0,
  expiryDays: 365,
  maxRedeemPercent: 100,
  tiers: [
    { name: 'Member', minLifetime: 0 },
    { name: 'Silver', minLifetime: 500 },
    { name: 'Gold', minLifetime: 2000 },
  ],
};

export const defaultStoreSettings: StoreSettings = {
  reviewsAutoApprove: true,
  orderHoldMinutes: DEFAULT_ORDER_HOLD_MINUTES,
  attributionWindowDays: DEFAULT_ATTRIBUTION_WINDOW_DAYS,
};
