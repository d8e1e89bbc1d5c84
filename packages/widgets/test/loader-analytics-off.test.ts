// data-analytics="off" on the loader's tag: no kiosk-analytics events, no collector, nothing sent.
import { expect } from '@open-wc/testing';
import { apiRequests, until } from './helpers.js';
import { addLoader, cdnFiles } from './loader.js';

describe('CDN loader: data-analytics="off"', () => {
  it('reports nothing, on the page or to the server', async () => {
    const names: string[] = [];
    document.addEventListener('kiosk-analytics', (e) => names.push(e.detail.name));
    document.body.insertAdjacentHTML(
      'beforeend',
      '<kiosk-product-card id="quiet" product="aurora-classic-tee"></kiosk-product-card>',
    );
    await addLoader('module', 'pk_test_aurora', { analytics: 'off' });
    const el = document.getElementById('quiet')!;
    await until(() => el.getAttribute('state') === 'ready', 'card ready');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
    button.click();
    await until(
      () => /Added/.test(el.shadowRoot!.querySelector('[part=status]')!.textContent!),
      'added',
    );
    await new Promise((r) => setTimeout(r, 1500)); // longer than a card takes to count as seen
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(names).to.deep.equal([]);
    expect(cdnFiles().some((p) => /\/chunks\/collector-/.test(p))).to.equal(false);
    expect(apiRequests('/v1/events')).to.have.length(0);
  });
});
