import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { productPairs, productSales, variants } from '../src/db/schema/index.js';
import { seedDemo } from '../src/seed/demo.js';
import { markPaid, order } from './analytics-fixtures.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestApp,
  type TestProduct,
  type TestStore,
  useTestApp,
} from './harness.js';

const t = useTestApp();

async function shop(app: TestApp) {
  const s = await createTestStore(app.db, { currencies: ['USD', 'EUR'] });
  const make = (handle: string, title: string, vendor = '') =>
    createTestProduct(app.db, s.store, {
      handle,
      title,
      vendor,
      variants: [{ stock: 1000, prices: { USD: 2000, EUR: 1800 } }],
    });
  return {
    ...s,
    tee: await make('tee', 'Classic Tee', 'Aurora'),
    mug: await make('mug', 'Enamel Mug'),
    cap: await make('cap', 'Trucker Cap'),
    vneck: await make('vneck', 'V-Neck Tee'),
    socks: await make('socks', 'Wool Socks', 'Aurora'),
  };
}
type Shop = Awaited<ReturnType<typeof shop>>;

async function paidOrder(s: TestStore, products: TestProduct[], currency = 'USD') {
  const id = await order(
    t.current,
    s,
    products.map((product) => ({ product, quantity: 1 })),
    currency,
  );
  const paid = await markPaid(t.current, s, id);
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return id;
}

function recommendations(
  s: TestStore,
  query: Record<string, string>,
  token?: string,
): Promise<{ status: number; body: any; headers: Headers }> {
  return t.current.request(`/v1/recommendations?${new URLSearchParams(query)}`, {
    key: s.pk,
    ...(token ? { token } : {}),
  });
}

const handles = (body: { items: { handle: string }[] }) => body.items.map((p) => p.handle);

/** Checks out `products` as the signed-in `token`'s customer and pays. */
async function customerOrder(s: Shop, token: string, products: TestProduct[]) {
  const cart = await t.current.request('/v1/carts', { key: s.pk, token, body: {} });
  expect(cart.status).toBe(201);
  for (const p of products) {
    const line = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      token,
      body: { variantId: p.variantIds[0], quantity: 1 },
    });
    expect(line.status).toBe(200);
  }
  const checkout = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    token,
    body: {},
  });
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
  expect((await markPaid(t.current, s, checkout.body.orderId)).status).toBe(200);
}

