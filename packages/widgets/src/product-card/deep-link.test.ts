// A message's link (?kiosk_product=<handle>): the first card of that product is scrolled to and
// its title focused once it renders. The link is read when the card's code loads, so the URL is
// set before the element is imported.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../../test/helpers.js';
import { freshClient } from '../../test/shopper.js';
import type { KioskProductCard } from './product-card.js';

const TEE = 'aurora-classic-tee';
const original = location.href;

describe('<kiosk-product-card> deep link', () => {
  before(async () => {
    history.replaceState(null, '', `${location.pathname}?kiosk_product=${TEE}`);
    await import('./define.js');
  });
  after(() => history.replaceState(null, '', original));
  beforeEach(() => freshClient());

  it("scrolls to the linked product's first card and focuses its title, once", async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kiosk-product-card product="aurora-waffle-henley"></kiosk-product-card>
      <div style="block-size: 300vh"></div>
      <kiosk-product-card product=${TEE} id="first"></kiosk-product-card>
      <kiosk-product-card product=${TEE} id="second"></kiosk-product-card>
    </div>`);
    const cards = [...page.querySelectorAll<KioskProductCard>('kiosk-product-card')];
    await until(() => cards.every((c) => c.cardState === 'ready'), 'cards ready');
    const [, first, second] = cards as [KioskProductCard, KioskProductCard, KioskProductCard];
    await until(() => document.activeElement === first, 'the linked card focused');
    const title = first.shadowRoot!.activeElement!;
    expect(title.getAttribute('part')).to.equal('title');
    expect(title.textContent).to.equal('Classic Tee');
    const box = title.getBoundingClientRect();
    expect(box.top, 'scrolled into view').to.be.within(0, innerHeight - box.height);
    expect(second.shadowRoot!.activeElement).to.equal(null);
    await expect(first).to.be.accessible();

    // The link is taken once: a card of the product that renders later leaves focus alone.
    const later = await fixture<KioskProductCard>(
      html`<kiosk-product-card product=${TEE}></kiosk-product-card>`,
    );
    await until(() => later.cardState === 'ready', 'later card ready');
    await later.updateComplete;
    expect(document.activeElement).to.equal(first);
  });
});
