const euro = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');
const currencyByRegion: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CN: 'CNY',
  RU: 'RUB',
  BR: 'BRL',
  JP: 'JPY',
  CA: 'CAD',
  AU: 'AUD',
  IN: 'INR',
  CH: 'CHF',
  MX: 'MXN',
  KR: 'KRW',
  SA: 'SAR',
  AE: 'AED',
  EG: 'EGP',
  TR: 'TRY',
};

/** 'auto' → the browser's first preferred language; else the tag itself. */
export function resolveLocale(locale: string | undefined): string {
  if (locale && locale !== 'auto') return locale;
  return globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
}

/**
 * 'auto' → the currency of the locale's region (de → DE → EUR, pt-BR → BRL); undefined when
 * unknown, so the server answers in the store's default currency.
 */
export function resolveCurrency(currency: string | undefined, locale: string): string | undefined {
  if (currency && currency !== 'auto') return currency.toUpperCase();
  try {
    const region = new Intl.Locale(locale).maximize().region ?? '';
    return euro.includes(region) ? 'EUR' : currencyByRegion[region];
  } catch {
    return undefined;
  }
}
