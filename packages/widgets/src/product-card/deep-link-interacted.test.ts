// A message's link never takes focus from a shopper who has already moved on their own.

import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../../test/helpers.js';
import { freshClient } from '../../test/shopper.js';
import type { KioskProductCard } from './product-card.js';

const TEE = 'aurora-classic-tee';
const original = location.href;

describe('<kiosk-product-card> deep link after the shopper acted', () => {
  before(async () => {
    history.replaceState(null, '', `${location.pathname}?kiosk_product=${TEE}`);
    await import('./define.js');
    // The card loads the link's code on such a page; here it is in before the shopper acts.
    await import('./deep-link.js');
  });
  after(() => history.replaceState(null, '', original));

  it('leaves focus where the shopper put it', async () => {
    freshClient();
    const field = await fixture<HTMLInputElement>(html`<input aria-label="Search" />`);
    field.focus();
    // The shopper is typing before the card arrives (an event, not the keyboard command: a
    // second test page in the same browser must not hold the run up waiting for key input).
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 't', bubbles: true, composed: true }));
    const card = await fixture<KioskProductCard>(
      html`<kiosk-product-card product=${TEE}></kiosk-product-card>`,
    );
    await until(() => card.cardState === 'ready', 'card ready');
    await card.updateComplete;
    expect(document.activeElement).to.equal(field);
    expect(card.shadowRoot!.activeElement).to.equal(null);
  });
});
