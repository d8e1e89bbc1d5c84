import { expect } from 'vitest';
import { createTestProduct, createTestStore, type TestApp, type TestStore } from './harness.js';

/**
 * A store selling a tee in S (`stock`, with a compare-at price) and M (2 in stock), and the
 * shopper's cart routes, over the app `t` holds for the current test (the ref
 * `useTestApp()` returns).
 */
export function cartRoutes(t: { current: TestApp }) {
  async function setup(stock = 10) {
    const s = await createTestStore(t.current.db);
    const product = await createTestProduct(t.current.db, s.store, {
      title: 'Tee',
      variants: [
        { title: 'S', stock, prices: { USD: 2500, EUR: 2300 }, compareAt: { USD: 3000 } },
        { title: 'M', stock: 2, prices: { USD: 1999, EUR: 1850 } },
      ],
    });
    return { ...s, product };
  }

  async function newCart(s: TestStore, options: { currency?: string; token?: string } = {}) {
    const res = await t.current.request('/v1/carts', {
      key: s.pk,
      body: options.currency ? { currency: options.currency } : {},
      ...(options.token ? { token: options.token } : {}),
    });
    expect(res.status).toBeLessThan(300);
    return res.body;
  }

  function add(s: TestStore, cartId: string, body: unknown, token?: string) {
    return t.current.request(`/v1/carts/${cartId}/lines`, {
      key: s.pk,
      body,
      ...(token ? { token } : {}),
    });
  }

  return { setup, newCart, add };
}
