import type { ShippingConfigInput } from '../src/services/shipping/config.js';

/** A small cross-border set-up: the US (tax added), Germany (VAT included), Brazil (duties paid at checkout over a de minimis), the UK (duties due on delivery). */
export const crossBorder = {
  zones: [
    {
      id: 'us',
      name: 'United States',
      countries: ['US'],
      rates: [
        {
          id: 'ground',
          name: 'Ground',
          minDays: 3,
          maxDays: 5,
          kind: 'flat',
          prices: { USD: { amount: '5.00', freeOver: '100.00' } },
        },
        {
          id: 'express',
          name: 'Express',
          minDays: 1,
          maxDays: 2,
          kind: 'flat',
          prices: { USD: { amount: '15.00' } },
        },
      ],
    },
    {
      id: 'eu',
      name: 'Europe',
      countries: ['DE', 'FR', 'GB'],
      rates: [
        {
          id: 'parcel',
          name: 'Parcel',
          minDays: 2,
          maxDays: 4,
          kind: 'weight',
          prices: {
            EUR: {
              bands: [
                { upToGrams: 1000, amount: '4.90' },
                { upToGrams: null, amount: '9.90' },
              ],
            },
            USD: { bands: [{ upToGrams: null, amount: '12.00' }] },
          },
        },
      ],
    },
    {
      id: 'br',
      name: 'Brazil',
      countries: ['BR'],
      rates: [
        {
          id: 'intl',
          name: 'International',
          minDays: 7,
          maxDays: 15,
          kind: 'flat',
          prices: { USD: { amount: '20.00' } },
        },
      ],
    },
  ],
  taxes: [
    { country: 'US', rate: '8.875', inclusive: false },
    { country: 'DE', rate: '19', inclusive: true },
    { country: 'GB', rate: '20', inclusive: true },
  ],
  duties: [
    { country: 'BR', mode: 'ddp', rate: '60', deMinimis: { USD: '50.00' } },
    { country: 'GB', mode: 'dap', rate: null },
  ],
} satisfies ShippingConfigInput;
