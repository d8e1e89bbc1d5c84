// kiosk.products.recommendations against the real server (the demo seed's purchase history),
// and the recently viewed products this device keeps.
import { afterEach, describe, expect, it } from 'vitest';
import { rememberViewed } from '../src/recently-viewed.js';
import { client, memoryStorage, recordingFetch } from './helpers.js';

describe('products.recommendations', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('asks the server for bought-together, with the reason for the heading', async () => {
    const kiosk = client({ currency: 'EUR' });
    const recs = await kiosk.products.recommendations({
      kind: 'bought-together',
      product: 'aurora-classic-tee',
      first: 2,
    });
    expect(recs).toMatchObject({
      enabled: true,
      basis: 'bought-together',
      product: { handle: 'aurora-classic-tee', title: 'Classic Tee' },
      currency: 'EUR',
    });
    expect(recs.items.map((p) => p.handle)).toEqual([
      'aurora-slim-chinos',
      'aurora-classic-baseball-cap',
    ]);
    await expect(
      kiosk.products.recommendations({ kind: 'similar', product: 'no-such-product' }),
    ).rejects.toMatchObject({ code: 'product_not_found' });
  });

  it('reads recently viewed products from this device and loads them in one batch', async () => {
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage(),
      configurable: true,
    });
    for (const h of [
      'aurora-slim-chinos',
      'gone-product',
      'aurora-classic-tee',
      'aurora-bucket-hat',
    ])
      rememberViewed(h);
    rememberViewed('aurora-slim-chinos'); // viewed again: first, once
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const recs = await kiosk.products.recommendations({
      kind: 'recently-viewed',
      product: 'aurora-classic-tee',
    });
    expect(recs.basis).toBe('recently-viewed');
    expect(recs.items.map((p) => p.handle)).toEqual(['aurora-slim-chinos', 'aurora-bucket-hat']);
    // Nothing about what was viewed goes anywhere but the product batch read.
    expect(net.calls.map((c) => c.url.pathname)).toEqual(['/v1/products/batch']);
  });
});
