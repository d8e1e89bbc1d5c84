import { describe, expect, it } from 'vitest';
import { expectValidationFailed } from './bad-input-fixtures.js';
import { createTestCustomer, createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const UUID = '3f1c2a9e-8b7d-4c6e-9a5f-0d1e2f3a4b5c';

describe('cursors of the wrong shape', () => {
  it('are refused with validation_failed on every list', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const shopper = await createTestCustomer(t.current, s.store);
    const lists: [string, { key?: string; token?: string }][] = [
      ['/v1/products', { key: s.pk }],
      ['/v1/orders', { key: s.pk, token: shopper.token }],
      ['/v1/points/history', { key: s.pk, token: shopper.token }],
      [`/v1/products/${p.id}/reviews`, { key: s.pk }],
      ['/admin/v1/reviews', { token: s.sk }],
      ['/admin/v1/orders', { token: s.sk }],
    ];
    const shapes = [
      '!!not base64!!',
      b64({ position: 1 }),
      b64([]),
      b64('text'),
      b64([null]),
      b64([UUID, '2020-01-01T00:00:00.000Z']),
      b64(['2020-01-01T00:00:00.000Z', UUID, 'extra']),
      b64(['recent', 5, UUID]),
      b64(['helpful', '2020-01-01T00:00:00.000000Z', UUID, 1]),
      Buffer.from('[1').toString('base64url'),
    ];
    for (const [path, auth] of lists) {
      for (const after of shapes) {
        const res = await t.current.request(`${path}?after=${after}`, auth);
        expectValidationFailed(res, `${path} ${after}`);
        expect(res.body.error.details).toEqual([{ path: 'after', message: 'Invalid cursor' }]);
      }
    }
  });
});

describe('cursors out of range', () => {
  it('are refused before their values reach a query', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const shopper = await createTestCustomer(t.current, s.store);
    const cases: [string, { key?: string; token?: string }][] = [
      // Product positions are integers (int4).
      [`/v1/products?after=${b64([2 ** 31])}`, { key: s.pk }],
      [`/v1/products?after=${b64([2 ** 40])}`, { key: s.pk }],
      [`/v1/products?after=${b64([1.5])}`, { key: s.pk }],
      [
        `/v1/products/${p.id}/reviews?sort=helpful&after=${b64(['helpful', 1e300, '2020-01-01T00:00:00.000000Z', UUID])}`,
        { key: s.pk },
      ],
      [
        `/v1/products/${p.id}/reviews?sort=rating_asc&after=${b64(['rating_asc', -(2 ** 31) - 1, '2020-01-01T00:00:00.000000Z', UUID])}`,
        { key: s.pk },
      ],
    ];
    // Timestamps JavaScript parses but PostgreSQL refuses (or reads as another day).
    for (const at of [
      '1',
      '-271821-04-20T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '0000-01-01T00:00:00Z',
      '2020-02-30T00:00:00.000Z',
      'Sat, 01 Jan 2000 00:00:00 GMT',
    ]) {
      cases.push(
        [`/v1/orders?after=${b64([at, UUID])}`, { key: s.pk, token: shopper.token }],
        [`/v1/points/history?after=${b64([at, UUID])}`, { key: s.pk, token: shopper.token }],
        [`/admin/v1/reviews?after=${b64([at, UUID])}`, { token: s.sk }],
        [`/admin/v1/orders?after=${b64([at, UUID])}`, { token: s.sk }],
        [`/v1/products/${p.id}/reviews?after=${b64(['recent', at, UUID])}`, { key: s.pk }],
      );
    }
    for (const [path, auth] of cases) {
      expectValidationFailed(await t.current.request(path, auth), path);
    }
    // The edges that do fit still page.
    const fits = await t.current.request(`/v1/products?after=${b64([2 ** 31 - 1])}`, {
      key: s.pk,
    });
    expect(fits.status).toBe(200);
    expect(fits.body.items).toEqual([]);
    const old = await t.current.request(
      `/admin/v1/orders?after=${b64(['0001-01-01T00:00:00.000Z', UUID])}`,
      { token: s.sk },
    );
    expect(old.status).toBe(200);
  });
});
