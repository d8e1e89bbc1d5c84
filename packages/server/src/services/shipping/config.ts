import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.js';
import { storeShipping } from '../../db/schema/index.js';
import { z } from '../../openapi.js';
import { isCurrencyCode, parseMinor } from '../money.js';

type Conn = Db | Tx;

/**
 * A store's shipping and tax set-up: where it ships (zones of countries), what each rate
 * costs in each currency, the destination's tax convention and its import duties. Amounts
 * are decimal strings per currency, as variant prices are; percentages are decimal strings
 * ("19", "7.25"). One document, replaced whole (PUT /admin/v1/shipping).
 */

const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .refine(isRegionCode, 'Not an ISO 3166-1 country code')
  .openapi({ example: 'DE' });
const CurrencyCode = z.string().refine(isCurrencyCode, 'Not an ISO 4217 currency code');
const Decimal = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,3})?$/, 'A decimal amount such as "4.99"')
  .openapi({ example: '4.99' });
const Percent = z
  .string()
  .regex(/^(100|\d{1,2})(\.\d{1,4})?$/, 'A percentage such as "19" or "7.25"')
  .refine((v) => Number(v) <= 100, 'At most 100')
  .openapi({ example: '19' });
/** Amounts per currency; a rate is offered to carts in the currencies it has a price in. */
const perCurrency = <T extends z.ZodTypeAny>(value: T) => z.record(CurrencyCode, value);

const freeOver = Decimal.optional().openapi({
  description: 'Free when the subtotal after discounts reaches this (in that currency).',
});
const RateCommon = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
    .openapi({ example: 'standard' }),
  name: z.string().trim().min(1).max(80).openapi({ example: 'Standard' }),
  minDays: z.number().int().min(0).max(365).openapi({ description: 'Business days, at least.' }),
  maxDays: z.number().int().min(0).max(365).openapi({ description: 'Business days, at most.' }),
};
const FlatRate = z.object({
  ...RateCommon,
  kind: z.literal('flat'),
  prices: perCurrency(z.object({ amount: Decimal, freeOver })),
});
const WeightRate = z.object({
  ...RateCommon,
  kind: z.literal('weight'),
  prices: perCurrency(
    z.object({
      bands: z
        .array(
          z.object({
            upToGrams: z.number().int().positive().max(10_000_000).nullable(),
            amount: Decimal,
          }),
        )
        .min(1)
        .max(20)
        .openapi({
          description:
            'Ascending; the first band the order’s weight fits in prices it; null = any weight. An order heavier than every band is not offered the rate.',
        }),
      freeOver,
    }),
  ),
});
const SubtotalRate = z.object({
  ...RateCommon,
  kind: z.literal('subtotal'),
  prices: perCurrency(
    z.object({
      bands: z
        .array(z.object({ below: Decimal.nullable(), amount: Decimal }))
        .min(1)
        .max(20)
        .openapi({
          description:
            'Ascending; the first band whose `below` the subtotal (after discounts) is under prices it; null = any subtotal.',
        }),
      freeOver,
    }),
  ),
});
export const ShippingRateSchema = z
  .discriminatedUnion('kind', [FlatRate, WeightRate, SubtotalRate])
  .refine((r) => r.minDays <= r.maxDays, { message: 'minDays after maxDays', path: ['minDays'] })
  .openapi('ShippingRate');

export const ShippingZoneSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
    name: z.string().trim().min(1).max(80),
    countries: z.array(CountryCode).min(1).max(250),
    rates: z.array(ShippingRateSchema).min(1).max(20),
  })
  .openapi('ShippingZone');

export const TaxRuleSchema = z
  .object({
    country: CountryCode,
    rate: Percent,
    inclusive: z.boolean().openapi({
      description:
        'true where prices include the tax (EU VAT, UK VAT): the page shows the part that is tax; false where it is added at checkout (US sales tax).',
    }),
    shipping: z.boolean().default(true).openapi({ description: 'Whether shipping is taxed too.' }),
  })
  .openapi('TaxRule');

