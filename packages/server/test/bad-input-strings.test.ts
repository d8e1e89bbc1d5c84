import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, products, stores } from '../src/db/schema/index.js';
import { badInputFixtures, expectValidationFailed } from './bad-input-fixtures.js';
import { createTestProduct, createTestStore, type TestApp, useTestApp } from './harness.js';

const t = useTestApp();
const { rows } = badInputFixtures(t);

function form(app: TestApp, path: string, body: string, type: string) {
  return app.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': type, 'sec-fetch-site': 'same-origin' },
  });
}

describe('NUL bytes and lone surrogates', () => {
  it('are refused with validation_failed wherever a string goes, and nothing is written', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, { handle: 'tee' });
    const admin = { token: s.sk };
    const cases: [string, string, Parameters<TestApp['request']>[1]][] = [
      ['search query', '/v1/products?query=a%00b', { key: s.pk }],
      ['handle', '/v1/products/te%00e', { key: s.pk }],
      ['batch ids', `/v1/products/batch?ids=${p.id},te%00e`, { key: s.pk }],
      ['review path', '/v1/products/te%00e/reviews', { key: s.pk }],
      ['review summary path', '/v1/products/%00/reviews/summary', { key: s.pk }],
      [
        'product title',
        '/admin/v1/products',
        {
          ...admin,
          body: { title: 'Te\u0000e', variants: [{ prices: { USD: '1.00' } }] },
        },
      ],
      [
        'a record key',
        '/admin/v1/products',
        {
          ...admin,
          body: { title: 'Tee', variants: [{ options: { 'Si\u0000ze': 'M' }, prices: {} }] },
        },
      ],
      [
        'a points tier name (jsonb)',
        '/admin/v1/store',
        {
          ...admin,
          method: 'PATCH',
          body: { pointsRules: { tiers: [{ name: 'Go\u0000ld', minLifetime: 0 }] } },
        },
      ],
      ['store name', '/admin/v1/store', { ...admin, method: 'PATCH', body: { name: 'a\u0000' } }],
      [
        'session token name',
        '/admin/v1/customers/session-tokens',
        { ...admin, body: { email: 'a@example.com', name: 'A\u0000' } },
      ],
      [
        'points reason',
        '/admin/v1/points/adjustments',
        { ...admin, body: { email: 'a@example.com', points: 5, reason: 'x\u0000' } },
      ],
      ['lone surrogate', '/admin/v1/products', { ...admin, body: { title: 'Tee \ud800' } }],
    ];
    for (const [label, path, options] of cases) {
      const res = await t.current.request(path, options);
      expectValidationFailed(res, label);
      expect(res.body.error.details[0].message, label).toMatch(/NUL|surrogate/);
    }
    expect(await rows(products)).toBe(1);
    expect(await rows(customers)).toBe(0);
    const [store] = await t.current.db.select().from(stores).where(eq(stores.id, s.store.id));
    expect(store!.name).toBe(s.store.name);
    expect(store!.pointsRules).toEqual(s.store.pointsRules);
  });

  it('say where the bad string is, also as a key', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request('/admin/v1/products', {
      token: s.sk,
      body: { title: 'Tee', variants: [{ prices: { 'U\u0000': '1' } }] },
    });
    expectValidationFailed(res, 'key');
    expect(res.body.error.details).toEqual([
      { path: 'variants.0.prices.U\u0000', message: 'Key: Contains a NUL character.' },
    ]);
  });

  it('get RFC 6749 errors at the token endpoint and error pages on the sign-in form', async () => {
    const s = await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const token = await form(
      t.current,
      '/oauth/token',
      'grant_type=refresh_token&refresh_token=x&client_id=pk_%00',
      'application/x-www-form-urlencoded',
    );
    expect(token.status).toBe(400);
    expect(token.body).toMatchObject({ error: 'invalid_request' });
    const poll = await form(
      t.current,
      '/oauth/poll',
      `client_id=${s.pk}&state=${'%00'.repeat(10)}`,
      'application/x-www-form-urlencoded',
    );
    expect(poll.body).toMatchObject({ error: 'invalid_request' });

    const request = new URLSearchParams({
      response_type: 'code',
      client_id: s.pk,
      redirect_uri: 'https://shop.example/cb',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 'state-12345678',
    });
    const bad = new URLSearchParams(request);
    bad.set('client_id', 'pk_\u0000');
    const page = await t.current.request(`/oauth/authorize?${bad}`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');

    for (const [field, value] of [
      ['name', 'Ann\u0000'],
      ['email', 'ann\u0000@example.com'],
      ['redirect_uri', 'https://shop.example/cb\u0000'],
    ]) {
      const fields = new URLSearchParams(request);
      fields.set('intent', 'create');
      fields.set('email', 'ann@example.com');
      fields.set('password', 'correct horse battery');
      fields.set('name', 'Ann');
      fields.set(field!, value!);
      const res = await form(
        t.current,
        '/oauth/authorize',
        fields.toString(),
        'application/x-www-form-urlencoded',
      );
      expect(res.status, field).toBe(400);
      expect(res.headers.get('content-type'), field).toContain('text/html');
    }
    expect(await rows(customers)).toBe(0);
  });

  it('hosted forms treat a body that is no readable form as an empty form', async () => {
    const s = await createTestStore(t.current.db, { allowedOrigins: ['https://shop.example'] });
    const signin = await form(t.current, '/oauth/authorize', 'x', 'multipart/form-data');
    expect(signin.status).toBe(400);
    const p = await createTestProduct(t.current.db, s.store);
    const cart = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      body: { variantId: p.variantIds[0] },
    });
    const order = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      body: {},
    });
    const pay = await form(
      t.current,
      `/checkout/${order.body.orderId}/pay`,
      '--x\r\n',
      'multipart/form-data',
    );
    // POST-redirect-GET: back to the page, which asks for the name.
    expect(pay.status).toBe(303);
    expect(pay.headers.get('location')).toContain('error=nameRequired');
  });
});
