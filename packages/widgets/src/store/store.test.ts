import { createClient } from '@kiosk/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { endpoint, until } from '../../test/helpers.js';
import { configure } from '../config.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskElement } from '../kiosk-element.js';
import './define.js';
import type { KioskStore } from './store.js';

/** A minimal element on the foundation: shows its client's store key and cart count. */
class ProbeElement extends KioskElement {
  cart = new StoreController(this, this.kiosk, (c) => c.cart.$cart);
  get resolved() {
    return this.kiosk.client;
  }
  override render() {
    return litHtml`${this.kiosk.client?.storeKey ?? 'none'}:${this.cart.value?.itemCount ?? 0}`;
  }
}
customElements.define('kiosk-probe', ProbeElement);

/** Hosts a probe inside its shadow root (as a framework component would). */
class ShadowHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<kiosk-probe></kiosk-probe>';
  }
}
customElements.define('kiosk-shadow-host', ShadowHost);

describe('<kiosk-store>', () => {
  it('gives the widgets inside it its own client; outside, the configured one', async () => {
    const fallback = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
    configure({ client: fallback });
    const el = await fixture<HTMLElement>(html`
      <div>
        <kiosk-store endpoint=${endpoint} store-key="pk_test_borealis">
          <kiosk-probe id="inside"></kiosk-probe>
        </kiosk-store>
        <kiosk-probe id="outside"></kiosk-probe>
      </div>
    `);
    const inside = el.querySelector<ProbeElement>('#inside')!;
    const outside = el.querySelector<ProbeElement>('#outside')!;
    expect(inside.resolved?.storeKey).to.equal('pk_test_borealis');
    expect(outside.resolved).to.equal(fallback);
    expect(el.querySelector<KioskStore>('kiosk-store')!.client).to.equal(inside.resolved);
    await expect(el.querySelector('kiosk-store')).to.be.accessible();
  });

  it('is found across shadow roots, and two stores never share a client', async () => {
    const el = await fixture<HTMLElement>(html`
      <div>
        <kiosk-store endpoint=${endpoint} store-key="pk_test_aurora">
          <kiosk-shadow-host></kiosk-shadow-host>
        </kiosk-store>
        <kiosk-store endpoint=${endpoint} store-key="pk_test_borealis">
          <kiosk-probe></kiosk-probe>
        </kiosk-store>
      </div>
    `);
    const nested = el
      .querySelector('kiosk-shadow-host')!
      .shadowRoot!.querySelector<ProbeElement>('kiosk-probe')!;
    const other = el.querySelector<ProbeElement>('kiosk-store:last-child kiosk-probe')!;
    expect(nested.resolved?.storeKey).to.equal('pk_test_aurora');
    expect(other.resolved?.storeKey).to.equal('pk_test_borealis');
    expect(nested.resolved).not.to.equal(other.resolved);
  });

  it('re-resolves the client when its store-key changes', async () => {
    const store = await fixture<KioskStore>(html`
      <kiosk-store endpoint=${endpoint} store-key="pk_test_aurora"><kiosk-probe></kiosk-probe></kiosk-store>
    `);
    const probe = store.querySelector<ProbeElement>('kiosk-probe')!;
    expect(probe.resolved?.storeKey).to.equal('pk_test_aurora');
    store.setAttribute('store-key', 'pk_test_borealis');
    await until(() => probe.resolved?.storeKey === 'pk_test_borealis', 'new client');
    await until(() => probe.shadowRoot!.textContent!.startsWith('pk_test_borealis'), 'render');
  });
});
