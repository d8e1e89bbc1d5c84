import { createClient } from '@kiosk/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../src/config.js';
import '../../src/product-card/define.js';
import type { KioskProductCard } from '../../src/product-card/product-card.js';
import { endpoint, until } from '../helpers.js';

describe('under a Content-Security-Policy without unsafe-inline', () => {
  const violations: SecurityPolicyViolationEvent[] = [];
  before(() => {
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e));
  });

  it('runs on a page whose policy forbids inline scripts and styles', () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!;
    expect(csp.getAttribute('content')).to.include("script-src 'self'");
    expect(csp.getAttribute('content')).to.include("style-src 'self'");
    expect(csp.getAttribute('content')).not.to.include('unsafe-inline');
  });

  it('renders a styled card, writes JSON-LD and triggers no violation', async () => {
    configure({ client: createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null }) });
    const el = await fixture<KioskProductCard>(
      html`<kiosk-product-card product="aurora-northern-lights-graphic-tee" locale="de"></kiosk-product-card>`,
    );
    await until(() => el.cardState === 'ready', 'ready');
    await el.updateComplete;
    const base = el.shadowRoot!.querySelector('[part=base]')!;
    expect(getComputedStyle(base).display).to.equal('grid'); // adopted stylesheets apply
    expect(getComputedStyle(el.shadowRoot!.querySelector('.visually-hidden')!).position).to.equal(
      'absolute',
    );
    expect(el.querySelector('script[type="application/ld+json"]')!.textContent).to.contain(
      '"@type":"Product"',
    );
    expect(el.shadowRoot!.querySelector('.star.full, .star.half')).to.exist;
    expect(violations.map((v) => `${v.violatedDirective} ${v.blockedURI}`)).to.deep.equal([]);
  });

  it('opens the share panel (its styles, the QR code from the API) without a violation', async () => {
    const el = await fixture<KioskProductCard>(
      html`<kiosk-product-card product="aurora-classic-tee"></kiosk-product-card>`,
    );
    await until(() => el.cardState === 'ready', 'ready');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=share]')!.click();
    await until(() => !!el.shadowRoot!.querySelector('[part=share-panel] img'), 'panel shown');
    const img = el.shadowRoot!.querySelector<HTMLImageElement>('[part=share-panel] img')!;
    await until(() => img.complete && img.naturalWidth > 0, 'QR code loaded');
    const panel = el.shadowRoot!.querySelector('[part=share-panel]')!;
    expect(getComputedStyle(panel).display).to.equal('grid'); // its adopted styles apply
    expect(violations.map((v) => `${v.violatedDirective} ${v.blockedURI}`)).to.deep.equal([]);
  });
});
