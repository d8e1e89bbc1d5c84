import { afterEach, describe, expect, it, vi } from 'vitest';
import { KioskError } from '../src/index.js';
import { admin, client, recordingFetch } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('products', () => {
  it('batches concurrent get() calls of one tick into one request', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const { items } = await kiosk.products.list({ first: 6 });
    net.calls.length = 0;
    const products = await Promise.all(items.map((p) => kiosk.products.get(p.handle)));
    expect(products.map((p) => p.handle)).toEqual(items.map((p) => p.handle));
    expect(net.calls).toHaveLength(1);
    expect(net.calls[0]!.url.pathname).toBe('/v1/products/batch');
  });

  it('serves repeated reads from memory, then revalidates with the ETag', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const first = await kiosk.products.list({ first: 2 });
    const again = await kiosk.products.list({ first: 2 });
    expect(again).toEqual(first);
    expect(net.calls).toHaveLength(1);

    const later = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    const revalidated = await kiosk.products.list({ first: 2 });
    expect(revalidated).toEqual(first);
    expect(net.calls).toHaveLength(2);
    expect(net.calls[1]!.headers.get('if-none-match')).toBeTruthy();
  });

  it('shares identical reads that are in flight', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    await Promise.all([
      kiosk.products.list({ query: 'tee' }),
      kiosk.products.list({ query: 'tee' }),
    ]);
    expect(net.calls).toHaveLength(1);
  });

  it('gives each caller its own error for an unknown handle, without failing the batch', async () => {
    const kiosk = client();
    const [good, bad] = await Promise.allSettled([
      kiosk.products.get('aurora-classic-tee'),
      kiosk.products.get('no-such-product'),
    ]);
    expect(good.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    const error = (bad as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(KioskError);
    expect(error.code).toBe('product_not_found');
    expect(error.status).toBe(404);
  });

  it('prices in the requested currency', async () => {
    const product = await client({ currency: 'EUR' }).products.get('aurora-classic-tee');
    expect(product.variants[0]!.price.currency).toBe('EUR');
    expect(product.variants[0]!.price.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('rejects an empty handle before any request', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    await expect(kiosk.products.get('')).rejects.toMatchObject({ code: 'validation_failed' });
    expect(net.calls).toHaveLength(0);
  });
});

describe('transport', () => {
  it('retries network errors with backoff, then succeeds', async () => {
    const net = recordingFetch();
    net.state.failNext = 2;
    const page = await client({ fetch: net.fetch }).products.list({ first: 1 });
    expect(page.items).toHaveLength(1);
    expect(net.calls).toHaveLength(3);
  });

  it('retries a 5xx answer', async () => {
    const net = recordingFetch();
    net.state.status503 = 1;
    await client({ fetch: net.fetch }).products.list({ first: 1 });
    expect(net.calls).toHaveLength(2);
  });

  it('never retries a 4xx', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    await expect(kiosk.products.list({ first: 1000 })).rejects.toMatchObject({
      code: 'validation_failed',
      status: 400,
      retryable: false,
    });
    expect(net.calls).toHaveLength(1);
  });

  it('turns a network that stays down into a retryable KioskError with status 0', async () => {
    const net = recordingFetch();
    net.state.offline = true;
    const error = await client({ fetch: net.fetch })
      .products.list({ first: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'network_error', status: 0, retryable: true });
  });

  it('reports failures to kiosk.on("error")', async () => {
    const kiosk = client();
    const seen: string[] = [];
    kiosk.on('error', ({ error }) => seen.push(error.code));
    await kiosk.products.list({ first: 0 }).catch(() => {});
    expect(seen).toEqual(['validation_failed']);
  });

  it('refuses bad options at creation', () => {
    expect(() => client({ endpoint: 'not a url' })).toThrow(KioskError);
    expect(() => client({ storeKey: 'sk_test_aurora' })).toThrow(/publishable/);
  });
});

describe('products for a member', () => {
  it('are read again once the shopper signs in or out: member prices are theirs', async () => {
    const kiosk = client();
    const tee = () => kiosk.products.get('aurora-heavyweight-tee').then((p) => p.variants[0]!);
    // A guest sees the lowest member price and its tier; the Gold member their own price.
    const guest = await tee();
    expect(guest.memberPrice).toBeUndefined();
    expect(guest.memberPriceFrom?.tier).toBe('Gold');
    const { token } = await admin().customers.createSessionToken({
      email: 'gold@example.com',
      name: 'Gwen Gold',
    });
    await kiosk.auth.signInWithToken(token);
    const gold = await tee();
    expect(gold.memberTier).toBe('Gold');
    expect(gold.memberPrice).toEqual(guest.memberPriceFrom!.price);
    expect(Number(gold.memberPrice!.amount)).toBeLessThan(Number(guest.price.amount));
    await kiosk.auth.logout();
    expect((await tee()).memberPrice).toBeUndefined();
  });
});
