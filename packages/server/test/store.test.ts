import { describe, expect, it } from 'vitest';
import { createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

describe('GET /admin/v1/store', () => {
  it('gives the whole configuration without secrets, only with the secret key', async () => {
    const { store, pk, sk } = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/store', { token: sk });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: store.id,
      handle: store.handle,
      publishableKey: pk,
      allowedOrigins: ['https://shop.example'],
      currencies: ['USD', 'EUR'],
      pointsRules: { baseCurrency: 'USD', rates: { USD: 1, EUR: 0.9 } },
      settings: { reviewsAutoApprove: true, orderHoldMinutes: 30 },
      mode: 'test',
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(sk);
    expect(text).not.toContain(store.tokenSecret);
    expect(text).not.toContain(store.secretKeyHash);
    expect((await t.current.request('/admin/v1/store', { token: pk })).status).toBe(401);
  });
});

describe('PATCH /admin/v1/store', () => {
  it('changes origins, currencies, locales, points rules and settings; the storefront follows', async () => {
    const { pk, sk } = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/store', {
      method: 'PATCH',
      token: sk,
      body: {
        name: 'Renamed',
        allowedOrigins: ['https://brand.example', 'http://localhost:5173'],
        currencies: ['EUR', 'USD', 'GBP'],
        locales: ['fr', 'en', 'pt-BR'],
        pointsRules: {
          baseCurrency: 'EUR',
          rates: { EUR: 1, USD: 1.1, GBP: 0.85 },
          pendingDays: 7,
        },
        settings: { reviewsAutoApprove: false },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Renamed',
      allowedOrigins: ['https://brand.example', 'http://localhost:5173'],
      currencies: ['EUR', 'USD', 'GBP'],
      locales: ['fr', 'en', 'pt-BR'],
      pointsRules: { baseCurrency: 'EUR', pendingDays: 7, expiryDays: 365, earnPerUnit: 1 },
      settings: { reviewsAutoApprove: false },
    });
    const shop = await t.current.request('/v1/store', { key: pk });
    expect(shop.body).toMatchObject({
      name: 'Renamed',
      defaultCurrency: 'EUR',
      defaultLocale: 'fr',
    });
    expect(shop.body.points.pendingDays).toBe(7);
    // The new origin is allowed, the old one no longer.
    const fromNew = await t.current.request('/v1/store', {
      key: pk,
      headers: { origin: 'https://brand.example' },
    });
    expect(fromNew.status).toBe(200);
    const fromOld = await t.current.request('/v1/store', {
      key: pk,
      headers: { origin: 'https://shop.example' },
    });
    expect(fromOld.status).toBe(403);
  });

  it('refuses invalid or incoherent settings and changes nothing', async () => {
    const { sk } = await createTestStore(t.current.db);
    const before = (await t.current.request('/admin/v1/store', { token: sk })).body;
    const bad: [string, unknown][] = [
      ['origin with path', { allowedOrigins: ['https://brand.example/shop'] }],
      ['origin with trailing slash', { allowedOrigins: ['https://brand.example/'] }],
      ['not a url', { allowedOrigins: ['brand.example'] }],
      ['javascript origin', { allowedOrigins: ['javascript:alert(1)'] }],
      ['wildcard', { allowedOrigins: ['*'] }],
      ['origins not an array', { allowedOrigins: 'https://brand.example' }],
      ['no currencies', { currencies: [] }],
      ['bad currency', { currencies: ['usd'] }],
      ['duplicate currency', { currencies: ['USD', 'USD'] }],
      ['currency without rate', { currencies: ['USD', 'EUR', 'GBP'] }],
      [
        'base currency not sold',
        { currencies: ['EUR'], pointsRules: { rates: { EUR: 1, USD: 1 } } },
      ],
      ['bad locale', { locales: ['not a locale'] }],
      ['non-canonical locale', { locales: ['pt_br'] }],
      ['negative earn', { pointsRules: { earnPerUnit: -1 } }],
      ['fractional point value', { pointsRules: { pointValueMinor: 0.5 } }],
      ['percent over 100', { pointsRules: { maxRedeemPercent: 101 } }],
      ['unknown rule', { pointsRules: { bonus: 5 } }],
      [
        'tiers out of order',
        {
          pointsRules: {
            tiers: [
              { name: 'Gold', minLifetime: 100 },
              { name: 'Member', minLifetime: 0 },
            ],
          },
        },
      ],
      ['settings wrong type', { settings: { reviewsAutoApprove: 'yes' } }],
      ['hold of 0 minutes', { settings: { orderHoldMinutes: 0 } }],
      ['unknown mode', { mode: 'production' }],
      ['unknown field', { secretKey: 'sk_mine' }],
      ['empty name', { name: ' ' }],
    ];
    for (const [name, body] of bad) {
      const res = await t.current.request('/admin/v1/store', { method: 'PATCH', token: sk, body });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBe('validation_failed');
    }
    const junk = await t.current.request('/admin/v1/store', {
      method: 'PATCH',
      token: sk,
      body: '{',
    });
    expect(junk.status).toBe(400);
    const after = (await t.current.request('/admin/v1/store', { token: sk })).body;
    expect(after).toEqual(before);
  });

  it('switches a store between test and live mode; storefront reads say which', async () => {
    const { pk, sk } = await createTestStore(t.current.db);
    expect((await t.current.request('/v1/store', { key: pk })).body.mode).toBe('test');
    const live = await t.current.request('/admin/v1/store', {
      method: 'PATCH',
      token: sk,
      body: { mode: 'live' },
    });
    expect(live.body.mode).toBe('live');
    expect((await t.current.request('/v1/store', { key: pk })).body.mode).toBe('live');
    const back = await t.current.request('/admin/v1/store', {
      method: 'PATCH',
      token: sk,
      body: { mode: 'test' },
    });
    expect(back.body.mode).toBe('test');
  });

  it('keeps both of two concurrent patches to different fields', async () => {
    const { sk } = await createTestStore(t.current.db);
    const [a, b] = await Promise.all([
      t.current.request('/admin/v1/store', {
        method: 'PATCH',
        token: sk,
        body: { pointsRules: { pendingDays: 3 } },
      }),
      t.current.request('/admin/v1/store', {
        method: 'PATCH',
        token: sk,
        body: { pointsRules: { expiryDays: 90 } },
      }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const after = (await t.current.request('/admin/v1/store', { token: sk })).body;
    expect(after.pointsRules).toMatchObject({ pendingDays: 3, expiryDays: 90 });
  });
});
