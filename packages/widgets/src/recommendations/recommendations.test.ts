import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { apiRequests, until } from '../../test/helpers.js';
import { card, settled as cardSettled } from '../../test/product-card.js';
import {
  $,
  cardProducts,
  RECENTLY_VIEWED,
  recommendations,
  settled,
  TEE,
  text,
} from '../../test/recommendations.js';
import { freshClient } from '../../test/shopper.js';
import type { KioskRecommendations } from './recommendations.js';

describe('<kiosk-recommendations>', () => {
  beforeEach(() => {
    freshClient();
    localStorage.removeItem(RECENTLY_VIEWED);
  });

  it('shows what is bought with the product in a labelled, scrolling row of cards', async () => {
    const el = await recommendations({ kind: 'bought-together', product: TEE, limit: '3' });
    expect(el.recommendationsState).to.equal('loading');
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await settled(el);
    expect(el.recommendationsState).to.equal('ready');
    expect(text($(el, '[part=heading]'))).to.equal('Often bought with Classic Tee');
    // The demo seed's purchase history (packages/server/src/seed/purchase-history.ts).
    expect(cardProducts(el)).to.deep.equal([
      'aurora-slim-chinos',
      'aurora-classic-baseball-cap',
      'aurora-relaxed-jeans',
    ]);
    const region = $(el, 'section[part=base]');
    expect(region.getAttribute('aria-labelledby')).to.equal('heading');
    const row = $(el, '[part=list]');
    expect(row.getAttribute('aria-labelledby')).to.equal('heading');
    expect(getComputedStyle(row).overflowX).to.equal('auto');
    expect(getComputedStyle(row).scrollSnapType).to.contain('inline');
    const first = el.shadowRoot!.querySelector('kiosk-product-card')!;
    await cardSettled(first as never);
    await expect(el).to.be.accessible();
    // The row is a tab stop of its own (arrow keys scroll it), before the cards' controls.
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(row);
  });

  it('passes its layout to the cards and never shows the product on display', async () => {
    const el = await recommendations({ kind: 'similar', product: TEE, layout: 'compact' });
    await settled(el);
    expect(text($(el, '[part=heading]'))).to.equal('Similar to Classic Tee');
    expect(cardProducts(el)).to.not.include(TEE);
    expect(cardProducts(el).length).to.equal(4);
    for (const c of el.shadowRoot!.querySelectorAll('kiosk-product-card')) {
      expect(c.getAttribute('layout')).to.equal('compact');
    }
  });

  it('picks for a guest what is popular in their currency', async () => {
    const el = await recommendations({ kind: 'for-you', currency: 'EUR' });
    await settled(el);
    expect(text($(el, '[part=heading]'))).to.equal('Popular in EUR');
    expect(cardProducts(el).length).to.equal(4);
  });

  it('speaks German and Arabic (right to left)', async () => {
    const de = await recommendations({ kind: 'bought-together', product: TEE, locale: 'de' });
    await settled(de);
    expect(text($(de, '[part=heading]'))).to.equal('Wird oft mit Classic Tee gekauft');
    const ar = await recommendations({ kind: 'recently-viewed', locale: 'ar' });
    await settled(ar);
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(text($(ar, '[part=heading]'))).to.equal('شوهد مؤخرًا');
    expect(text($(ar, '[part=message]'))).to.equal('ستظهر هنا المنتجات التي تشاهدها.');
    await expect(ar).to.be.accessible();
  });

  it('shows recently viewed products from this device, sending nothing about them', async () => {
    const el = await recommendations({ kind: 'recently-viewed' });
    await settled(el);
    expect(el.recommendationsState).to.equal('empty');
    expect(text($(el, '[part=message]'))).to.equal('Products you look at will show here.');

    // Choosing a variant is viewing the product (the card's view_item moment).
    const viewed = await card('aurora-bucket-hat');
    await cardSettled(viewed);
    await viewed.updateComplete;
    const select = viewed.shadowRoot!.querySelector<HTMLSelectElement>(
      '[part=variant-picker] select',
    )!;
    select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () => (localStorage.getItem(RECENTLY_VIEWED) ?? '').includes('aurora-bucket-hat'),
      'recorded on the device',
    );
    localStorage.setItem(
      RECENTLY_VIEWED,
      JSON.stringify(['aurora-bucket-hat', TEE, 'no-such-product']),
    );
    const again = await recommendations({ kind: 'recently-viewed', product: TEE });
    await settled(again);
    expect(text($(again, '[part=heading]'))).to.equal('Recently viewed');
    expect(cardProducts(again)).to.deep.equal(['aurora-bucket-hat']);
    // Read on the device, the products loaded as any card's: the server never hears of the list.
    expect(apiRequests('/v1/recommendations').filter((e) => /recently/.test(e.name))).to.be.empty;
  });

  it('shows an error with Try again while the API is down, and recovers', async () => {
    const outage: string = await executeServerCommand('kiosk-outage', { up: true });
    await executeServerCommand('kiosk-outage', { up: false });
    freshClient({ endpoint: outage });
    const errors: Event[] = [];
    const el = await fixture<KioskRecommendations>(
      html`<kiosk-recommendations kind="bought-together" product=${TEE}
        @kiosk-error=${(e: Event) => errors.push(e)}></kiosk-recommendations>`,
    );
    await settled(el);
    expect(el.recommendationsState).to.equal('error');
    expect(errors.length).to.be.greaterThan(0);
    expect(text($(el, '[role=alert] p'))).to.equal(
      'Can’t reach the store right now. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
    await executeServerCommand('kiosk-outage', { up: true });
    $<HTMLButtonElement>(el, '.retry').click();
    await until(() => el.recommendationsState === 'ready', 'recovered');
    expect(cardProducts(el)[0]).to.equal('aurora-slim-chinos');
  });
});
