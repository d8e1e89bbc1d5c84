// Recommendations that are the same for everyone asking, kept in the catalog cache and answered
// by the Node server's listener (src/recommendation-reads.ts, src/catalog-read-listener.ts):
// the route's answer, headers and 304s; prices and stock as they are now, however long the
// list of which products is kept; never the product on display; the store's switch and a
// shopper's own "for you" honoured. Reads go to a served app: warm reads never reach Hono.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CatalogCache } from '../src/cache/catalog-cache.js';
import { variants } from '../src/db/schema/index.js';
import { markPaid, order } from './analytics-fixtures.js';
import { pick } from './answer-headers.js';
import {
  createTestApp,
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestAppOptions,
  type TestProduct,
  type TestStore,
} from './harness.js';

async function served(options: TestAppOptions = {}) {
  const t = await createTestApp({ countStatements: true, ...options });
  const url = await t.listen();
  const s = await createTestStore(t.db);
  const make = (handle: string, title: string, vendor = '') =>
    createTestProduct(t.db, s.store, {
      handle,
      title,
      vendor,
      variants: [{ stock: 100, prices: { USD: 2000, EUR: 1800 } }],
    });
  const p = {
    tee: await make('tee', 'Classic Tee', 'Aurora'),
    mug: await make('mug', 'Enamel Mug'),
    cap: await make('cap', 'Trucker Cap'),
    vneck: await make('vneck', 'V-Neck Tee'),
    socks: await make('socks', 'Wool Socks', 'Aurora'),
  };
  /** A read as a storefront sends it; `statements`: what the server says it ran. */
  const read = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url + path, {
      headers: { 'x-kiosk-key': s.pk, 'x-kiosk-count-statements': '1', ...headers },
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
  return { t, s, p, url, read };
}

async function paidOrder(t: TestApp, s: TestStore, products: TestProduct[]) {
  const id = await order(
    t,
    s,
    products.map((product) => ({ product, quantity: 1 })),
  );
  expect((await markPaid(t, s, id)).status).toBe(200);
}

/** An admin write, keyed as admin clients send them (its notice follows the commit). */
function admin(t: TestApp, s: TestStore, path: string, body: unknown) {
  return t.request(`/admin/v1${path}`, {
    method: 'PATCH',
    token: s.sk,
    headers: { 'idempotency-key': randomUUID() },
    body,
  });
}

const handles = (body: { items: { handle: string }[] }) => body.items.map((p) => p.handle);

const together = '/v1/recommendations?kind=bought-together&product=tee';

describe('a recommendation kept for everyone', () => {
  it('is answered by the listener once kept: the route’s answer, headers, ETag and 304', async () => {
    const { t, s, p, read } = await served();
    await paidOrder(t, s, [p.tee, p.mug]);
    const origin = { origin: 'https://shop.example' };
    const cold = await read(together, origin);
    expect(cold.status).toBe(200);
    expect(cold.statements).toBeGreaterThan(0);
    expect(cold.body).toMatchObject({ enabled: true, basis: 'bought-together' });
    expect(handles(cold.body)).toEqual(['mug', 'cap', 'vneck', 'socks']);
    const warm = await read(together, origin);
    expect(warm.statements).toBe(0);
    expect(warm.text).toBe(cold.text);
    expect(pick(warm.headers)).toEqual(pick(cold.headers));
    expect(warm.headers.get('cache-control')).toMatch(/^public/);
    expect(warm.headers.get('vary')).toBe('X-Kiosk-Key, Origin, Authorization');
    // The parameters in another order, the product by id: the same question, answered alike.
    const reordered = await read(`/v1/recommendations?product=tee&first=8&kind=bought-together`);
    expect(reordered.text).toBe(cold.text);
    const byId = await read(`/v1/recommendations?kind=bought-together&product=${p.tee.id}`);
    expect(byId.body.items).toEqual(cold.body.items);

    const again = await read(together, { 'if-none-match': cold.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(again.statements).toBe(0);
    expect(again.text).toBe('');

    t.logs.length = 0;
    await read(together);
    const line = JSON.parse(t.logs.find((l) => l.includes('"msg":"request"'))!);
    expect(line).toMatchObject({ path: '/v1/recommendations', status: 200, store: s.store.handle });
  });

  it('shows a price change and leaves out a product sold out or drafted, at once', async () => {
    const { t, s, p, read } = await served();
    await paidOrder(t, s, [p.tee, p.mug, p.cap]);
    await paidOrder(t, s, [p.tee, p.mug]);
    expect(handles((await read(together)).body)).toEqual(['mug', 'cap', 'vneck', 'socks']);
    expect((await read(together)).statements).toBe(0);

    const priced = await admin(t, s, `/products/${p.mug.id}/variants/${p.mug.variantIds[0]}`, {
      prices: { USD: '15.00' },
    });
    expect(priced.status).toBe(200);
    const repriced = await read(together);
    expect(repriced.body.items[0].variants[0].price).toEqual({ amount: '15.00', currency: 'USD' });

    const soldOut = await admin(t, s, `/products/${p.mug.id}/variants/${p.mug.variantIds[0]}`, {
      stock: 0,
    });
    expect(soldOut.status).toBe(200);
    // The next in the list takes its place; still bought with it, so still its basis.
    const without = await read(together);
    expect(handles(without.body)).toEqual(['cap', 'vneck', 'socks']);
    expect(without.body.basis).toBe('bought-together');

    const drafted = await admin(t, s, `/products/${p.cap.id}`, { status: 'draft' });
    expect(drafted.status).toBe(200);
    const left = await read(together);
    expect(handles(left.body)).toEqual(['vneck', 'socks']);
    // What chose them is gone: they are what is popular.
    expect(left.body.basis).toBe('popular');
  });

  it('follows stock changed past the admin API (a checkout) within the catalog cache’s TTL', async () => {
    const { t, s, p, read } = await served({
      catalogCache: new CatalogCache({ answerTtlMs: 200 }),
    });
    await paidOrder(t, s, [p.tee, p.mug]);
    expect(handles((await read(together)).body)[0]).toBe('mug');
    await t.db.update(variants).set({ stock: 0 }).where(eq(variants.id, p.mug.variantIds[0]!));
    let names = handles((await read(together)).body);
    const end = Date.now() + 5000;
    while (names.includes('mug') && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
      names = handles((await read(together)).body);
    }
    expect(names).toEqual(['cap', 'vneck', 'socks']);
  });

  it('names the products its list named until the list ages out, as they are now', async () => {
    const { t, s, p, read } = await served();
    await paidOrder(t, s, [p.tee, p.mug]);
    expect(handles((await read(together)).body)).toEqual(['mug', 'cap', 'vneck', 'socks']);
    // Socks now go with the tee more often than the mug: the kept list does not know yet.
    await paidOrder(t, s, [p.tee, p.socks]);
    await paidOrder(t, s, [p.tee, p.socks]);
    await admin(t, s, `/products/${p.mug.id}/variants/${p.mug.variantIds[0]}`, {
      prices: { USD: '12.00' },
    });
    const later = await read(together);
    expect(handles(later.body)).toEqual(['mug', 'cap', 'vneck', 'socks']);
    expect(later.body.items[0].variants[0].price.amount).toBe('12.00');
    // An instance without that list (another one, or this one a minute on) counts them.
    const other = await createTestApp({ resetDatabase: false });
    const fresh = await other.request(together, { key: s.pk });
    expect(handles(fresh.body)).toEqual(['socks', 'mug', 'cap', 'vneck']);
  });

  it('never names the product on display, for any kind', async () => {
    const { t, s, p, read } = await served();
    await paidOrder(t, s, [p.tee, p.mug, p.socks]);
    for (const kind of ['bought-together', 'similar', 'for-you']) {
      for (const ref of ['tee', p.tee.id]) {
        const path = `/v1/recommendations?kind=${kind}&product=${ref}&first=24`;
        for (let i = 0; i < 2; i++) {
          const res = await read(path);
          expect(res.status).toBe(200);
          expect(res.body.product.handle).toBe('tee');
          expect(handles(res.body), `${path} #${i}`).not.toContain('tee');
          expect(res.body.items).toHaveLength(4);
        }
      }
    }
  });

  it('answers nothing once the store turns recommendations off, and again once on', async () => {
    const { t, s, p, read } = await served();
    await paidOrder(t, s, [p.tee, p.mug]);
    const guest = '/v1/recommendations?kind=for-you';
    for (const path of [together, guest]) await read(path);
    expect((await read(together)).statements).toBe(0);
    const off = await admin(t, s, '/store', {
      settings: { recommendations: { enabled: false } },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    for (const path of [together, guest]) {
      const res = await read(path);
      expect(res.body, path).toEqual({
        enabled: false,
        basis: null,
        product: null,
        currency: 'USD',
        items: [],
      });
    }
    expect((await read(together)).statements).toBe(0);
    const on = await admin(t, s, '/store', { settings: { recommendations: { enabled: true } } });
    expect(on.status).toBe(200);
    expect(handles((await read(together)).body)[0]).toBe('mug');
  });

  it('leaves a signed-in shopper’s own “for you” to the route, and honours their opt-out', async () => {
    const { t, s, p, read } = await served();
    await paidOrder(t, s, [p.mug, p.cap]);
    await paidOrder(t, s, [p.mug, p.socks]);
    await paidOrder(t, s, [p.mug, p.socks]);
    const guestPath = '/v1/recommendations?kind=for-you';
    const guest = await read(guestPath);
    expect(guest.body.basis).toBe('popular');
    expect(guest.headers.get('vary')).toBe('X-Kiosk-Key, Origin, Authorization');
    expect((await read(guestPath)).statements).toBe(0);

    const ann = await createTestCustomer(t, s.store);
    const cart = await t.request('/v1/carts', { key: s.pk, token: ann.token, body: {} });
    await t.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token: ann.token,
      body: { variantId: p.mug.variantIds[0], quantity: 1 },
    });
    const checkout = await t.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      token: ann.token,
      body: {},
    });
    expect((await markPaid(t, s, checkout.body.orderId)).status).toBe(200);

    const signedIn = { authorization: `Bearer ${ann.token}` };
    const mine = await read(guestPath, signedIn);
    expect(mine.statements).toBeGreaterThan(0);
    expect(mine.body.basis).toBe('for-you');
    expect(handles(mine.body).slice(0, 2)).toEqual(['socks', 'cap']);
    expect(mine.headers.get('cache-control')).toBe('private, no-cache');
    // Theirs is never kept for anyone: guests still get what is popular.
    const still = await read(guestPath);
    expect([still.body.basis, handles(still.body)]).toEqual(['popular', handles(guest.body)]);

    const off = await t.request('/v1/customers/me', {
      key: s.pk,
      token: ann.token,
      method: 'PATCH',
      body: { personalization: false },
    });
    expect(off.status).toBe(200);
    const popular = await read(guestPath, signedIn);
    expect([popular.body.basis, handles(popular.body)]).toEqual(['popular', handles(guest.body)]);
    expect(popular.headers.get('cache-control')).toBe('private, no-cache');
    // Bought-together is about the product, not the shopper: kept, and sent as to anyone.
    await read(together);
    const theirs = await read(together, signedIn);
    expect(theirs.statements).toBe(0);
    expect(theirs.headers.get('cache-control')).toMatch(/^public/);
    const refused = await read(together, { authorization: `Bearer ${ann.token}x` });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_token');
  });

  it('leaves any question it is not sure of to the route, which answers it', async () => {
    const { read } = await served();
    const kept = await read(together);
    await read(together);
    const cases: [string, number, string | null][] = [
      ['/v1/recommendations?kind=bought-together', 400, 'validation_failed'],
      ['/v1/recommendations?kind=recently-viewed', 400, 'validation_failed'],
      ['/v1/recommendations?kind=similar&product=nope', 404, 'product_not_found'],
      [`${together}&first=25`, 400, 'validation_failed'],
      [`${together}&first=0`, 400, 'validation_failed'],
      [`${together}&currency=EURO`, 400, 'validation_failed'],
      [`${together}&kind=bought-together`, 400, 'validation_failed'],
      // The route's own reading of these: the same answer as the listener's.
      [`${together}&first=08`, 200, null],
      ['/v1/recommendations?kind=bought-together&product=t%65e', 200, null],
      [`${together}&utm_source=mail`, 200, null],
    ];
    for (const [path, status, code] of cases) {
      const res = await read(path);
      expect([res.status, res.body.error?.code ?? null], path).toEqual([status, code]);
      if (status === 200) expect(res.body.items, path).toEqual(kept.body.items);
    }
    const foreign = await read(together, { 'x-kiosk-key': 'pk_test_nobody' });
    expect(foreign.status).toBe(401);
    const origin = await read(together, { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
  });
});

/** An order the signed-in `token`'s shopper checks out with `products`, paid. */
async function shopperPaid(t: TestApp, s: TestStore, token: string, products: TestProduct[]) {
  const cart = await t.request('/v1/carts', { key: s.pk, token, body: {} });
  for (const product of products) {
    await t.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token,
      body: { variantId: product.variantIds[0], quantity: 1 },
    });
  }
  const checkout = await t.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    token,
    body: {},
  });
  expect((await markPaid(t, s, checkout.body.orderId)).status).toBe(200);
}

