export { directionOf } from './format-money.js';

/** The languages hosted pages speak; the first is the fallback. */
export const hostedLocales = ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt-BR', 'ar'] as const;
export type HostedLocale = (typeof hostedLocales)[number];

export type Messages<K extends string> = Record<HostedLocale, Record<K, string>>;

/**
 * Picks the best hosted locale for a list of preferences (the `ui_locales` parameter of
 * OpenID/OAuth, then Accept-Language): exact tag first, then the language alone.
 */
export function negotiateLocale(...preferences: (string | undefined)[]): HostedLocale {
  const wanted = preferences
    .flatMap((p) => (p ?? '').split(/[\s,]+/))
    .map((tag) => tag.split(';')[0]!.trim())
    .filter(Boolean);
  for (const tag of wanted) {
    const exact = hostedLocales.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = tag.split('-')[0]!.toLowerCase();
    const near = hostedLocales.find((l) => l.split('-')[0]!.toLowerCase() === language);
    if (near) return near;
  }
  return 'en';
}

/** A translator for one page's messages, with `{name}` placeholders. */
export function translator<K extends string>(messages: Messages<K>, locale: HostedLocale) {
  return (key: K, vars: Record<string, string | number> = {}) =>
    (messages[locale][key] ?? messages.en[key]).replace(/\{(\w+)\}/g, (_, name: string) =>
      String(vars[name] ?? ''),
    );
}
