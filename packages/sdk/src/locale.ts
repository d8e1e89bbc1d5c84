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

/** A BCP 47 tag (or 'auto'), as `locale` options take. */
export function isLocaleTag(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  if (value === 'auto') return true;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false;
  }
}

/** An ISO 4217 code (any case) or 'auto', as `currency` options take. */
export function isCurrencyOption(value: unknown): value is string {
  return typeof value === 'string' && (value === 'auto' || /^[A-Za-z]{3}$/.test(value));
}