describe('a signed-in shopper’s own “for you”', () => {
  const forYou = '/v1/recommendations?kind=for-you';

  it('is built from their list kept for a minute, theirs alone, products as they are now', async () => {
    const { t, s, p, read } = await served();
    await paidOrder(t, s, [p.mug, p.cap]);
    await paidOrder(t, s, [p.mug, p.socks]);
    await paidOrder(t, s, [p.mug, p.socks]);
    const guest = await read(forYou);
    const ann = await createTestCustomer(t, s.store);
    await shopperPaid(t, s, ann.token, [p.mug]);
    const signedIn = { authorization: `Bearer ${ann.token}` };

    const cold = await read(forYou, signedIn);
    expect(cold.body.basis).toBe('for-you');
    expect(handles(cold.body).slice(0, 2)).toEqual(['socks', 'cap']);
    expect(cold.headers.get('cache-control')).toBe('private, no-cache');
    const warm = await read(forYou, signedIn);
    expect(warm.text).toBe(cold.text);
    expect(warm.headers.get('cache-control')).toBe('private, no-cache');
    // Only their history is read: their answer is kept, as a guest's is.
    expect(warm.statements).toBe(1);
    expect(cold.statements).toBeGreaterThan(warm.statements);

    // The V-neck now goes with the mug most: the kept list does not know yet.
    for (let i = 0; i < 3; i++) await paidOrder(t, s, [p.mug, p.vneck]);
    // (Their stock as it is now: the V-necks sold.)
    expect(handles((await read(forYou, signedIn)).body)).toEqual(handles(cold.body));
    const other = await createTestApp({ resetDatabase: false });
    const fresh = await other.request(forYou, { key: s.pk, token: ann.token });
    expect(handles(fresh.body)[0]).toBe('vneck');

    // Another shopper, with no orders of their own, never gets Ann's.
    const bob = await createTestCustomer(t, s.store);
    const bobs = await read(forYou, { authorization: `Bearer ${bob.token}` });
    expect(bobs.body.basis).toBe('popular');
    expect(handles(bobs.body)).not.toEqual(handles(cold.body));

    // Sold out: gone from her next answer, the next in her list in its place.
    const soldOut = await admin(t, s, `/products/${p.socks.id}/variants/${p.socks.variantIds[0]}`, {
      stock: 0,
    });
    expect(soldOut.status).toBe(200);
    const without = await read(forYou, signedIn);
    expect(handles(without.body)).not.toContain('socks');
    expect(handles(without.body)[0]).toBe('cap');
    expect(without.body.basis).toBe('for-you');

    // She pays for a cap: her history changed, her next answer starts from it.
    await shopperPaid(t, s, ann.token, [p.cap]);
    const after = await read(forYou, signedIn);
    expect(after.statements).toBeGreaterThan(1);
    expect(handles(after.body)[0]).toBe('vneck');
    expect(handles(after.body)).not.toContain('cap');

    // She opts out: what every guest gets, at once.
    const off = await t.request('/v1/customers/me', {
      key: s.pk,
      token: ann.token,
      method: 'PATCH',
      body: { personalization: false },
    });
    expect(off.status).toBe(200);
    const popular = await read(forYou, signedIn);
    expect(popular.body.basis).toBe('popular');
    expect(handles(popular.body)).toEqual(handles((await read(forYou)).body));
    expect(popular.headers.get('cache-control')).toBe('private, no-cache');
    expect(guest.body.basis).toBe('popular');
  });
});
