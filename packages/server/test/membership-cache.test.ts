// The product read cache and member prices (issue 17): through the real listener that serves
// kept answers (src/catalog-read-listener.ts), one tier's price never reaches another shopper
// or a guest, whatever order the reads come in.
import { describe, expect, it } from 'vitest';
import { createTestApp } from './harness.js';
import { customerWith, membershipStore } from './membership-fixtures.js';

describe('member prices through the product read cache', () => {
  it('keeps one answer per tier: guests and other tiers never get a Gold price', async () => {
    const t = await createTestApp();
    const url = await t.listen();
    const s = await membershipStore(t);
    const gold = await customerWith(t, s, 2000);
    const silver = await customerWith(t, s, 500);
    const read = async (token?: string) => {
      const res = await fetch(`${url}/v1/products/tee`, {
        headers: { 'x-kiosk-key': s.pk, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { variants: any[] };
      return {
        etag: res.headers.get('etag'),
        cacheControl: res.headers.get('cache-control'),
        variant: body.variants[0],
      };
    };
    // Gold first, so a cache keyed without the tier would hand its answer to the others.
    for (let round = 0; round < 2; round++) {
      const g = await read(gold.token);
      expect(g.variant.memberPrice).toEqual({ amount: '20.00', currency: 'USD' });
      // A tier's prices are for its shopper's browser only, never a shared cache.
      expect(g.cacheControl).toBe('private, max-age=30');
      const guest = await read();
      expect(guest.variant.memberPrice).toBeUndefined();
      expect(guest.variant.memberPriceFrom.tier).toBe('Gold');
      expect(guest.cacheControl).toMatch(/^public/);
      const sv = await read(silver.token);
      expect(sv.variant.memberPrice).toBeUndefined();
      expect(guest.etag).not.toBe(g.etag);
      // A guest's read kept first, then Gold's: still each its own.
      expect((await read(gold.token)).variant.memberPrice.amount).toBe('20.00');
      expect((await read()).variant.memberPrice).toBeUndefined();
    }
  });
});
