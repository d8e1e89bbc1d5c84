import i18next, { type TFunction } from 'i18next';
import type { Translator } from './i18next-subset.js';

/** Languages every element ships real translations for. */
export const languages = ['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt-BR', 'ar'] as const;
export type Language = (typeof languages)[number];

/** A flat or nested map of keys to strings (i18next JSON v4: plurals as key_one, key_other…). */
export interface Bundle {
  [key: string]: string | Bundle;
}

/** One namespace of strings: English bundled with the element, other languages loaded on demand. */
export interface Strings<B extends Bundle = Bundle> {
  ns: string;
  en: B;
  load: Record<Exclude<Language, 'en'>, () => Promise<{ default: Bundle }>>;
}

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';

/**
 * The keys `t()` takes for a bundle: dotted paths to its strings, a plural by its base key
 * (`items_one`/`items_other` → `items`). Typed from the English bundle, so a misspelled or
 * missing key fails the type check.
 */
export type KeyOf<B> = {
  [K in keyof B & string]: B[K] extends string
    ? K extends `${infer Base}${PluralSuffix}`
      ? Base
      : K
    : `${K}.${KeyOf<B[K]>}`;
}[keyof B & string];

export const defineStrings = <B extends Bundle>(
  ns: string,
  en: B,
  load: Strings['load'],
): Strings<B> => ({
  ns,
  en,
  load,
});

/**
 * One i18next instance for every element; each element asks for a fixed language + namespace.
 * Typed as the few calls used, which the CDN build's i18next subset implements.
 */
export const i18n: Translator = i18next.createInstance(i18nOptions());

/** The instance's options (a function: i18next keeps and changes the object it is given). */
export function i18nOptions() {
  return {
    fallbackLng: 'en',
    fallbackNS: 'common',
    defaultNS: 'common',
    ns: [],
    resources: {},
    initAsync: false,
    interpolation: { escapeValue: false }, // Lit text bindings escape
    returnNull: false,
  };
}
void i18n.init();

const loading = new Map<string, Promise<void>>();

function addBundle(lang: Language, strings: Strings, bundle: Bundle) {
  if (!i18n.hasResourceBundle(lang, strings.ns)) {
    i18n.addResourceBundle(lang, strings.ns, bundle, true, false);
  }
}

/** True when `lang`'s strings of these namespaces are loaded (English always is). */
export function isLoaded(lang: Language, namespaces: Strings[]): boolean {
  for (const s of namespaces) addBundle('en', s, s.en);
  return lang === 'en' || namespaces.every((s) => i18n.hasResourceBundle(lang, s.ns));
}

/** Loads `lang` for these namespaces (each file once, shared by every element). */
export function loadLanguage(lang: Language, namespaces: Strings[]): Promise<void> {
  if (isLoaded(lang, namespaces)) return Promise.resolve();
  return Promise.all(
    namespaces.map((s) => {
      if (lang === 'en') return undefined;
      const key = `${lang}|${s.ns}`;
      let p = loading.get(key);
      if (!p) {
        p = s.load[lang]().then(
          (m) => addBundle(lang, s, m.default),
          (error) => {
            loading.delete(key); // a failed chunk load may succeed later
            throw error;
          },
        );
        loading.set(key, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/** A translate function fixed to one language and namespace (common as fallback). */
export const fixedT = (lang: Language, ns: string): TFunction => i18n.getFixedT(lang, ns);

/**
 * The supported language closest to a BCP 47 tag: exact (case-insensitive), else the same
 * primary language (zh-TW → zh-CN, pt-PT → pt-BR, de-AT → de), else English.
 */
export function matchLanguage(tag: string | null | undefined): Language {
  if (!tag) return 'en';
  const lower = tag.toLowerCase();
  const exact = languages.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split(/[-_]/)[0];
  return languages.find((l) => l.toLowerCase().split('-')[0] === primary) ?? 'en';
}

export { directionOf } from './direction.js';

/** A tag Intl accepts (falls back to the matched language when the tag is malformed). */
export function intlLocale(tag: string, fallback: Language): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? fallback;
  } catch {
    return fallback;
  }
}
