import { expect } from '@open-wc/testing';
import { createClient } from '../../src/index.js';

// Its own file, so its own page: no other test has imported the sign-in code yet.
declare global {
  interface Window {
    KIOSK_ENDPOINT: string;
  }
}

const endpoint = window.KIOSK_ENDPOINT;
const loaded = (name: string) =>
  performance
    .getEntriesByType('resource')
    .some((e) => new URL(e.name).pathname.endsWith(`/packages/sdk/src/${name}.ts`));

describe('the SDK loads what a page uses', () => {
  it('keeps sign-in, points, reviews and notifications code out of a guest page until it is used', async () => {
    localStorage.clear();
    const kiosk = createClient({ endpoint, storeKey: 'pk_test_aurora' });
    await kiosk.ready;
    const product = await kiosk.products.get('aurora-classic-tee');
    await kiosk.cart.add(product.variants.find((v) => v.quantityAvailable > 0)!.id, 1);
    expect(await kiosk.points.refresh()).to.equal(null); // signed out: nothing to load
    expect(kiosk.auth.$session.get()).to.equal(null);
    expect(kiosk.points.$balance.get()).to.equal(null);
    expect(['auth', 'pkce', 'points', 'reviews', 'notifications'].filter(loaded)).to.deep.equal([]);

    const summary = await kiosk.reviews.summary(product.id);
    expect(summary.count).to.be.a('number');
    expect(loaded('reviews')).to.equal(true);
    expect(loaded('auth')).to.equal(false);
    // A guest who never subscribed on this device: nothing to ask the store, but the part loads.
    expect(await kiosk.notifications.list()).to.deep.equal([]);
    expect(loaded('notifications')).to.equal(true);

    // A stored session hint (a reload of a signed-in page) loads sign-in at start-up.
    localStorage.setItem(
      'kiosk:pk_test_aurora:session',
      JSON.stringify({ customer: { id: 'x', email: 'gone@example.com', name: 'Gone' } }),
    );
    const reloaded = createClient({ endpoint, storeKey: 'pk_test_aurora' });
    await reloaded.ready;
    expect(loaded('auth')).to.equal(true);
    // No refresh cookie: the hint was stale, and it is cleared.
    expect(reloaded.auth.$session.get()).to.equal(null);
    expect(localStorage.getItem('kiosk:pk_test_aurora:session')).to.equal(null);
  });
});
