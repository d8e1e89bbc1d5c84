import { expect } from '@open-wc/testing';
import type en from '../product-card/i18n/en.js';
import { productCardStrings } from '../product-card/i18n/index.js';
import type { KeyOf } from './i18n.js';

// The type check (pnpm typecheck) is the test of KeyOf: these lines compile only while a key is
// a real path of the English bundle, and a plural is named by its base key.
const nested: KeyOf<typeof en> = 'stock.soldOut';
const plural: KeyOf<typeof en> = 'rating';
// @ts-expect-error a misspelled key does not type-check
const misspelled: KeyOf<typeof en> = 'stock.soldout';
// @ts-expect-error a plural form is asked for by its base key, not its suffix
const suffixed: KeyOf<typeof en> = 'rating_one';

describe('translation keys (typed from the English bundle)', () => {
  it('name strings that exist in the bundle', () => {
    const bundle = productCardStrings.en as unknown as Record<string, Record<string, string>>;
    expect(bundle.stock?.soldOut).to.be.a('string');
    expect(Object.keys(bundle).filter((k) => k.startsWith(`${plural}_`))).to.not.be.empty;
    expect([nested, misspelled, suffixed]).to.have.length(3);
  });
});
