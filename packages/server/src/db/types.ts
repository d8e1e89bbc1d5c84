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

/** The hosted checkout's payment methods (docs/server/payments.md). */
export const paymentMethods = ['card', 'wallet', 'voucher'] as const;
export type PaymentMethodId = (typeof paymentMethods)[number];

/** How long an issued voucher can be paid when a store does not say (it holds the order as long). */
export const DEFAULT_VOUCHER_HOURS = 72;

/**
 * The payment methods a store offers (issue 16). Absent: every method the server can take.
 * The wallet and the voucher run on the test payment network, so a live store, or a server
 * without one configured, never offers them whatever this says.
 */
export const paymentSettingsSchema = z.object({
  methods: z
    .array(z.enum(paymentMethods))
    .min(1)
    .refine((m) => new Set(m).size === m.length, 'Each method once')
    .optional(),
  /** Hours an issued voucher stays payable (1 hour to 14 days); the order is held as long. */
  voucherHours: z.number().int().min(1).max(336).optional(),
});
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;
/**
 * Returns (docs/server/orders.md). Absent: DEFAULT_RETURN_WINDOW_DAYS from delivery. The
 * window counts from the first delivered tracking event, or from payment when `from` says
 * so or nothing was delivered yet.
 */
export const returnSettingsSchema = z.object({
  /** Days a shopper may ask to return lines; 0 takes no returns. */
  windowDays: z.number().int().min(0).max(365).optional(),
  from: z.enum(['delivered', 'paid']).optional(),
});
export type ReturnSettings = z.infer<typeof returnSettingsSchema>;
export const DEFAULT_RETURN_WINDOW_DAYS = 30;
/** Percent with at most 2 decimals (12.5, 33.33): exact in basis points. */
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'At most 2 decimals');
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as USD');
const tierName = z.string().trim().min(1).max(50);

/**
 * What a membership tier gives (issue 17, docs/server/membership.md). Every perk is optional.
 * Money is integer minor units of the currency it is keyed by.
 */
export const tierPerksSchema = z
  .object({
    /** Percent off the price for members of the tier, rounded half up per unit. */
    percentOff: percent.optional(),
    /** The products `percentOff` applies to; absent: the whole catalog. */
    percentOffProducts: z.array(z.string().uuid()).max(1000).optional(),
    /** Fixed member prices of chosen variants, per currency (minor units). */
    memberPrices: z
      .array(
        z
          .object({
            variantId: z.string().uuid(),
            currency: currencyCode,
            amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
          })
          .strict(),
      )
      .max(5000)
      .optional(),
    /** Points earned are multiplied by this (1 to 10, rounded down to whole points). */
    pointsMultiplier: z.number().min(1).max(10).optional(),
    /** Free shipping when the order is at least this much, per currency (minor units). */
    freeShippingOver: z
      .record(currencyCode, z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER))
      .optional(),
    /** Points given once a year on the member's birthday. */
    birthdayPoints: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type TierPerks = z.infer<typeof tierPerksSchema>;

/**
 * A store's membership: perks per tier (tiers named as in pointsRules.tiers, which ranks
 * them), paid plans (a product whose paid order makes the buyer a member of a tier for a
 * year) and early access (a product only members of some tiers may buy before a date).
 */
export const membershipSchema = z
  .object({
    tiers: z
      .array(z.object({ name: tierName, perks: tierPerksSchema }).strict())
      .max(20)
      .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, 'Duplicate tiers'),
    plans: z
      .array(z.object({ productId: z.string().uuid(), tier: tierName }).strict())
      .max(20)
      .refine(
        (ps) => new Set(ps.map((p) => p.productId)).size === ps.length,
        'A product is one plan',
      ),
    earlyAccess: z
      .array(
        z
          .object({
            productId: z.string().uuid(),
            until: z.string().datetime({ offset: true }),
            tiers: z.array(tierName).min(1).max(20),
          })
          .strict(),
      )
      .max(500)
      .refine(
        (es) => new Set(es.map((e) => e.productId)).size === es.length,
        'A product has one early access window',
      ),
  })
  .strict();
export type Membership = z.infer<typeof membershipSchema>;

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
  payments: paymentSettingsSchema.strict().optional(),
  returns: returnSettingsSchema.strict().optional(),
  /** Absent: no member perks (tiers are then only a name, as pointsRules.tiers says). */
  membership: membershipSchema.optional(),
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
