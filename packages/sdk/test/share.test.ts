// kiosk.share.link against the real server: the short link and its QR code, kept per product,
// ref and channel in the client, and where the link leads.
import { describe, expect, it } from 'vitest';
import { client, endpoint, recordingFetch } from './helpers.js';

describe('share links', () => {
  it('answers the short link and its QR URL, asking the server once per input', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const link = await kiosk.share.link({ product: 'aurora-classic-tee', channel: 'share' });
    expect(link.url).toBe(`${endpoint()}/s/${link.code}`);
    expect(link.qrUrl).toBe(`${link.url}/qr.svg`);
    expect(await kiosk.share.link({ product: 'aurora-classic-tee', channel: 'share' })).toEqual(
      link,
    );
    const creator = await kiosk.share.link({
      product: 'aurora-classic-tee',
      ref: 'ana.lind',
      channel: 'creator',
    });
    expect(creator.code).not.toBe(link.code);
    expect(net.calls.filter((c) => c.url.pathname === '/v1/share-links')).toHaveLength(2);

    const follow = await fetch(creator.url, { redirect: 'manual' });
    expect(follow.status).toBe(302);
    const page = new URL(follow.headers.get('location')!, creator.url);
    expect(page.pathname).toBe('/p/aurora/aurora-classic-tee');
    expect(page.searchParams.get('ref')).toBe('ana.lind');
    const qr = await fetch(creator.qrUrl);
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('asks again after a failure, and refuses a call without a product', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    net.state.offline = true;
    await expect(kiosk.share.link({ product: 'aurora-classic-tee' })).rejects.toMatchObject({
      code: 'network_error',
    });
    net.state.offline = false;
    expect((await kiosk.share.link({ product: 'aurora-classic-tee' })).code).toMatch(
      /^[0-9A-Za-z]{10}$/,
    );
    await expect(kiosk.share.link({ product: '' } as { product: string })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(kiosk.share.link({ product: 'no-such-product' })).rejects.toMatchObject({
      code: 'product_not_found',
    });
  });
});
