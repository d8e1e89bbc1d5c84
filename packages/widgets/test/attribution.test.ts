import {
  createClient,
  isPendingLine,
  type KioskClient,
  MAX_ATTRIBUTION_WINDOW_DAYS,
} from '@kiosk/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { attributionRef, configure } from '../src/config.js';
import type { KioskProductCard } from '../src/product-card/product-card.js';
import '../src/product-card/define.js';
import { endpoint, until } from './helpers.js';

const DAY = 86_400_000;
const KEY = 'kiosk_ref';
const original = location.href;

/** Opens "this page" as if from a link (`?kiosk_ref=`) or as a later page of the site. */
const visit = (ref?: string) =>
  history.replaceState(null, '', `${location.pathname}${ref ? `?kiosk_ref=${ref}` : ''}`);
const stored = () =>
  JSON.parse(localStorage.getItem(KEY) ?? 'null') as { code: string; at: number };
/** Moves the stored link's time back, as if it was followed `days` ago (the clock stays). */
const followedDaysAgo = (days: number) =>
  localStorage.setItem(KEY, JSON.stringify({ ...stored(), at: Date.now() - days * DAY }));

describe('attribution window (?kiosk_ref=)', () => {
  beforeEach(() => localStorage.removeItem(KEY));
  afterEach(() => history.replaceState(null, '', original));

  it('keeps a dotted creator code in first-party storage with its time, across later pages', () => {
    const before = Date.now();
    visit('ana.lind');
    expect(attributionRef()).to.equal('ana.lind');
    expect(stored().code).to.equal('ana.lind');
    expect(stored().at).to.be.within(before, Date.now());
    expect(sessionStorage.getItem(KEY), 'not only for the browser session').to.equal(null);

    visit(); // another page of the site, no ref in its URL
    expect(attributionRef()).to.equal('ana.lind');
    followedDaysAgo(29);
    expect(attributionRef(), 'still within 30 days').to.equal('ana.lind');
  });

  it('is forgotten after the longest window a store can set', () => {
    visit('ana.lind');
    attributionRef();
    visit();
    followedDaysAgo(MAX_ATTRIBUTION_WINDOW_DAYS - 1);
    expect(attributionRef(), 'a store may count a link this long').to.equal('ana.lind');
    followedDaysAgo(MAX_ATTRIBUTION_WINDOW_DAYS + 1);
    expect(attributionRef()).to.equal(undefined);
    expect(localStorage.getItem(KEY), 'the expired link is removed').to.equal(null);
  });

  it('is replaced by the last link followed (last click wins)', () => {
    visit('old.creator');
    attributionRef();
    visit();
    followedDaysAgo(3);
    visit('ana.lind');
    expect(attributionRef()).to.equal('ana.lind');
    visit();
    expect(attributionRef()).to.equal('ana.lind');
    expect(Date.now() - stored().at, 'the new link starts a new window').to.be.below(DAY);
    // A malformed code in a later URL does not replace the kept one.
    visit('not%20a%20code!');
    expect(attributionRef()).to.equal('ana.lind');
  });

  describe('through a product card', () => {
    let client: KioskClient;
    let bodies: Record<string, unknown>[];

    beforeEach(() => {
      bodies = [];
      client = createClient({
        endpoint,
        storeKey: 'pk_test_aurora',
        storage: null,
        fetch: (input, init) => {
          if (String(input).endsWith('/lines') && typeof init?.body === 'string')
            bodies.push(JSON.parse(init.body));
          return fetch(input, init);
        },
      });
      configure({ client });
    });

    async function addTee(): Promise<string | null> {
      const el = await fixture<KioskProductCard>(
        html`<kiosk-product-card product="aurora-classic-tee"></kiosk-product-card>`,
      );
      await until(() => el.cardState === 'ready', 'card ready');
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
      await until(() => {
        const line = client.cart.$cart.get()?.lines[0];
        return !!line && !isPendingLine(line);
      });
      return client.cart.$cart.get()!.lines[0]!.ref;
    }

    it("carries a followed message's campaign into the cart line, beside the creator's ref", async () => {
      localStorage.removeItem('kiosk_campaign');
      history.replaceState(null, '', `${location.pathname}?kiosk_campaign=back-in-stock`);
      try {
        expect(await addTee()).to.equal(null);
        expect(client.cart.$cart.get()!.lines[0]!.campaign).to.equal('back-in-stock');
        expect(bodies[0]).to.include({ campaign: 'back-in-stock' });
      } finally {
        localStorage.removeItem('kiosk_campaign');
      }
    });

    it('carries a kept dotted code, with when it was followed, into the cart line', async () => {
      visit('ana.lind');
      attributionRef();
      visit(); // the shopper browses on, then adds
      followedDaysAgo(10);
      const at = stored().at;
      expect(await addTee()).to.equal('ana.lind');
      expect(bodies[0]).to.include({ ref: 'ana.lind', refAt: new Date(at).toISOString() });
    });

    it("adds without the code once the store's 30-day window is over", async () => {
      visit('ana.lind');
      attributionRef();
      visit();
      followedDaysAgo(31);
      const at = stored().at;
      // The page still has the link; the server applies the store's window to when it was followed.
      expect(await addTee()).to.equal(null);
      expect(bodies[0]).to.include({ ref: 'ana.lind', refAt: new Date(at).toISOString() });
    });
  });
});
