import { describe, expect, it } from 'vitest';
import { client, recordingFetch } from './helpers.js';

describe('store', () => {
  it("reads the store's public configuration once and shares it (points terms, window)", async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const [a, b] = await Promise.all([kiosk.store.get(), kiosk.store.get()]);
    expect(a).toEqual(b);
    expect(a.handle).toBe('aurora');
    expect(a.points.pointValueMinor).toBeGreaterThan(0);
    expect(a.currencies).toContain(a.points.baseCurrency);
    expect(a.attributionWindowDays).toBe(30);
    await kiosk.store.get();
    expect(net.calls.map((c) => c.url.pathname)).toEqual(['/v1/store']);
  });
});
