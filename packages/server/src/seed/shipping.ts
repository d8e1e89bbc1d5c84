import { toMoney } from '../services/money.js';
import { type ShippingConfig, ShippingConfigSchema } from '../services/shipping/config.js';
import { demoPriceMinor } from './catalog.js';

/** A demo amount in each of the store's currencies, converted as the demo's prices are. */
function amounts(usd: number, currencies: string[]): Record<string, { amount: string }> {
  return Object.fromEntries(
    currencies.map((c) => [c, { amount: toMoney(demoPriceMinor(usd, c), c).amount }]),
  );
}

function threshold(usd: number, currency: string): string {
  return toMoney(demoPriceMinor(usd, currency), currency).amount;
}

/** Bands by weight, each priced in every currency of the store. */
function byWeight(
  bands: [number | null, number][],
  freeOverUsd: number | null,
  currencies: string[],
) {
  return Object.fromEntries(
    currencies.map((c) => [
      c,
      {
        bands: bands.map(([upToGrams, usd]) => ({
          upToGrams,
          amount: toMoney(demoPriceMinor(usd, c), c).amount,
        })),
        ...(freeOverUsd === null ? {} : { freeOver: threshold(freeOverUsd, c) }),
      },
    ]),
  );
}

const EU = ['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'GR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE'];
const EU_VAT: Record<string, string> = {
  AT: '20',
  BE: '21',
  DE: '19',
  ES: '21',
  FI: '25.5',
  FR: '20',
  GR: '24',
  IE: '23',
  IT: '22',
  NL: '21',
  PL: '23',
  PT: '23',
  SE: '25',
};
const GULF = ['AE', 'BH', 'KW', 'OM', 'QA', 'SA'];

/**
 * The demo's shipping and tax set-up (docs/server/shipping-and-taxes.md shows it as an
 * example): the US with sales tax added at checkout; the EU and the UK with VAT in the
 * prices; Russia with duties due on delivery past its de minimis; Brazil with duties paid at
 * checkout past its de minimis; the Gulf with VAT in the prices and duties paid at checkout.
 * Demo figures, not tax advice.
 */
export function demoShipping(currencies: string[]): ShippingConfig {
  const flat = (usd: number) => amounts(usd, currencies);
  return ShippingConfigSchema.parse({
    zones: [
      {
        id: 'us',
        name: 'United States',
        countries: ['US'],
        rates: [
          {
            id: 'standard',
            name: 'Standard',
            minDays: 3,
            maxDays: 5,
            kind: 'weight',
            prices: byWeight(
              [
                [1000, 5],
                [3000, 8],
                [null, 12],
              ],
              75,
              currencies,
            ),
          },
          {
            id: 'express',
            name: 'Express',
            minDays: 1,
            maxDays: 2,
            kind: 'flat',
            prices: flat(19),
          },
        ],
      },
      {
        id: 'eu',
        name: 'European Union',
        countries: EU,
        rates: [
          {
            id: 'standard',
            name: 'Standard',
            minDays: 3,
            maxDays: 6,
            kind: 'weight',
            prices: byWeight(
              [
                [1000, 6],
                [null, 11],
              ],
              80,
              currencies,
            ),
          },
          {
            id: 'express',
            name: 'Express',
            minDays: 1,
            maxDays: 3,
            kind: 'subtotal',
            prices: Object.fromEntries(
              currencies.map((c) => [
                c,
                {
                  bands: [
                    { below: threshold(60, c), amount: threshold(18, c) },
                    { below: null, amount: threshold(12, c) },
                  ],
                },
              ]),
            ),
          },
        ],
      },
      {
        id: 'uk',
        name: 'United Kingdom',
        countries: ['GB'],
        rates: [
          {
            id: 'standard',
            name: 'Standard',
            minDays: 2,
            maxDays: 4,
            kind: 'flat',
            prices: Object.fromEntries(
              currencies.map((c) => [c, { ...flat(6)[c]!, freeOver: threshold(70, c) }]),
            ),
          },
        ],
      },
      {
        id: 'ru',
        name: 'Russia',
        countries: ['RU'],
        rates: [
          { id: 'post', name: 'Post', minDays: 10, maxDays: 20, kind: 'flat', prices: flat(14) },
        ],
      },
      {
        id: 'br',
        name: 'Brazil',
        countries: ['BR'],
        rates: [
          {
            id: 'post',
            name: 'Correios',
            minDays: 10,
            maxDays: 25,
            kind: 'flat',
            prices: flat(12),
          },
        ],
      },
      {
        id: 'gulf',
        name: 'Gulf',
        countries: GULF,
        rates: [
          {
            id: 'courier',
            name: 'Courier',
            minDays: 3,
            maxDays: 6,
            kind: 'flat',
            prices: flat(16),
          },
        ],
      },
    ],
    taxes: [
      { country: 'US', rate: '7.25', inclusive: false },
      ...EU.map((country) => ({ country, rate: EU_VAT[country]!, inclusive: true })),
      { country: 'GB', rate: '20', inclusive: true },
      { country: 'RU', rate: '20', inclusive: true },
      { country: 'AE', rate: '5', inclusive: true },
      { country: 'BH', rate: '10', inclusive: true },
      { country: 'OM', rate: '5', inclusive: true },
      { country: 'SA', rate: '15', inclusive: true },
    ],
    duties: [
      {
        country: 'RU',
        mode: 'dap',
        rate: '15',
        deMinimis: Object.fromEntries(currencies.map((c) => [c, threshold(200, c)])),
      },
      {
        country: 'BR',
        mode: 'ddp',
        rate: '60',
        deMinimis: Object.fromEntries(currencies.map((c) => [c, threshold(50, c)])),
      },
      ...['AE', 'SA', 'KW'].map((country) => ({
        country,
        mode: 'ddp',
        rate: '5',
        deMinimis: Object.fromEntries(currencies.map((c) => [c, threshold(270, c)])),
      })),
    ],
  });
}
