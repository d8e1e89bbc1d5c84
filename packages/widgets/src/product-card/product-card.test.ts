// What the card shows: loading, the product, sold out, missing or unreachable, its layouts.
// Languages, variants, adding to the cart and referral links have files of their own.
import { createClient } from '@kiosk/sdk';
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import { $, card, freshCardPage, settled, shadow, TEE } from '../../test/product-card.js';
import { freshClient } from '../../test/shopper.js';
import { configure } from '../config.js';
import type { KioskProductCard } from './product-card.js';

const SALE = 'aurora-northern-lights-graphic-tee';
const SOLD_OUT = 'aurora-limited-parka';

describe('<kiosk-product-card>', () => {
  beforeEach(freshCardPage);

  it('shows a skeleton that reserves the final size, then the product', async () => {
    const el = await fixture<KioskProductCard>(
      html`<div style="inline-size: 300px">
        <kiosk-product-card product=${TEE}></kiosk-product-card>
      </div>`,
    ).then((div) => div.querySelector<KioskProductCard>('kiosk-product-card')!);
    expect(el.getAttribute('state')).to.equal('loading');
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    const skeletonHeight = el.getBoundingClientRect().height;
    await settled(el);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(el.getBoundingClientRect().height).to.equal(skeletonHeight);
    expect($(el, '[part=title]').textContent).to.equal('Classic Tee');
    expect($(el, '[part=price]').textContent!.trim()).to.equal('$25.00');
    const img = $<HTMLImageElement>(el, 'img[part=image]');
    expect(img.loading).to.equal('lazy');
    expect(img.decoding).to.equal('async');
    expect(img.getAttribute('width')).to.equal('800');
    expect(img.srcset).to.match(/w=240 240w, .*w=960 960w/);
    expect(img.alt).to.match(/Classic Tee/);
    expect(el.getAttribute('layout')).to.equal('card');
    await expect(el).to.be.accessible();
  });

  it('writes schema.org Product JSON-LD into the light DOM', async () => {
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const script = el.querySelector('script[type="application/ld+json"]')!;
    const data = JSON.parse(script.textContent!);
    expect(data['@type']).to.equal('Product');
    expect(data.name).to.equal('Classic Tee');
    expect(data.offers).to.include({ '@type': 'Offer', price: '25.00', priceCurrency: 'USD' });
    expect(data.aggregateRating['@type']).to.equal('AggregateRating');
    expect(data.aggregateRating.reviewCount).to.be.greaterThan(0);
  });

  it('shows a sale price with an accessible was/now and a rating label', async () => {
    const el = await card(SALE);
    await settled(el);
    await el.updateComplete;
    const now = $(el, '[part=price]');
    const was = $(el, '[part=compare-price]');
    expect(now.textContent).to.match(/^Now \$\d/);
    expect(was.tagName).to.equal('S');
    expect(was.textContent).to.match(/^Was \$\d/);
    const stars = $(el, '[part=rating] [role=img]');
    expect(stars.getAttribute('aria-label')).to.match(
      /^Rated \d(\.\d)? out of 5, from \d+ reviews?$/,
    );
    await expect(el).to.be.accessible();
  });

  it('is sold out: a "Sold out" message, no quantity, and "Notify me" instead of add', async () => {
    const el = await card(SOLD_OUT);
    await settled(el);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('sold-out');
    const button = $<HTMLButtonElement>(el, '[part=button]');
    expect(button.disabled).to.equal(false);
    expect(button.textContent!.trim()).to.equal('Notify me');
    // A disclosure: it says it is closed, and which region it opens.
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal('notify');
    expect($<HTMLInputElement>(el, '[part=quantity] input').disabled).to.equal(true);
    expect($(el, '.stock').textContent!.trim()).to.equal('Sold out');
    await expect(el).to.be.accessible();
  });

  it('says clearly when the product does not exist', async () => {
    const el = await card('no-such-product-anywhere');
    await until(() => el.cardState === 'unavailable', 'unavailable');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('This product isn’t available');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry while the API is down, and recovers when it is back', async () => {
    const outage: string = await executeServerCommand('kiosk-outage', { up: true });
    await executeServerCommand('kiosk-outage', { up: false });
    freshClient({ endpoint: outage });
    const errors: Event[] = [];
    const el = await fixture<KioskProductCard>(
      html`<kiosk-product-card product=${TEE} @kiosk-error=${(e: Event) => errors.push(e)}></kiosk-product-card>`,
    );
    await until(() => el.cardState === 'error', 'error state');
    await el.updateComplete;
    expect(errors.length).to.be.greaterThan(0);
    const alert = $(el, '[role=alert]');
    expect(alert.textContent).to.contain('Can’t reach the store right now');
    await expect(el).to.be.accessible();
    await executeServerCommand('kiosk-outage', { up: true });
    $<HTMLButtonElement>(el, '.retry').click();
    await until(() => el.cardState === 'ready', 'recovered');
    expect($(el, '[part=title]').textContent).to.equal('Classic Tee');
  });

  it('shares one batched request among 50 cards', async () => {
    const seen: string[] = [];
    const lister = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
    const handles = (await lister.products.list({ first: 50 })).items.map((p) => p.handle);
    expect(handles.length).to.equal(50);
    freshClient({
      fetch: (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    const grid = await fixture<HTMLElement>(
      html`<div>${handles.map((h) => html`<kiosk-product-card product=${h}></kiosk-product-card>`)}</div>`,
    );
    const cards = [...grid.querySelectorAll<KioskProductCard>('kiosk-product-card')];
    await until(() => cards.every((c) => c.productData), 'all cards loaded');
    const productRequests = seen.filter((u) => new URL(u).pathname.startsWith('/v1/products'));
    expect(productRequests.length).to.be.at.most(2);
    expect(productRequests.length).to.be.greaterThan(0);
  });

  it('has row and compact layouts (reflected), compact without the picker', async () => {
    const row = await card(TEE, 'layout=row');
    await settled(row);
    await row.updateComplete;
    expect(row.getAttribute('layout')).to.equal('row');
    expect($(row, '[part=variant-picker]')).to.exist;
    await expect(row).to.be.accessible();
    const compact = await card(TEE, 'layout=compact');
    await settled(compact);
    await compact.updateComplete;
    expect(shadow(compact).querySelector('[part=variant-picker]')).to.equal(null);
    expect($(compact, '[part=button]').getAttribute('aria-label')).to.equal(
      'Add to cart: Classic Tee',
    );
    await expect(compact).to.be.accessible();
  });

  it('keeps every layout inside a narrow column (a row card stacks)', async () => {
    const column = await fixture<HTMLDivElement>(html`<div style="inline-size: 15rem">
      <kiosk-product-card product=${TEE} layout="row"></kiosk-product-card>
      <kiosk-product-card product=${TEE}></kiosk-product-card>
      <kiosk-product-card product=${TEE} layout="compact"></kiosk-product-card>
    </div>`);
    const cards = [...column.querySelectorAll<KioskProductCard>('kiosk-product-card')];
    for (const c of cards) {
      await settled(c);
      await c.updateComplete;
    }
    const right = column.getBoundingClientRect().right;
    for (const c of cards) {
      for (const part of ['button', 'image', 'title']) {
        const box = $(c, `[part=${part}]`).getBoundingClientRect();
        expect(box.right, `${c.layout} ${part}`).to.be.at.most(right + 0.5);
      }
    }
  });

  it('reports a missing configuration instead of staying blank', async () => {
    configure({});
    const el = await card(TEE);
    await aTimeout(0);
    await el.updateComplete;
    expect(el.cardState).to.equal('error');
    expect(shadow(el).textContent).to.contain('This shop isn’t set up yet.');
  });
});
