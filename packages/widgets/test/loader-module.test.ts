import { expect } from '@open-wc/testing';
import { endpoint, until } from './helpers.js';
import { addLoader, cdnFiles } from './loader.js';

describe('CDN loader (type=module)', () => {
  it('finds its own tag by src, upgrades elements already on the page, and <kiosk-store>', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<kiosk-product-card id="plain" product="aurora-classic-tee"></kiosk-product-card>
       <kiosk-store endpoint="${endpoint}" store-key="pk_test_borealis">
         <kiosk-product-card id="scoped" product="no-such-product"></kiosk-product-card>
       </kiosk-store>`,
    );
    await addLoader('module');
    await customElements.whenDefined('kiosk-product-card');
    await customElements.whenDefined('kiosk-store');
    const plain = document.getElementById('plain')!;
    const scoped = document.getElementById('scoped')!;
    await until(() => plain.getAttribute('state') === 'ready', 'plain card ready');
    await until(() => scoped.getAttribute('state') === 'unavailable', 'scoped card answered');
    const files = cdnFiles();
    expect(files.filter((p) => /\/(product-card|store)\.js$/.test(p))).to.have.length(2);
    expect(files.some((p) => /\/(mini-cart|review-list|login-button)\.js$/.test(p))).to.equal(
      false,
    );
  });
});
