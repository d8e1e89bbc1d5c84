// A message's link never takes focus from a shopper who has already moved on their own.

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { freshClient } from '../../test/shopper.js';
import type { KioskProductCard } from './product-card.js';

const TEE = 'aurora-classic-tee';
const original = location.href;

describe('<kiosk-product-card> deep link after the shopper acted', () => {
  before(async () => {
    history.replaceState(null, '', `${location.pathname}?kiosk_product=${TEE}`);
    await import('./define.js');
  });
  after(() => history.replaceState(null, '', original));

  it('leaves focus where the shopper put it', async () => {
    freshClient();
    const field = await fixture<HTMLInputElement>(html`<input aria-label="Search" />`);
    field.focus();
    await sendKeys({ type: 'tee' }); // the shopper is typing before the card arrives
    const card = await fixture<KioskProductCard>(
      html`<kiosk-product-card product=${TEE}></kiosk-product-card>`,
    );
    await until(() => card.cardState === 'ready', 'card ready');
    await card.updateComplete;
    expect(document.activeElement).to.equal(field);
    expect(card.shadowRoot!.activeElement).to.equal(null);
  });
});
