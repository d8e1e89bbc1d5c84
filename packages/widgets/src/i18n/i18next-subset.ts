import type { i18n as I18n, InitOptions, TOptions } from 'i18next';
import type { Bundle } from './i18n.js';

/** What the widgets use of an i18next instance (src/i18n/i18n.ts calls nothing else). */
export type Translator = Pick<
  I18n,
  'init' | 'hasResourceBundle' | 'addResourceBundle' | 'getFixedT'
>;

/**
 * The part of i18next the widgets use, in ~1 KB: the CDN build aliases `i18next` to this
 * module (packages/widgets/scripts/build.mjs), the npm build keeps real i18next. See
 * docs/decisions/003-i18next-subset-in-the-cdn-build.md for why.
 *
 * It reads the same i18next JSON v4 bundles and resolves like i18next with the options
 * src/i18n/i18n.ts sets: the key in the element's namespace, then `fallbackNS`, each in the
 * language then `fallbackLng`; `.`-separated nested keys; plurals by `count` through
 * `Intl.PluralRules` (`key_zero` for 0, then `key_<category>`, `key`, `key_other`);
 * `{{name}}` interpolation without escaping (Lit escapes) and without nesting. A missing key
 * returns the key. `i18next-subset.test.ts` checks every shipped string against i18next.
 */
function createInstance(options: InitOptions = {}): Translator {
  const resources: Record<string, Record<string, Bundle>> = {};
  const fallbackLng = String(options.fallbackLng ?? 'dev');
  const fallbackNS = options.fallbackNS ? [options.fallbackNS].flat() : [];
  const rules = new Map<string, Intl.PluralRules>();

  const lookup = (lng: string, ns: string, key: string): string | undefined => {
    let node: string | Bundle | undefined = resources[lng]?.[ns];
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };

  const resolve = (lng: string, ns: string, key: string, count: unknown): string | undefined => {
    for (const space of [ns, ...fallbackNS]) {
      for (const code of lng === fallbackLng ? [lng] : [lng, fallbackLng]) {
        // i18next's order: key_zero (count 0), key_<category>, key, key_other.
        const keys = [key];
        if (typeof count === 'number') {
          const rule = rules.get(code) ?? new Intl.PluralRules(code);
          rules.set(code, rule);
          const category = rule.select(count);
          keys.unshift(`${key}_${category}`);
          if (count === 0) keys.unshift(`${key}_zero`);
          if (category !== 'other') keys.push(`${key}_other`);
        }
        for (const k of keys) {
          const found = lookup(code, space, k);
          if (found !== undefined) return found;
        }
      }
    }
    return undefined;
  };

  const interpolate = (text: string, values: Record<string, unknown>) =>
    text.replace(/\{\{(.+?)\}\}/g, (match, name: string) => {
      const key = name.trim();
      // As i18next: a value passed as undefined is '', a value not passed keeps the placeholder.
      if (!(key in values)) return match;
      const value = values[key];
      return value == null ? '' : String(value);
    });

  const instance = {
    init: () => Promise.resolve(),
    hasResourceBundle: (lng: string, ns: string) => Boolean(resources[lng]?.[ns]),
    addResourceBundle(lng: string, ns: string, bundle: Bundle) {
      resources[lng] = { ...resources[lng], [ns]: bundle };
      return instance;
    },
    getFixedT:
      (lng: string, ns: string) =>
      (key: string, values: TOptions = {}) =>
        interpolate(resolve(lng, ns, key, values.count) ?? key, values),
  };
  return instance as unknown as Translator;
}

export default { createInstance };
