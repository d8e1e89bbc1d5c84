import { expect } from '@open-wc/testing';
import { currentConfig } from '../src/config.js';
import { until } from './helpers.js';
import { addLoader, cdnFiles, elementNames } from './loader.js';

describe('CDN loader (classic script)', () => {
  it('defines <kiosk-product-card> lazily when one is added later, loading only its chunk', async () => {
    history.replaceState(
      null,
      '',
      `${location.pathname}?kiosk_ref=LOADER-1&kiosk_campaign=back-in-stock`,
    );
    await addLoader('classic', undefined, { serviceWorker: '/kiosk-sw.js' });
    expect(customElements.get('kiosk-product-card')).to.equal(undefined);
    expect(cdnFiles().filter((p) => !p.endsWith('/kiosk.js'))).to.deep.equal([]);
    expect(JSON.parse(localStorage.getItem('kiosk_ref')!).code).to.equal('LOADER-1');
    // A message's link is kept apart from the creator's, for an add on a later page.
    expect(JSON.parse(localStorage.getItem('kiosk_campaign')!).code).to.equal('back-in-stock');
    // data-service-worker tells the cards that web push is possible on this site.
    expect(currentConfig().serviceWorker).to.equal('/kiosk-sw.js');

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
