// Product reads answered by the Node server's listener before the app, from the catalog cache or
// the read's one statement (src/catalog-read-listener.ts): the same answer as the route's,
// headers, 304s and log line included, and never for a request the route would refuse or read
// differently.
import { describe, expect, it } from 'vitest';
import { pick } from './answer-headers.js';
import {
  createTestApp,
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestAppOptions,
} from './harness.js';

async function served(options: TestAppOptions = {}) {
  const t = await createTestApp({ countStatements: true, ...options });
  const url = await t.listen();
  const { store, pk } = await createTestStore(t.db);
  await createTestProduct(t.db, store, {
    handle: 'tee',
    // Not ASCII: the answer's length in bytes is not its length in characters.
    title: 'Футболка «Ёж» 🦔',
    variants: [{ stock: 5, prices: { USD: 2500, EUR: 2300 } }],
  });
  /** A read as a storefront sends it; `statements`: what the server says it ran. */
  const read = async (path = '/v1/products/tee', headers: Record<string, string> = {}) => {
    const res = await fetch(url + path, {
      headers: { 'x-kiosk-key': pk, 'x-kiosk-count-statements': '1', ...headers },
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: text ? JSON.parse(text) : null,
      statements: Number(res.headers.get('x-kiosk-statements')),
    };
  };
  return { t, store, pk, url, read };
}

describe('a product read at the Node server', () => {
  it('is read with one statement, then kept: the route’s answer, headers and all', async () => {
    const { read } = await served();
    const origin = { origin: 'https://shop.example' };
    // Any storefront request keeps the key's store; from then on it is not read again.
    expect((await read('/v1/store')).status).toBe(200);
    const cold = await read('/v1/products/tee', origin);
    expect(cold.status).toBe(200);
    expect(cold.statements).toBe(1);
    expect(JSON.parse(cold.text).title).toBe('Футболка «Ёж» 🦔');
    // Kept answers are sent as bytes, encoded when first sent again: the same answer each time.
    for (let i = 0; i < 2; i++) {
      const warm = await read('/v1/products/tee', origin);
      expect(warm.statements).toBe(0);
      expect(warm.text).toBe(cold.text);
      expect(pick(warm.headers)).toEqual(pick(cold.headers));
    }
    const warm = await read('/v1/products/tee', origin);
    // The app's own route (a percent-encoded ref is left to it): the same answer.
    const route = await read('/v1/products/t%65e', origin);
    expect(route.statements).toBe(1);
    expect(route.text).toBe(cold.text);
    expect(pick(route.headers)).toEqual(pick(cold.headers));
    expect(warm.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(warm.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(warm.headers.get('x-request-id')).not.toBe(cold.headers.get('x-request-id'));
  });

  it('leaves a product it does not find to the route, which says so', async () => {
    const { read } = await served();
    const missing = await read('/v1/products/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('product_not_found');
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('leaves a read that is not kept to the app when PGlite’s admission line is in force', async () => {
    const { read } = await served({ admission: { running: 0, queued: 0, waitMs: 10 } });
    const refused = await read();
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('service_unavailable');
  });

  it('answers 304 to the ETag the client holds', async () => {
    const { read } = await served();
    const { headers } = await read();
    const again = await read('/v1/products/tee', { 'if-none-match': headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(again.statements).toBe(0);
    expect(again.text).toBe('');
    expect(again.headers.get('cache-control')).toBe(headers.get('cache-control'));
    expect(again.headers.get('etag')).toBe(headers.get('etag'));
  });

  it('is kept per currency, a store’s default standing for one it does not sell', async () => {
    const { read } = await served();
    expect((await read('/v1/products/tee?currency=EUR')).body.variants[0].price.amount).toBe(
      '23.00',
    );
    const eur = await read('/v1/products/tee?currency=eur');
    expect(eur.statements).toBe(0);
    expect(eur.body.variants[0].price).toEqual({ amount: '23.00', currency: 'EUR' });
    expect((await read('/v1/products/tee?currency=JPY')).body.variants[0].price.currency).toBe(
      'USD',
    );
    const usd = await read('/v1/products/tee');
    expect(usd.statements).toBe(0);
    expect(usd.body.variants[0].price).toEqual({ amount: '25.00', currency: 'USD' });
  });

  it('takes a signed-in shopper’s valid token, and leaves a bad one to the route', async () => {
    const { t, store, read } = await served();
    const { token } = await createTestCustomer(t, store);
    await read();
    const signedIn = await read('/v1/products/tee', { authorization: `Bearer ${token}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.statements).toBe(0);
    const refused = await read('/v1/products/tee', { authorization: `Bearer ${token}x` });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_token');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    // Not a bearer token: the route reads it as a guest's request, and so does the listener.
    const basic = await read('/v1/products/tee', { authorization: 'Basic YTpi' });
    expect(basic.status).toBe(200);
    expect(basic.statements).toBe(0);
  });

  it('leaves an origin the store does not allow, an unknown key and a bad currency to the route', async () => {
    const { read } = await served();
    await read();
    const origin = await read('/v1/products/tee', { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
    expect(origin.body.error.code).toBe('origin_not_allowed');
    const key = await read('/v1/products/tee', { 'x-kiosk-key': 'pk_test_nobody' });
    expect(key.status).toBe(401);
    expect(key.body.error.code).toBe('invalid_key');
    const currency = await read('/v1/products/tee?currency=EURO');
    expect(currency.status).toBe(400);
  });

  it('leaves other queries, encoded refs and other methods to the app, which answers alike', async () => {
    const { read, pk, url } = await served();
    const warm = (await read()).text;
    for (const path of ['/v1/products/tee?currency=USD&x=1', '/v1/products/t%65e']) {
      const other = await read(path);
      expect(other.statements, path).toBeGreaterThan(0);
      expect(other.text, path).toBe(warm);
    }
    const head = await fetch(`${url}/v1/products/tee`, {
      method: 'HEAD',
      headers: { 'x-kiosk-key': pk, 'x-kiosk-count-statements': '1' },
    });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('x-kiosk-statements'))).toBeGreaterThan(0);
  });

  it('is logged as the app logs a request: path, status and store, nothing of the request', async () => {
    const { t, store, read } = await served();
    const { token } = await createTestCustomer(t, store);
    await read();
    t.logs.length = 0;
    await read('/v1/products/tee?currency=EUR', { authorization: `Bearer ${token}` });
    const line = JSON.parse(t.logs.find((l) => l.includes('"msg":"request"'))!);
    expect(line).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/v1/products/tee',
      status: 200,
      store: store.handle,
    });
    expect(typeof line.ms).toBe('number');
    expect(t.logs.join('\n')).not.toContain(token);
  });
});
