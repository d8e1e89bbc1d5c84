import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { analyticsSettings } from '../analytics.js';
import { attributionWindowDays } from '../attribution.js';
import type { Db } from '../db/index.js';
import { stores } from '../db/schema/index.js';
import {
  type PointsRules,
  pointsRulesSchema,
  type StoreSettings,
  storeSettingsSchema,
} from '../db/types.js';
import { ApiError } from '../errors.js';
import { membershipIssues } from './membership.js';
import { isCurrencyCode } from './money.js';
import { recommendationSettings } from './recommendations.js';
import type { Store } from './stores.js';

/** What any page may know about the store (GET /v1/store). */
export function publicStoreConfig(store: Store) {
  const r = store.pointsRules;
  return {
    handle: store.handle,
    name: store.name,
    mode: store.mode,
    currencies: store.currencies,
    defaultCurrency: store.currencies[0]!,
    locales: store.locales,
    defaultLocale: store.locales[0]!,
    attributionWindowDays: attributionWindowDays(store.settings),
    analytics: { enabled: analyticsSettings(store.settings).enabled },
    recommendations: recommendationSettings(store.settings),
    points: {
      earnPerUnit: r.earnPerUnit,
      pointValueMinor: r.pointValueMinor,
      baseCurrency: r.baseCurrency,
      maxRedeemPercent: r.maxRedeemPercent,
      tiers: r.tiers,
      pendingDays: r.pendingDays,
      expiryDays: r.expiryDays,
    },
  };
}

/** The whole configuration for the merchant (never the secret key or token secret). */
export function adminStoreView(store: Store) {
  return {
    id: store.id,
    handle: store.handle,
    name: store.name,
    publishableKey: store.publishableKey,
    mode: store.mode,
    allowedOrigins: store.allowedOrigins,
    currencies: store.currencies,
    locales: store.locales,
    pointsRules: store.pointsRules,
    settings: store.settings,
    createdAt: store.createdAt.toISOString(),
  };
}

/** `https://shop.example` or `http://localhost:5173`: scheme, host and port, nothing else. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

export function isLocaleTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value)[0] === value;
  } catch {
    return false;
  }
}

const uniq = (list: string[]) => new Set(list).size === list.length;

export const storePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** 'live' refuses the test card; 'test' takes only the test card. */
    mode: z.enum(['test', 'live']),
    allowedOrigins: z
      .array(z.string().max(300).refine(isOrigin, 'Not an origin (scheme://host[:port])'))
      .max(100)
      .refine(uniq, 'Duplicate origins'),
    currencies: z
      .array(z.string().refine(isCurrencyCode, 'Not an ISO 4217 code'))
      .min(1)
      .max(30)
      .refine(uniq, 'Duplicate currencies'),
    locales: z
      .array(z.string().max(35).refine(isLocaleTag, 'Not a canonical BCP 47 tag (e.g. pt-BR)'))
      .min(1)
      .max(50)
      .refine(uniq, 'Duplicate locales'),
    /** Merged over the current rules, then validated whole. */
    pointsRules: pointsRulesSchema.partial().strict(),
    settings: storeSettingsSchema.partial().strict(),
  })
  .partial()
  .strict();
export type StorePatch = z.infer<typeof storePatchSchema>;

/**
 * Applies a settings change in one transaction, with the store row locked so two
 * concurrent patches cannot each undo the other's merge. The result must be coherent:
 * the points base currency is one the store sells, and every currency has a rate.
 */
export async function updateStoreConfig(
  db: Db,
  storeId: string,
  patch: StorePatch,
): Promise<Store> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(stores).where(eq(stores.id, storeId)).for('update');
    if (!current) throw new ApiError('not_found', 'No such store.');
    const currencies = patch.currencies ?? current.currencies;
    const rulesResult = pointsRulesSchema.safeParse({
      ...current.pointsRules,
      ...patch.pointsRules,
    } satisfies Partial<PointsRules>);
    if (!rulesResult.success) {
      throw new ApiError(
        'validation_failed',
        'The points rules are not valid.',
        rulesResult.error.issues.map((i) => ({
          path: ['pointsRules', ...i.path].join('.'),
          message: i.message,
        })),
      );
    }
    const rules = rulesResult.data;
    const problems: { path: string; message: string }[] = [];
    if (!currencies.includes(rules.baseCurrency)) {
      problems.push({
        path: 'pointsRules.baseCurrency',
        message: 'The base currency must be one of the store currencies',
      });
    }
    for (const cur of currencies) {
      if (!(cur in rules.rates)) {
        problems.push({ path: `pointsRules.rates.${cur}`, message: `No rate for ${cur}` });
      }
    }
    if (rules.rates[rules.baseCurrency] !== undefined && rules.rates[rules.baseCurrency] !== 1) {
      problems.push({
        path: `pointsRules.rates.${rules.baseCurrency}`,
        message: 'The base currency rate must be 1',
      });
    }
    const tierMins = rules.tiers.map((t) => t.minLifetime);
    if (tierMins.some((m, i) => i > 0 && m <= tierMins[i - 1]!)) {
      problems.push({ path: 'pointsRules.tiers', message: 'Tiers must ascend by minLifetime' });
    }
    if (problems.length)
      throw new ApiError('validation_failed', 'The store settings are not coherent.', problems);

    const settings: StoreSettings = { ...current.settings, ...patch.settings };
    // Notifications are merged a level deeper: changing the cap keeps the quiet hours.
    if (patch.settings?.notifications) {
      settings.notifications = {
        ...current.settings.notifications,
        ...patch.settings.notifications,
      };
    }
    // Analytics too: turning collection off keeps the commission rate.
    if (patch.settings?.analytics) {
      settings.analytics = { ...current.settings.analytics, ...patch.settings.analytics };
    }
    const membershipProblems = membershipIssues(rules, settings.membership);
    if (membershipProblems.length)
      throw new ApiError(
        'validation_failed',
        'The membership is not coherent.',
        membershipProblems,
      );
    const [updated] = await tx
      .update(stores)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.mode !== undefined ? { mode: patch.mode } : {}),
        ...(patch.allowedOrigins !== undefined ? { allowedOrigins: patch.allowedOrigins } : {}),
        ...(patch.locales !== undefined ? { locales: patch.locales } : {}),
        currencies,
        pointsRules: rules,
        settings,
      })
      .where(eq(stores.id, storeId))
      .returning();
    return updated!;
  });
}
