import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, variants } from '../src/db/schema/index.js';
import { MAX_AMOUNT_MINOR } from '../src/limits.js';
import { parseMinor, toMoney } from '../src/services/money.js';
import { badInputFixtures } from './bad-input-fixtures.js';
import { createTestProduct, createTestStore, useTestApp } from './harness.js';

const t = useTestApp();
const { rows, shopperWithCart } = badInputFixtures(t);

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
