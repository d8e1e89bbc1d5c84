import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { accountStrings } from '../login-button/i18n/account/index.js';
import { loginButtonStrings } from '../login-button/i18n/index.js';
import { membershipStrings } from '../login-button/i18n/membership/index.js';
import { menuStrings } from '../login-button/i18n/menu/index.js';
import { notificationsStrings } from '../login-button/i18n/notifications/index.js';
import { passkeysStrings } from '../login-button/i18n/passkeys/index.js';
import { miniCartStrings } from '../mini-cart/i18n/index.js';
import { miniCartPanelStrings } from '../mini-cart/i18n/panel/index.js';
import { productCardStrings } from '../product-card/i18n/index.js';
import { notifyStrings } from '../product-card/i18n/notify/index.js';
import { shareStrings } from '../product-card/i18n/share/index.js';
import { reviewFormStrings } from '../review-list/i18n/form/index.js';
import { reviewListStrings } from '../review-list/i18n/index.js';
import { commonStrings } from './common.js';
import { type Bundle, i18nOptions, languages, type Strings } from './i18n.js';
import subset from './i18next-subset.js';

// The CDN build ships src/i18n/i18next-subset.ts in place of i18next. These tests hold it to
// i18next itself: every key of every shipped bundle, in every language, with every plural
// category, must translate to exactly what i18next returns.

const elements = [
  productCardStrings,
  notifyStrings,
  shareStrings,
  miniCartStrings,
  miniCartPanelStrings,
  reviewListStrings,
  reviewFormStrings,
  loginButtonStrings,
  accountStrings,
  menuStrings,
  membershipStrings,
  passkeysStrings,
  notificationsStrings,
];
const counts = [0, 1, 2, 3, 4, 5, 7, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1.5, 1000000];
const plural = /_(zero|one|two|few|many|other)$/;

async function bundlesOf(strings: Strings): Promise<[string, Bundle][]> {
  const others = await Promise.all(
    languages
      .filter((l) => l !== 'en')
      .map(
        async (l): Promise<[string, Bundle]> => [
          l,
          (await strings.load[l as Exclude<typeof l, 'en'>]()).default,
        ],
      ),
  );
  return [['en', strings.en], ...others];
}

function keysOf(bundle: Bundle, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
}

function placeholdersOf(bundle: Bundle): string[] {
  return Object.values(bundle).flatMap((v) =>
    typeof v === 'string'
      ? [...v.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim())
      : placeholdersOf(v),
  );
}

async function engines() {
  const real = i18next.createInstance(i18nOptions());
  await real.init();
  const ours = subset.createInstance(i18nOptions());
  await ours.init();
  const all: { strings: Strings; bundles: [string, Bundle][] }[] = [];
  for (const strings of [commonStrings, ...elements]) {
    const bundles = await bundlesOf(strings);
    for (const [lang, bundle] of bundles) {
      real.addResourceBundle(lang, strings.ns, bundle, true, false);
      ours.addResourceBundle(lang, strings.ns, bundle, true, false);
    }
    all.push({ strings, bundles });
  }
  return { real, ours, all };
}

describe('i18next subset (the CDN build’s i18n)', () => {
  it('translates every shipped key like i18next, in every language and plural form', async () => {
    const { real, ours, all } = await engines();
    const values = Object.fromEntries(
      all.flatMap(({ bundles }) =>
        bundles.flatMap(([, b]) => placeholdersOf(b).map((p) => [p, `«${p}»`])),
      ),
    );
    let compared = 0;
    for (const { strings, bundles } of all.slice(1)) {
      const keys = new Set(bundles.flatMap(([, b]) => keysOf(b)).map((k) => k.replace(plural, '')));
      // Keys only "common" has reach elements through the namespace fallback.
      for (const k of keysOf(strings === commonStrings ? {} : all[0]!.strings.en)) {
        keys.add(k.replace(plural, ''));
      }
      for (const lang of languages) {
        const a = real.getFixedT(lang, strings.ns);
        const b = ours.getFixedT(lang, strings.ns);
        for (const key of keys) {
          expect(b(key, values), `${lang} ${strings.ns} ${key}`).to.equal(a(key, values));
          for (const count of counts) {
            const options = { ...values, count };
            expect(b(key, options), `${lang} ${strings.ns} ${key} count=${count}`).to.equal(
              a(key, options),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).to.be.greaterThan(5000);
  });

  it('falls back like i18next: English, the common namespace, then the key itself', async () => {
    const real = i18next.createInstance(i18nOptions());
    await real.init();
    const ours = subset.createInstance(i18nOptions());
    const bundles: [string, string, Bundle][] = [
      ['en', 'common', { retry: 'Try again', shared: { deep: 'Deep {{x}}' } }],
      [
        'en',
        'card',
        {
          only: 'English only',
          items_zero: 'No items',
          items_one: '{{count}} item',
          items_other: '{{count}} items',
        },
      ],
      ['de', 'common', { retry: 'Erneut versuchen' }],
      ['de', 'card', { items_other: '{{count}} Artikel' }],
      ['ar', 'card', { items_zero: 'لا عناصر', items_other: '{{count}} عنصر' }],
    ];
    for (const [lang, ns, bundle] of bundles) {
      real.addResourceBundle(lang, ns, bundle, true, false);
      ours.addResourceBundle(lang, ns, bundle, true, false);
    }
    const cases: [string, string, Record<string, unknown>][] = [
      ['de', 'retry', {}], // from the common namespace, in German
      ['de', 'only', {}], // missing in German: English
      ['de', 'shared.deep', { x: 1 }], // nested key, through the fallback namespace
      ['de', 'items', { count: 1 }], // German lacks _one: _other, not English
      ['ar', 'items', { count: 0 }], // _zero
      ['ar', 'items', { count: 3 }], // Arabic "few" is missing: _other
      ['en', 'items', { count: 0 }], // _zero, although English has no "zero" category
      ['en', 'missing.key', {}], // the key itself
      ['en', 'shared.deep', {}], // a value not passed keeps its placeholder
      ['en', 'shared.deep', { x: undefined }], // passed as undefined: empty
      ['en', 'shared.deep', { x: null }],
      ['en', 'shared.deep', { x: '{{x}} $t(retry)' }], // values are not interpolated again
      ['en', 'shared', {}], // an object, not a string: the key
    ];
    for (const [lang, key, options] of cases) {
      expect(ours.getFixedT(lang, 'card')(key, options), `${lang} ${key}`).to.equal(
        real.getFixedT(lang, 'card')(key, options),
      );
    }
    expect(ours.getFixedT('de', 'card')('items', { count: 1 })).to.equal('1 Artikel');
    expect(ours.getFixedT('en', 'card')('items', { count: 0 })).to.equal('No items');
    expect(ours.hasResourceBundle('de', 'card')).to.equal(true);
    expect(ours.hasResourceBundle('fr', 'card')).to.equal(false);
  });
});
