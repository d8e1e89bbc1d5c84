import { expect } from '@open-wc/testing';
import { until } from './helpers.js';
import { addLoader, cdnFiles, elementNames } from './loader.js';

describe('CDN loader (classic script)', () => {
  it('defines <kiosk-product-card> lazily when one is added later, loading only its chunk', async () => {
    history.replaceState(null, '', `${location.pathname}?kiosk_ref=LOADER-1`);
    await addLoader('classic');
    expect(customElements.get('kiosk-product-card')).to.equal(undefined);
    expect(cdnFiles().filter((p) => !p.endsWith('/kiosk.js'))).to.deep.equal([]);
    expect(JSON.parse(localStorage.getItem('kiosk_ref')!).code).to.equal('LOADER-1');

    const card = document.createElement('kiosk-product-card');
    card.setAttribute('product', 'aurora-classic-tee');
    document.body.append(card);
    await customElements.whenDefined('kiosk-product-card');
    await until(() => card.getAttribute('state') === 'ready', 'card ready');
    expect(card.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Classic Tee');
    expect(card.querySelector('script[type="application/ld+json"]')).to.exist;

    const files = cdnFiles();
    expect(files.some((p) => p.endsWith('/dist/cdn/product-card.js'))).to.equal(true);
    for (const name of elementNames.filter((n) => n !== 'product-card')) {
      expect(files.some((p) => p.endsWith(`/dist/cdn/${name}.js`))).to.equal(false, name);
    }
    expect(customElements.get('kiosk-store')).to.equal(undefined);
    card.remove();
  });
});