export const DutyRuleSchema = z
  .object({
    country: CountryCode,
    mode: z.enum(['ddp', 'dap']).openapi({
      description:
        "'ddp': collected at checkout (delivered duty paid); 'dap': due from the shopper on delivery (the page says so).",
    }),
    rate: Percent.nullable().openapi({
      description:
        'Of the goods’ value; null = unknown (only for dap: the page says duties may be due).',
    }),
    deMinimis: perCurrency(Decimal)
      .default({})
      .openapi({ description: 'Goods worth less than this (per currency) pay no duty.' }),
  })
  .refine((d) => d.mode === 'dap' || d.rate !== null, {
    message: 'Duties collected at checkout need a rate',
    path: ['rate'],
  })
  .openapi('DutyRule');

export const ShippingConfigSchema = z
  .object({
    zones: z.array(ShippingZoneSchema).max(50),
    taxes: z.array(TaxRuleSchema).max(250).default([]),
    duties: z.array(DutyRuleSchema).max(250).default([]),
  })
  .superRefine((config, ctx) => {
    const unique = (path: string, values: string[], what: string) => {
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(v))
          ctx.addIssue({ code: 'custom', path: [path, i], message: `${what} ${v} twice` });
        seen.add(v);
      });
    };
    unique(
      'zones',
      config.zones.flatMap((z) => z.countries),
      'Country in zones:',
    );
    unique(
      'zones',
      config.zones.map((z) => z.id),
      'Zone id',
    );
    unique(
      'taxes',
      config.taxes.map((t) => t.country),
      'Tax country',
    );
    unique(
      'duties',
      config.duties.map((d) => d.country),
      'Duty country',
    );
    config.zones.forEach((zone, z) => {
      unique(
        'zones',
        zone.rates.map((r) => r.id),
        `Rate id in zone ${zone.id}:`,
      );
      zone.rates.forEach((rate, r) => {
        for (const [currency, price] of Object.entries(rate.prices)) {
          const amounts: (string | null)[] = [price.freeOver ?? null];
          if ('amount' in price) amounts.push(price.amount);
          if ('bands' in price) {
            for (const band of price.bands as { amount: string; below?: string | null }[]) {
              amounts.push(band.amount, band.below ?? null);
            }
          }
          for (const amount of amounts) {
            if (amount !== null && !fitsCurrency(amount, currency)) {
              ctx.addIssue({
                code: 'custom',
                path: ['zones', z, 'rates', r, 'prices', currency],
                message: `${amount} has more decimals than ${currency}`,
              });
            }
          }
        }
      });
    });
  })
  .openapi('ShippingConfig');

export type ShippingConfig = z.infer<typeof ShippingConfigSchema>;
/** As an admin writes it: defaults (tax on shipping, no de minimis) may be left out. */
export type ShippingConfigInput = z.input<typeof ShippingConfigSchema>;
export type ShippingRate = z.infer<typeof ShippingRateSchema>;
export type ShippingZone = z.infer<typeof ShippingZoneSchema>;
export type TaxRule = z.infer<typeof TaxRuleSchema>;
export type DutyRule = z.infer<typeof DutyRuleSchema>;

/** A store that has set up no zones sells without shipping (digital goods, services). */
export const NO_SHIPPING: ShippingConfig = { zones: [], taxes: [], duties: [] };

function isRegionCode(code: string): boolean {
  try {
    return new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of(code) !== undefined;
  } catch {
    return false;
  }
}

function fitsCurrency(amount: string, currency: string): boolean {
  try {
    parseMinor(amount, currency);
    return true;
  } catch {
    return false;
  }
}

/** Parts per million of a percentage string ("19" → 190000, "7.25" → 72500), exactly. */
export function percentPpm(percent: string): bigint {
  const [whole = '0', frac = ''] = percent.split('.');
  return BigInt(whole) * 10_000n + BigInt(frac.padEnd(4, '0'));
}

export async function shippingConfigOf(conn: Conn, storeId: string): Promise<ShippingConfig> {
  const [row] = await conn
    .select({ config: storeShipping.config })
    .from(storeShipping)
    .where(eq(storeShipping.storeId, storeId));
  return row ? (row.config as ShippingConfig) : NO_SHIPPING;
}

export async function saveShippingConfig(
  conn: Conn,
  storeId: string,
  config: ShippingConfig,
  now: Date,
): Promise<void> {
  await conn
    .insert(storeShipping)
    .values({ storeId, config, updatedAt: now })
    .onConflictDoUpdate({ target: storeShipping.storeId, set: { config, updatedAt: now } });
}
