import { describe, expect, it } from 'vitest';
import {
  type ShippingConfig,
  ShippingConfigSchema,
  type TaxRule,
} from '../src/services/shipping/config.js';
import { landedCost } from '../src/services/shipping/landed.js';
import { quoteRates, shippingPrice } from '../src/services/shipping/rates.js';

const config: ShippingConfig = ShippingConfigSchema.parse({
  zones: [
    {
      id: 'eu',
      name: 'EU',
      countries: ['DE', 'FR'],
      rates: [
        {
          id: 'standard',
          name: 'Standard',
          minDays: 2,
          maxDays: 4,
          kind: 'weight',
          prices: {
            EUR: {
              bands: [
                { upToGrams: 1000, amount: '4.90' },
                { upToGrams: 5000, amount: '9.90' },
              ],
              freeOver: '100',
            },
            JPY: { bands: [{ upToGrams: null, amount: '800' }] },
          },
        },
        {
          id: 'express',
          name: 'Express',
          minDays: 1,
          maxDays: 1,
          kind: 'subtotal',
          prices: {
            EUR: {
              bands: [
                { below: '50', amount: '14.90' },
                { below: null, amount: '9.90' },
              ],
            },
          },
        },
      ],
    },
    {
      id: 'gulf',
      name: 'Gulf',
      countries: ['KW'],
      rates: [
        {
          id: 'courier',
          name: 'Courier',
          minDays: 3,
          maxDays: 6,
          kind: 'flat',
          prices: { KWD: { amount: '2.500' } },
        },
      ],
    },
  ],
});

const eur = (goodsMinor: number, grams = 0) => ({
  currency: 'EUR',
  goodsMinor: BigInt(goodsMinor),
  grams,
});

describe('shipping rates', () => {
  const [standard, express] = config.zones[0]!.rates as [
    ShippingConfig['zones'][0]['rates'][0],
    ShippingConfig['zones'][0]['rates'][0],
  ];

  it('prices by weight band, and not at all past the last band', () => {
    expect(shippingPrice(standard, eur(2000, 1000))).toBe(490n);
    expect(shippingPrice(standard, eur(2000, 1001))).toBe(990n);
    expect(shippingPrice(standard, eur(2000, 5001))).toBeUndefined();
  });

  it('prices by subtotal band (the goods after discounts)', () => {
    expect(shippingPrice(express, eur(4999))).toBe(1490n);
    expect(shippingPrice(express, eur(5000))).toBe(990n);
  });

  it('is free from the threshold on, and an override replaces the threshold', () => {
    expect(shippingPrice(standard, eur(9999, 100))).toBe(490n);
    expect(shippingPrice(standard, eur(10_000, 100))).toBe(0n);
    // A member's perk: free from 50 € too; a perk above the rate's own threshold, or none,
    // never makes shipping dearer than the rate's own rule.
    expect(shippingPrice(standard, eur(5000, 100), { freeOverMinor: 5000n })).toBe(0n);
    expect(shippingPrice(standard, eur(4999, 100), { freeOverMinor: 5000n })).toBe(490n);
    expect(shippingPrice(standard, eur(10_000, 100), { freeOverMinor: 50_000n })).toBe(0n);
    expect(shippingPrice(standard, eur(20_000, 100), { freeOverMinor: null })).toBe(0n);
    // The override applies to a rate without its own threshold too.
    expect(shippingPrice(express, eur(6000), { freeOverMinor: 6000n })).toBe(0n);
  });

  it('offers a country its zone’s rates in the cart’s currency, cheapest first', () => {
    expect(quoteRates(config, 'FR', eur(6000, 500)).map((q) => [q.rate.id, q.amountMinor])).toEqual(
      [
        ['standard', 490n],
        ['express', 990n],
      ],
    );
    expect(quoteRates(config, 'DE', { currency: 'JPY', goodsMinor: 5000n, grams: 9000 })).toEqual([
      expect.objectContaining({ amountMinor: 800n }),
    ]);
    expect(quoteRates(config, 'US', eur(6000))).toEqual([]);
    expect(quoteRates(config, 'KW', eur(6000))).toEqual([]);
  });
});

const vat = (rate: string, inclusive: boolean): TaxRule => ({
  country: 'XX',
  rate,
  inclusive,
  shipping: true,
});

