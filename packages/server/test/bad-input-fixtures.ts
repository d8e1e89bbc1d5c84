import { count } from 'drizzle-orm';
import { expect } from 'vitest';
import type { customers, orders, products, reviews } from '../src/db/schema/index.js';
import { createTestCustomer, type TestApp, type TestStore } from './harness.js';

/**
 * The bad-input-*.test.ts files hold one regression test per class of input that answered
 * 500 before (the fuzz test's first findings): NUL bytes, cursors of the wrong shape,
 * cursors out of range, integers past their column, and money past the exact range of a
 * JavaScript number. What they share is here.
 */

export function expectValidationFailed(res: { status: number; body: any }, label: string) {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error.code, label).toBe('validation_failed');
}

/** Row counts and a signed-in shopper's cart, over the app `t` holds for the current test. */
export function badInputFixtures(t: { current: TestApp }) {
  async function rows(table: typeof products | typeof customers | typeof orders | typeof reviews) {
    const [row] = await t.current.db.select({ n: count() }).from(table);
    return row!.n;
  }

  async function shopperWithCart(s: TestStore) {
    const shopper = await createTestCustomer(t.current, s.store);
    const as = { key: s.pk, token: shopper.token };
    const cart = await t.current.request('/v1/carts', { ...as, body: {} });
    return { shopper, as, cartId: cart.body.id as string };
  }

  return { rows, shopperWithCart };
}
