import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  customers,
  orders,
  pointsEntries,
  products,
  type reviews,
  stores,
  variants,
} from '../src/db/schema/index.js';
import { MAX_AMOUNT_MINOR, MAX_POINTS, MAX_STOCK } from '../src/limits.js';
import { parseMinor, toMoney } from '../src/services/money.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestStore,
  useTestApp,
} from './harness.js';

/**
 * One regression test per class of input that answered 500 before (the fuzz test's first
 * findings): NUL bytes, cursors of the wrong shape, cursors out of range, integers past
 * their column, and money past the exact range of a JavaScript number.
 */
const t = useTestApp();

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const UUID = '3f1c2a9e-8b7d-4c6e-9a5f-0d1e2f3a4b5c';

async function rows(table: typeof products | typeof customers | typeof orders | typeof reviews) {
  const [row] = await t.current.db.select({ n: count() }).from(table);
  return row!.n;
}

function expectValidationFailed(res: { status: number; body: any }, label: string) {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error.code, label).toBe('validation_failed');
}

function form(app: TestApp, path: string, body: string, type: string) {
  return app.request(path, {
    method: 'POST',
    body,
    headers: { 'content-type': type, 'sec-fetch-site': 'same-origin' },
  });
}

async function shopperWithCart(s: TestStore) {
  const shopper = await createTestCustomer(t.current, s.store);
  const as = { key: s.pk, token: shopper.token };
  const cart = await t.current.request('/v1/carts', { ...as, body: {} });
  return { shopper, as, cartId: cart.body.id as string };
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

describe('integers past their column', () => {
  it('stock adjustments stay within 0..MAX_STOCK: refused (409), never overflowed', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const path = `/admin/v1/products/${p.id}/variants/${p.variantIds[0]}`;
    const patch = (body: unknown) =>
      t.current.request(path, { method: 'PATCH', token: s.sk, body });
    expect((await patch({ stock: MAX_STOCK })).status).toBe(200);
    for (const stockAdjustment of [1, MAX_STOCK]) {
      const res = await patch({ stockAdjustment });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'conflict',
        details: [{ path: 'stockAdjustment' }],
      });
    }
    for (const body of [
      { stockAdjustment: MAX_STOCK + 1 },
      { stockAdjustment: 2 ** 31 },
      { stock: 2 ** 31 },
    ]) {
      expectValidationFailed(await patch(body), JSON.stringify(body));
    }
    const [variant] = await t.current.db
      .select({ stock: variants.stock })
      .from(variants)
      .where(eq(variants.id, p.variantIds[0]!));
    expect(variant!.stock).toBe(MAX_STOCK);
    expect((await patch({ stockAdjustment: -MAX_STOCK })).body.variants[0].stock).toBe(0);
  });

  it('points, quantities and rule days past their range are validation errors', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store);
    const { shopper, as, cartId } = await shopperWithCart(s);
    const cases: [string, Parameters<TestApp['request']>[1]][] = [
      [
        '/admin/v1/points/adjustments',
        { token: s.sk, body: { email: shopper.email, points: 2 ** 31, reason: 'x' } },
      ],
      [
        '/admin/v1/points/adjustments',
        { token: s.sk, body: { email: shopper.email, points: MAX_POINTS + 1, reason: 'x' } },
      ],
      [`/v1/carts/${cartId}/points`, { ...as, method: 'PUT', body: { points: 2 ** 31 } }],
      [
        `/v1/carts/${cartId}/lines`,
        { ...as, body: { variantId: p.variantIds[0], quantity: 2 ** 31 } },
      ],
      [
        '/admin/v1/store',
        { token: s.sk, method: 'PATCH', body: { pointsRules: { expiryDays: 2 ** 53 - 1 } } },
      ],
      [
        '/admin/v1/store',
        { token: s.sk, method: 'PATCH', body: { pointsRules: { pendingDays: 1e7 } } },
      ],
    ];
    for (const [path, options] of cases) {
      expectValidationFailed(await t.current.request(path, options), path);
    }
  });

  it('a huge order earns MAX_POINTS when paid, not an integer overflow', async () => {
    const s = await createTestStore(t.current.db, {
      pointsRules: { rates: { USD: 1, EUR: 0.9 }, earnPerUnit: 1_000 },
    });
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, prices: { USD: 100_000_000_00 } }],
    });
    const { as, cartId } = await shopperWithCart(s);
    await t.current.request(`/v1/carts/${cartId}/lines`, {
      ...as,
      body: { variantId: p.variantIds[0], quantity: 10 },
    });
    const checkout = await t.current.request(`/v1/carts/${cartId}/checkout`, { ...as, body: {} });
    expect(checkout.status).toBe(201);
    // $1,000,000,000 at 1,000 points a dollar: 10^12 points, past an integer column.
    const paid = await t.current.request(`/admin/v1/orders/${checkout.body.orderId}/mark-paid`, {
      method: 'POST',
      token: s.sk,
    });
    expect(paid.status).toBe(200);
    expect(paid.body.pointsEarned).toBe(MAX_POINTS);
    const [entry] = await t.current.db
      .select({ points: pointsEntries.points })
      .from(pointsEntries)
      .where(eq(pointsEntries.kind, 'earn'));
    expect(entry!.points).toBe(MAX_POINTS);
  });
});

