import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  currentAttribution,
  MAX_ATTRIBUTION_WINDOW_DAYS,
  rememberAttribution,
} from '../src/index.js';
import { client, memoryStorage, recordingFetch } from './helpers.js';

const DAY = 86_400_000;
const scope = globalThis as { localStorage?: Storage };

describe('attribution window', () => {
  // Node has no localStorage: a page's, for these tests.
  beforeEach(() => {
    scope.localStorage = memoryStorage();
  });
  afterEach(() => {
    delete scope.localStorage;
  });

  it('keeps the last followed link for the window, then forgets it', () => {
    const now = Date.now();
    expect(MAX_ATTRIBUTION_WINDOW_DAYS).toBe(365);
    expect(rememberAttribution('https://blog.example/post?kiosk_ref=old.creator', now)).toEqual({
      code: 'old.creator',
      at: now,
    });
    rememberAttribution('https://blog.example/other?kiosk_ref=ana.lind', now + DAY);
    expect(rememberAttribution('https://blog.example/next', now + 2 * DAY)).toBeUndefined();
    expect(rememberAttribution('https://blog.example/?kiosk_ref=bad%20code', now)).toBeUndefined();
    expect(currentAttribution(30, now + 30 * DAY)).toEqual({ code: 'ana.lind', at: now + DAY });
    expect(currentAttribution(7, now + 9 * DAY), "a shorter window, the caller's").toBeUndefined();
    expect(scope.localStorage!.getItem('kiosk_ref')).toBeNull();
  });

  it('sends when the link was followed with its ref; the server keeps it within the window', async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const tee = await kiosk.products.get('aurora-classic-tee');
    const variant = tee.variants.find((v) => v.quantityAvailable > 2)!;
    const at = Date.now() - 10 * DAY;
    rememberAttribution('https://blog.example/post?kiosk_ref=ana.lind', at);
    const cart = await kiosk.cart.add(variant.id, 1, { ref: 'ana.lind' });
    expect(cart?.lines[0]?.ref).toBe('ana.lind');
    const add = net.calls.find((c) => c.url.pathname.endsWith('/lines'))!;
    expect(JSON.parse(add.body!)).toMatchObject({
      ref: 'ana.lind',
      refAt: new Date(at).toISOString(),
    });
    // Another code than the followed link's (a card's own ref): no refAt, always credited.
    const other = await client({ fetch: net.fetch }).cart.add(variant.id, 1, { ref: 'shop.card' });
    expect(other?.lines[0]?.ref).toBe('shop.card');
    expect(
      JSON.parse(net.calls.filter((c) => c.url.pathname.endsWith('/lines'))[1]!.body!),
    ).not.toHaveProperty('refAt');
  });

  it("credits a followed message's campaign on later adds, apart from the creator's ref", async () => {
    const net = recordingFetch();
    const kiosk = client({ fetch: net.fetch });
    const tee = await kiosk.products.get('aurora-classic-tee');
    const variant = tee.variants.find((v) => v.quantityAvailable > 2)!;
    const at = Date.now() - 2 * DAY;
    expect(
      rememberAttribution(
        'https://brand.example/p?kiosk_campaign=back-in-stock',
        at,
        'kiosk_campaign',
      ),
    ).toEqual({ code: 'back-in-stock', at });
    // The creator's link is kept apart: following a message does not replace it.
    expect(currentAttribution()).toBeUndefined();
    const cart = await kiosk.cart.add(variant.id, 1);
    expect(cart?.lines[0]).toMatchObject({ campaign: 'back-in-stock', ref: null });
    const add = net.calls.find((c) => c.url.pathname.endsWith('/lines'))!;
    expect(JSON.parse(add.body!)).toMatchObject({
      campaign: 'back-in-stock',
      campaignAt: new Date(at).toISOString(),
    });
    // A campaign the caller names wins, always credited (no campaignAt); a bad one is refused.
    const named = await client({ fetch: net.fetch }).cart.add(variant.id, 1, {
      campaign: 'promo-7',
    });
    expect(named?.lines[0]?.campaign).toBe('promo-7');
    await expect(kiosk.cart.add(variant.id, 1, { campaign: 'has space' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
