import { describe, expect, it } from 'vitest';
import { addressKey } from '../src/rate-limit/buckets.js';
import { defaultRateLimits } from '../src/rate-limit/rules.js';
import {
  createTestApp,
  createTestCustomer,
  createTestProduct,
  createTestStore,
  statusCounts,
} from './harness.js';
import { createCart, MINUTE, openDatabaseFirst } from './rate-limits-fixtures.js';

openDatabaseFirst();

describe('limits on storefront writes', () => {
  it('limits carts created per address and store: 429 rate_limited with Retry-After', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 3, windowMs: MINUTE } } });
    const a = await createTestStore(t.db);
    const b = await createTestStore(t.db);
    for (let i = 0; i < 3; i++) expect((await createCart(t, a.pk, '203.0.113.1')).status).toBe(201);
    const refused = await createCart(t, a.pk, '203.0.113.1');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.error.details).toEqual({ retryAfterSeconds: retryAfter });
    // Another address, and the same address in another store, have their own counts.
    expect((await createCart(t, a.pk, '203.0.113.2')).status).toBe(201);
    expect((await createCart(t, b.pk, '203.0.113.1')).status).toBe(201);
    // The window closes a minute after its first hit.
    t.advanceClock(MINUTE);
    expect((await createCart(t, a.pk, '203.0.113.1')).status).toBe(201);
  });

  it('with the default limits, one address cannot create carts in bulk (60 a minute)', async () => {
    const t = await createTestApp();
    const s = await createTestStore(t.db);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => createCart(t, s.pk, '198.51.100.9')),
    );
    expect(statusCounts(answers)).toEqual({ 201: defaultRateLimits.carts.limit, 429: 40 });
  });

  it('limits lines added per address and store', async () => {
    const t = await createTestApp({
      rateLimits: { 'cart-lines': { limit: 2, windowMs: MINUTE } },
    });
    const s = await createTestStore(t.db);
    const product = await createTestProduct(t.db, s.store);
    const cart = await createCart(t, s.pk, '203.0.113.3');
    const add = (ip: string) =>
      t.request(`/v1/carts/${cart.body.id}/lines`, {
        body: { variantId: product.variantIds[0], quantity: 1 },
        key: s.pk,
        ip,
      });
    const first = await add('203.0.113.3');
    expect(first.status).toBe(200);
    expect((await add('203.0.113.3')).status).toBe(200);
    const refused = await add('203.0.113.3');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect((await add('203.0.113.4')).status).toBe(200);
    // Changing a line's quantity is not adding one: this limit leaves it alone.
    const patched = await t.request(`/v1/carts/${cart.body.id}/lines/${first.body.lines[0].id}`, {
      method: 'PATCH',
      body: { quantity: 3 },
      key: s.pk,
      ip: '203.0.113.3',
    });
    expect(patched.status).toBe(200);
  });

  it('limits review posts per address and store', async () => {
    const t = await createTestApp({ rateLimits: { reviews: { limit: 2, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    const products = await Promise.all([1, 2, 3].map(() => createTestProduct(t.db, s.store)));
    const post = async (productId: string, ip: string) => {
      const customer = await createTestCustomer(t, s.store);
      return t.request(`/v1/products/${productId}/reviews`, {
        body: { rating: 5, title: 'Lovely', body: 'Fits well.' },
        key: s.pk,
        token: customer.token,
        ip,
      });
    };
    expect((await post(products[0]!.id, '203.0.113.6')).status).toBe(201);
    expect((await post(products[1]!.id, '203.0.113.6')).status).toBe(201);
    const refused = await post(products[2]!.id, '203.0.113.6');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect((await post(products[2]!.id, '203.0.113.7')).status).toBe(201);
  });

  it('refuses before the Idempotency-Key is claimed, so the same key runs once the window has passed', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 1, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    expect((await createCart(t, s.pk, '203.0.113.8')).status).toBe(201);
    const key = { 'idempotency-key': 'cart-retry-1' };
    expect((await createCart(t, s.pk, '203.0.113.8', key)).status).toBe(429);
    t.advanceClock(MINUTE);
    const retried = await createCart(t, s.pk, '203.0.113.8', key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('client addresses', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 1, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    const from = (xff: string) => createCart(t, s.pk, '192.0.2.1', { 'x-forwarded-for': xff });
    expect((await from('203.0.113.10')).status).toBe(201);
    // Same socket: a new X-Forwarded-For does not make a new client.
    expect((await from('203.0.113.11')).status).toBe(429);
  });

  it('with one trusted proxy, takes its entry (the last) and never what the client prepended', async () => {
    const t = await createTestApp({
      trustedProxies: 1,
      rateLimits: { carts: { limit: 1, windowMs: MINUTE } },
    });
    const s = await createTestStore(t.db);
    const viaProxy = (xff: string) => createCart(t, s.pk, '10.0.0.2', { 'x-forwarded-for': xff });
    expect((await viaProxy('203.0.113.20')).status).toBe(201);
    // The client forges entries in front: the proxy's entry still names it.
    expect((await viaProxy('1.1.1.1, 203.0.113.20')).status).toBe(429);
    expect((await viaProxy('2.2.2.2, 203.0.113.20')).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await viaProxy('203.0.113.21')).status).toBe(201);
  });

  it('counts an IPv6 /64 as one client, and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:a:b::1')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:0db8:000a:000b:ffff:1:2:3')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:db8:a:c::1')).toBe('2001:db8:a:c::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
  });

  it('limits addresses of one IPv6 /64 together', async () => {
    const t = await createTestApp({ rateLimits: { carts: { limit: 2, windowMs: MINUTE } } });
    const s = await createTestStore(t.db);
    expect((await createCart(t, s.pk, '2001:db8:a:b::1')).status).toBe(201);
    expect((await createCart(t, s.pk, '2001:db8:a:b::2')).status).toBe(201);
    expect((await createCart(t, s.pk, '2001:db8:a:b:1234::9')).status).toBe(429);
    expect((await createCart(t, s.pk, '2001:db8:a:c::1')).status).toBe(201);
    // @hono/node-server reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
    expect((await createCart(t, s.pk, '::ffff:198.51.100.7')).status).toBe(201);
    expect((await createCart(t, s.pk, '198.51.100.7')).status).toBe(201);
    expect((await createCart(t, s.pk, '::ffff:198.51.100.7')).status).toBe(429);
  });
});