describe('money exactness', () => {
  const PRICE = 99_999_999_999_999; // 999,999,999,999.99 USD: the largest price the API takes
  const REST = MAX_AMOUNT_MINOR - 90 * PRICE; // what brings 90 of them to the cap exactly

  async function bigStore() {
    const s = await createTestStore(t.current.db);
    const create = (title: string, price: string) =>
      t.current.request('/admin/v1/products', {
        token: s.sk,
        body: { title, variants: [{ stock: 1_000, prices: { USD: price } }] },
      });
    const big = await create('Yacht', toMoney(PRICE, 'USD').amount);
    const rest = await create('Dinghy', toMoney(REST, 'USD').amount);
    expect(big.status).toBe(201);
    expect(rest.status).toBe(201);
    const { as, cartId } = await shopperWithCart(s);
    const add = (variantId: string, quantity: number) =>
      t.current.request(`/v1/carts/${cartId}/lines`, { ...as, body: { variantId, quantity } });
    return {
      s,
      as,
      cartId,
      add,
      big: big.body.variants[0].id as string,
      rest: rest.body.variants[0].id as string,
    };
  }

  it('totals up to MAX_SAFE_INTEGER minor units are exact decimal strings', async () => {
    const { as, cartId, add, big, rest } = await bigStore();
    expect((await add(big, 90)).body.subtotal).toEqual({
      amount: '89999999999999.10',
      currency: 'USD',
    });
    const cart = (await add(rest, 1)).body;
    expect(cart.subtotal.amount).toBe('90071992547409.91');
    expect(cart.total.amount).toBe('90071992547409.91');
    expect(cart.lines.map((l: any) => l.lineTotal.amount)).toEqual([
      '89999999999999.10',
      '71992547410.81',
    ]);
    const checkout = await t.current.request(`/v1/carts/${cartId}/checkout`, { ...as, body: {} });
    expect(checkout.status).toBe(201);
    expect(checkout.body.order.total).toEqual({ amount: '90071992547409.91', currency: 'USD' });
  });

  it('a cart that would pass the cap is refused before anything is written', async () => {
    const { s, as, cartId, add, big, rest } = await bigStore();
    await add(big, 90);
    await add(rest, 1);
    for (const [variantId, quantity] of [
      [rest, 1],
      [big, 1],
      [big, 909],
    ] as const) {
      const res = await add(variantId, quantity);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        code: 'amount_too_large',
        details: { max: { amount: '90071992547409.91', currency: 'USD' } },
      });
    }
    const lineId = (await t.current.request(`/v1/carts/${cartId}`, as)).body.lines[1].id;
    const bump = await t.current.request(`/v1/carts/${cartId}/lines/${lineId}`, {
      ...as,
      method: 'PATCH',
      body: { quantity: 2 },
    });
    expect(bump.body.error.code).toBe('amount_too_large');
    const cart = await t.current.request(`/v1/carts/${cartId}`, as);
    expect(cart.body.subtotal.amount).toBe('90071992547409.91');
    expect(cart.body.lines.map((l: any) => l.quantity)).toEqual([90, 1]);
    // A guest cart merged in would pass it too: refused, the guest cart stays as it was.
    const guest = await t.current.request('/v1/carts', { key: s.pk, body: {} });
    await t.current.request(`/v1/carts/${guest.body.id}/lines`, {
      key: s.pk,
      body: { variantId: rest, quantity: 1 },
    });
    const merge = await t.current.request('/v1/carts/merge', {
      ...as,
      body: { cartId: guest.body.id },
    });
    expect(merge.body.error.code).toBe('amount_too_large');
    expect((await t.current.request(`/v1/carts/${guest.body.id}`, { key: s.pk })).status).toBe(200);
  });

  it('a cart pushed past the cap by a price change shows exact totals, cannot be checked out, and can shrink', async () => {
    const s = await createTestStore(t.current.db);
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 1_000, prices: { USD: 10_000_000_000_000 } }],
    });
    const { as, cartId } = await shopperWithCart(s);
    const added = await t.current.request(`/v1/carts/${cartId}/lines`, {
      ...as,
      body: { variantId: p.variantIds[0], quantity: 900 },
    });
    expect(added.body.subtotal.amount).toBe('90000000000000.00');
    const raise = await t.current.request(
      `/admin/v1/products/${p.id}/variants/${p.variantIds[0]}`,
      { method: 'PATCH', token: s.sk, body: { prices: { USD: '999999999999.99' } } },
    );
    expect(raise.status).toBe(200);
    // 900 × 99,999,999,999,999 = 89,999,999,999,999,100 minor units: every cent shown.
    const cart = await t.current.request(`/v1/carts/${cartId}`, as);
    expect(cart.body.subtotal.amount).toBe('899999999999991.00');
    expect(cart.body.lines[0].lineTotal.amount).toBe('899999999999991.00');
    const checkout = await t.current.request(`/v1/carts/${cartId}/checkout`, { ...as, body: {} });
    expect(checkout.status).toBe(422);
    expect(checkout.body.error.code).toBe('amount_too_large');
    expect(await rows(orders)).toBe(0);
    const [variant] = await t.current.db
      .select({ stock: variants.stock })
      .from(variants)
      .where(eq(variants.id, p.variantIds[0]!));
    expect(variant!.stock).toBe(1_000);
    const lower = await t.current.request(`/v1/carts/${cartId}/lines/${cart.body.lines[0].id}`, {
      ...as,
      method: 'PATCH',
      body: { quantity: 1 },
    });
    expect(lower.status).toBe(200);
    expect(lower.body.subtotal.amount).toBe('999999999999.99');
  });

  it('parses and formats amounts exactly, refusing what a number cannot hold', () => {
    expect(parseMinor('90071992547409.91', 'USD')).toBe(MAX_AMOUNT_MINOR);
    expect(() => parseMinor('90071992547409.92', 'USD')).toThrow(RangeError);
    expect(() => parseMinor('99999999999999999999.99', 'USD')).toThrow(RangeError);
    expect(parseMinor('9007199254740991', 'JPY')).toBe(MAX_AMOUNT_MINOR);
    expect(toMoney(123_456_789_012_345_678_901n, 'USD').amount).toBe('1234567890123456789.01');
    expect(toMoney(-5n, 'KWD').amount).toBe('-0.005');
    expect(toMoney(7, 'JPY').amount).toBe('7');
  });
});