describe('GET /v1/recommendations', () => {
  it('bought-together ranks what paid orders held with the product, never the product itself', async () => {
    const s = await shop(t.current);
    await paidOrder(s, [s.tee, s.mug]);
    await paidOrder(s, [s.tee, s.mug, s.cap]);
    await paidOrder(s, [s.cap, s.socks]);
    // A pending order counts for nothing.
    await order(t.current, s, [
      { product: s.tee, quantity: 1 },
      { product: s.socks, quantity: 1 },
    ]);
    const res = await recommendations(s, { kind: 'bought-together', product: 'tee', first: '2' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      enabled: true,
      basis: 'bought-together',
      product: { handle: 'tee', title: 'Classic Tee' },
      currency: 'USD',
    });
    expect(handles(res.body)).toEqual(['mug', 'cap']);
    expect(res.body.items[0].variants[0].price).toEqual({ amount: '20.00', currency: 'USD' });
    expect(res.headers.get('cache-control')).toMatch(/^public/);
  });

  it('tops a short list up with best sellers and the catalog, never repeating one', async () => {
    const s = await shop(t.current);
    await paidOrder(s, [s.tee, s.mug]);
    const res = await recommendations(s, { kind: 'bought-together', product: 'tee' });
    expect(res.body.basis).toBe('bought-together');
    // mug is bought with tee; then the best seller (mug, already in) and the catalog order.
    expect(handles(res.body)).toEqual(['mug', 'cap', 'vneck', 'socks']);
  });

  it('answers popularity on a cold start, in the shopper’s currency', async () => {
    const s = await shop(t.current);
    const cold = await recommendations(s, { kind: 'bought-together', product: 'mug' });
    expect(cold.body.basis).toBe('popular');
    expect(handles(cold.body)).toEqual(['tee', 'cap', 'vneck', 'socks']);

    await paidOrder(s, [s.socks], 'EUR');
    await paidOrder(s, [s.socks], 'EUR');
    await paidOrder(s, [s.vneck], 'USD');
    const eur = await recommendations(s, { kind: 'for-you', currency: 'eur' });
    expect(eur.body).toMatchObject({ basis: 'popular', currency: 'EUR', product: null });
    expect(handles(eur.body).slice(0, 2)).toEqual(['socks', 'tee']);
    expect(eur.body.items[0].variants[0].price).toEqual({ amount: '18.00', currency: 'EUR' });
    const usd = await recommendations(s, { kind: 'for-you' });
    expect(handles(usd.body)[0]).toBe('vneck');
  });

  it('never recommends a product out of stock or a draft', async () => {
    const s = await shop(t.current);
    await paidOrder(s, [s.tee, s.mug, s.cap]);
    await t.current.db.update(variants).set({ stock: 0 }).where(eq(variants.productId, s.mug.id));
    await createTestProduct(t.current.db, s.store, { handle: 'draft', status: 'draft' });
    const res = await recommendations(s, { kind: 'bought-together', product: 'tee' });
    expect(handles(res.body)).toEqual(['cap', 'vneck', 'socks']);
  });

  it('similar: the same vendor or a title of the same words first, then what sells', async () => {
    const s = await shop(t.current);
    await paidOrder(s, [s.tee, s.socks]);
    const res = await recommendations(s, { kind: 'similar', product: 'tee' });
    expect(res.body).toMatchObject({ basis: 'similar', product: { handle: 'tee' } });
    // V-Neck Tee has the words; socks share the vendor; the rest tops up by popularity.
    expect(handles(res.body).slice(0, 2)).toEqual(['vneck', 'socks']);
    expect(handles(res.body)).not.toContain('tee');
  });

  it('for-you starts from the shopper’s own orders, unless they opted out', async () => {
    const s = await shop(t.current);
    await paidOrder(s, [s.mug, s.cap]);
    await paidOrder(s, [s.mug, s.socks]);
    await paidOrder(s, [s.mug, s.socks]);
    const ann = await createTestCustomer(t.current, s.store);
    await customerOrder(s, ann.token, [s.mug]);

    const mine = await recommendations(s, { kind: 'for-you' }, ann.token);
    expect(mine.body.basis).toBe('for-you');
    // What goes with the mug, not the mug again.
    expect(handles(mine.body).slice(0, 2)).toEqual(['socks', 'cap']);
    expect(handles(mine.body)).not.toContain('mug');
    expect(mine.headers.get('cache-control')).toBe('private, no-cache');

    const off = await t.current.request('/v1/customers/me', {
      key: s.pk,
      token: ann.token,
      method: 'PATCH',
      body: { personalization: false },
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ personalization: false, name: 'Test Shopper' });
    const popular = await recommendations(s, { kind: 'for-you' }, ann.token);
    expect(popular.body.basis).toBe('popular');
    expect(handles(popular.body)[0]).toBe('mug');

    const guest = await recommendations(s, { kind: 'for-you' });
    expect(guest.body.basis).toBe('popular');
  });

  it('keeps each store’s orders to itself', async () => {
    const s = await shop(t.current);
    const other = await shop(t.current);
    await paidOrder(other, [other.tee, other.socks]);
    const res = await recommendations(s, { kind: 'bought-together', product: 'tee' });
    expect(res.body.basis).toBe('popular');
    expect(res.body.items.every((p: { id: string }) => p.id !== other.socks.id)).toBe(true);
    const foreign = await recommendations(s, { kind: 'similar', product: other.tee.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('product_not_found');
  });

  it('answers nothing when the store turned recommendations off', async () => {
    const s = await shop(t.current);
    await paidOrder(s, [s.tee, s.mug]);
    const patch = await t.current.request('/admin/v1/store', {
      token: s.sk,
      method: 'PATCH',
      body: { settings: { recommendations: { enabled: false } } },
    });
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    const res = await recommendations(s, { kind: 'bought-together', product: 'tee' });
    expect(res.body).toMatchObject({ enabled: false, basis: null, items: [] });
    const config = await t.current.request('/v1/store', { key: s.pk });
    expect(config.body.recommendations).toEqual({ enabled: false });
  });

  it('refuses bad input with stable codes', async () => {
    const s = await shop(t.current);
    const cases: [Record<string, string>, number, string][] = [
      [{ kind: 'recently-viewed' }, 400, 'validation_failed'],
      [{ kind: 'bought-together' }, 400, 'validation_failed'],
      [{ kind: 'similar', product: 'nope' }, 404, 'product_not_found'],
      [{ kind: 'for-you', first: '0' }, 400, 'validation_failed'],
      [{ kind: 'for-you', first: '25' }, 400, 'validation_failed'],
    ];
    for (const [query, status, code] of cases) {
      const res = await recommendations(s, query);
      expect([res.status, res.body.error?.code], JSON.stringify(query)).toEqual([status, code]);
    }
    const empty = await t.current.request('/v1/customers/me', {
      key: s.pk,
      token: (await createTestCustomer(t.current, s.store)).token,
      method: 'PATCH',
      body: {},
    });
    expect(empty.status).toBe(400);
  });
});

describe('the pair counts', () => {
  async function counts(s: Shop, a: TestProduct, b: TestProduct) {
    const [pair] = await t.current.db
      .select({ orders: productPairs.orders })
      .from(productPairs)
      .where(and(eq(productPairs.productId, a.id), eq(productPairs.otherId, b.id)));
    const [sale] = await t.current.db
      .select({ orders: productSales.orders })
      .from(productSales)
      .where(and(eq(productSales.productId, a.id), eq(productSales.currency, 'USD')));
    return { pair: pair?.orders ?? 0, sale: sale?.orders ?? 0, store: s.store.id };
  }

  it('count an order once, however often it is marked paid', async () => {
    const s = await shop(t.current);
    const id = await paidOrder(s, [s.tee, s.mug]);
    expect((await markPaid(t.current, s, id)).status).toBe(200);
    expect(await counts(s, s.tee, s.mug)).toMatchObject({ pair: 1, sale: 1 });
    expect(await counts(s, s.mug, s.tee)).toMatchObject({ pair: 1, sale: 1 });
  });

  it('add up exactly under concurrent payments of orders with the same products', async () => {
    const s = await shop(t.current);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      // Lines in both orders: the transactions must still take their locks in one order.
      ids.push(
        await order(
          t.current,
          s,
          (i % 2 ? [s.tee, s.mug, s.cap] : [s.cap, s.mug, s.tee]).map((product) => ({
            product,
            quantity: 1,
          })),
        ),
      );
    }
    const paid = await Promise.all(ids.map((id) => markPaid(t.current, s, id)));
    expect(paid.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(await counts(s, s.tee, s.mug)).toMatchObject({ pair: 8, sale: 8 });
    expect(await counts(s, s.cap, s.tee)).toMatchObject({ pair: 8, sale: 8 });
  });
});

describe('the demo seed', () => {
  it('has a purchase history: Classic Tee is often bought with chinos and a cap', async () => {
    await seedDemo(t.current.db);
    const res = await t.current.request(
      '/v1/recommendations?kind=bought-together&product=aurora-classic-tee&first=3',
      { key: 'pk_test_aurora' },
    );
    expect(res.body.basis).toBe('bought-together');
    expect(handles(res.body)).toEqual([
      'aurora-slim-chinos',
      'aurora-classic-baseball-cap',
      'aurora-relaxed-jeans',
    ]);
  });
});