describe('landed cost', () => {
  it('takes the VAT part out of tax-inclusive prices, rounded half up (EUR)', () => {
    // 19.99 € + 4.90 € shipping at 19 %: 24.89 × 19/119 = 3.974… → 3.97 €; nothing added.
    const landed = landedCost({
      currency: 'EUR',
      subtotalMinor: 1999n,
      discountMinor: 0n,
      shippingMinor: 490n,
      tax: vat('19', true),
    });
    expect(landed).toMatchObject({ taxMinor: 397n, taxIncluded: true, totalMinor: 2489n });
  });

  it('adds tax to exclusive prices (USD), after the discount', () => {
    // (100.00 − 10.00 + 5.00) × 8.875 % = 8.43125 → 8.43.
    const landed = landedCost({
      currency: 'USD',
      subtotalMinor: 10_000n,
      discountMinor: 1000n,
      shippingMinor: 500n,
      tax: vat('8.875', false),
    });
    expect(landed).toMatchObject({ taxMinor: 843n, taxIncluded: false, totalMinor: 10_343n });
  });

  it('rounds in whole yen (JPY, no decimals)', () => {
    // ¥1,005 incl. 10 %: 1005 × 10/110 = 91.36 → ¥91; ¥1,005 excl. 10 % + ¥0 shipping: 100.5 → ¥101.
    expect(
      landedCost({
        currency: 'JPY',
        subtotalMinor: 1005n,
        discountMinor: 0n,
        shippingMinor: 0n,
        tax: vat('10', true),
      }),
    ).toMatchObject({ taxMinor: 91n, totalMinor: 1005n });
    expect(
      landedCost({
        currency: 'JPY',
        subtotalMinor: 1005n,
        discountMinor: 0n,
        shippingMinor: 0n,
        tax: vat('10', false),
      }),
    ).toMatchObject({ taxMinor: 101n, totalMinor: 1106n });
  });

  it('rounds in fils (KWD, three decimals), duties delivered paid above the de minimis', () => {
    // 12.345 KWD goods + 2.500 shipping; 5 % tax on 14.845 = 0.74225 → 0.742;
    // 4 % duty on the goods = 0.4938 → 0.494 (over the 10.000 KWD de minimis).
    const landed = landedCost({
      currency: 'KWD',
      subtotalMinor: 12_345n,
      discountMinor: 0n,
      shippingMinor: 2500n,
      tax: vat('5', false),
      duty: { country: 'KW', mode: 'ddp', rate: '4', deMinimis: { KWD: '10.000' } },
    });
    expect(landed).toMatchObject({
      taxMinor: 742n,
      dutiesMinor: 494n,
      dutiesMode: 'ddp',
      totalMinor: 12_345n + 2500n + 742n + 494n,
    });
  });

  it('charges no duty below the de minimis, and only estimates it when due on delivery', () => {
    const base = { currency: 'JPY', discountMinor: 0n, shippingMinor: 800n } as const;
    const ddp = { country: 'JP', mode: 'ddp', rate: '10', deMinimis: { JPY: '10000' } } as const;
    expect(landedCost({ ...base, subtotalMinor: 9999n, duty: ddp })).toMatchObject({
      dutiesMinor: 0n,
      dutiesMode: null,
      totalMinor: 10_799n,
    });
    expect(landedCost({ ...base, subtotalMinor: 10_000n, duty: ddp })).toMatchObject({
      dutiesMinor: 1000n,
      totalMinor: 11_800n,
    });
    const dap = { ...ddp, mode: 'dap' } as const;
    expect(landedCost({ ...base, subtotalMinor: 10_005n, duty: dap })).toMatchObject({
      dutiesMinor: 1001n,
      dutiesMode: 'dap',
      totalMinor: 10_805n,
    });
    expect(
      landedCost({ ...base, subtotalMinor: 10_005n, duty: { ...dap, rate: null } }),
    ).toMatchObject({ dutiesMinor: 0n, dutiesMode: 'dap', dutiesUnknown: true });
  });
});

describe('shipping set-up validation', () => {
  it('refuses a country in two zones, amounts past the currency’s decimals and bad codes', () => {
    const zone = config.zones[1]!;
    const twice = ShippingConfigSchema.safeParse({ zones: [zone, { ...zone, id: 'other' }] });
    expect(twice.success).toBe(false);
    const fils = ShippingConfigSchema.safeParse({
      zones: [
        {
          ...zone,
          rates: [{ ...zone.rates[0]!, prices: { JPY: { amount: '2.5' } } }],
        },
      ],
    });
    expect(fils.success).toBe(false);
    expect(
      ShippingConfigSchema.safeParse({ zones: [{ ...zone, countries: ['XQ'] }] }).success,
    ).toBe(false);
    expect(
      ShippingConfigSchema.safeParse({
        zones: [],
        duties: [{ country: 'BR', mode: 'ddp', rate: null }],
      }).success,
    ).toBe(false);
  });
});

describe('the demo set-up', () => {
  it('ships to the US, the EU, the UK, Russia, Brazil and the Gulf, priced in every currency', async () => {
    const { demoShipping } = await import('../src/seed/shipping.js');
    const currencies = ['USD', 'EUR', 'GBP', 'CNY', 'RUB', 'BRL'];
    const demo = demoShipping(currencies);
    for (const country of ['US', 'DE', 'FR', 'GB', 'RU', 'BR', 'AE', 'SA', 'KW']) {
      for (const currency of currencies) {
        const quotes = quoteRates(demo, country, { currency, goodsMinor: 1000n, grams: 500 });
        expect(quotes.length, `${country} in ${currency}`).toBeGreaterThan(0);
      }
    }
    expect(demo.taxes.find((t) => t.country === 'US')).toMatchObject({ inclusive: false });
    expect(demo.taxes.find((t) => t.country === 'DE')).toMatchObject({ inclusive: true });
    expect(demo.duties.find((d) => d.country === 'BR')).toMatchObject({ mode: 'ddp' });
    expect(demo.duties.find((d) => d.country === 'RU')).toMatchObject({ mode: 'dap' });
  });
});
