// The CDN build's analytics: the collector is a chunk of its own, fetched once something is
// to report; the loader's data-analytics="off" (test/loader-analytics-off.test.ts) skips it.
import { expect } from '@open-wc/testing';
import { apiRequests, until } from './helpers.js';
import { addLoader, cdnFiles } from './loader.js';

describe('CDN loader: analytics', () => {
  it('loads the collector chunk on the first event and reports the card seen', async () => {
    const names: string[] = [];
    document.addEventListener('kiosk-analytics', (e) => names.push(e.detail.name));
    document.body.insertAdjacentHTML(
      'beforeend',
      '<kiosk-product-card id="seen" product="aurora-classic-tee"></kiosk-product-card>',
    );
    await addLoader('module');
    const el = document.getElementById('seen')!;
    await until(() => el.getAttribute('state') === 'ready', 'card ready');
    await until(() => names.includes('view_item_list'), 'view_item_list');
    expect(cdnFiles().some((p) => /\/chunks\/collector-[\w-]+\.js$/.test(p))).to.equal(true);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await until(() => apiRequests('/v1/events').length === 1, 'sent on leaving');
  });
});
