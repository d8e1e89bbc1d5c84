import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders } from '../src/db/schema/index.js';
import {
  type ApiResponse,
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type TestStore,
  useTestApp,
} from './harness.js';
import { crossBorder } from './shipping-fixtures.js';

const t = useTestApp();

async function shippingStore(config: unknown = crossBorder): Promise<TestStore> {
  const s = await createTestStore(t.current.db);
  const put = await t.current.request('/admin/v1/shipping', {
    method: 'PUT',
    token: s.sk,
    body: config,
  });
  expect(put.status).toBe(200);
  return s;
}

/** A pending order of `quantity` units at 40.00 USD / 37.00 EUR, 600 g each. */
async function pendingOrder(s: TestStore, currency = 'USD', quantity = 1) {
  const p = await createTestProduct(t.current.db, s.store, {
    variants: [{ stock: 10, grams: 600, prices: { USD: 4000, EUR: 3700 } }],
  });
  const cart = await t.current.request('/v1/carts', { key: s.pk, body: { currency } });
  await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
    key: s.pk,
    body: { variantId: p.variantIds[0], quantity },
  });
  const res = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
    key: s.pk,
    body: {},
  });
  expect(res.status).toBe(201);
  return res.body.orderId as string;
}

function post(path: string, fields: Record<string, string>) {
  return t.current.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost',
    },
  });
}

function follow(res: ApiResponse) {
  expect(res.status).toBe(303);
  return t.current.request(res.headers.get('location')!);
}

const page = (orderId: string, query = '?locale=en') =>
  t.current.request(`/checkout/${orderId}${query}`);

const us = {
  country: 'US',
  formCountry: 'US',
  name: 'Ada Lovelace',
  line1: '1 Main St',
  city: 'Brooklyn',
  area: 'NY',
  postalCode: '11201',
};

async function orderRow(id: string) {
  const [row] = await t.current.db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

describe('admin shipping set-up', () => {
  it('saves and reads back the set-up, per store', async () => {
    const a = await shippingStore();
    const b = await createTestStore(t.current.db);
    const got = await t.current.request('/admin/v1/shipping', { token: a.sk });
    expect(got.status).toBe(200);
    expect(got.body.zones.map((z: { id: string }) => z.id)).toEqual(['us', 'eu', 'br']);
    expect(got.body.taxes[0]).toEqual({
      country: 'US',
      rate: '8.875',
      inclusive: false,
      shipping: true,
    });
    // Another store sees its own (none), and its checkout asks no address.
    expect((await t.current.request('/admin/v1/shipping', { token: b.sk })).body).toEqual({
      zones: [],
      taxes: [],
      duties: [],
    });
    const plain = await page(await pendingOrder(b));
    expect(plain.body).toContain('id="kiosk-pay"');
    expect(plain.body).not.toContain('kiosk-address');
    // The widgets read which one ships from the store's public configuration.
    const publicOf = async (s: TestStore) =>
      (await t.current.request('/v1/store', { key: s.pk })).body.shipping;
    expect(await publicOf(a)).toEqual({ enabled: true });
    expect(await publicOf(b)).toEqual({ enabled: false });
  });

  it('refuses an invalid set-up with 400 and keeps the old one', async () => {
    const s = await shippingStore();
    const bad = await t.current.request('/admin/v1/shipping', {
      method: 'PUT',
      token: s.sk,
      body: {
        ...crossBorder,
        zones: [...crossBorder.zones, { ...crossBorder.zones[0], id: 'again' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const got = await t.current.request('/admin/v1/shipping', { token: s.sk });
    expect(got.body.zones).toHaveLength(3);
  });

  it('needs the secret key', async () => {
    const s = await shippingStore();
    expect((await t.current.request('/admin/v1/shipping', { key: s.pk })).status).toBe(401);
  });
});

describe('hosted checkout: address, rate, landed total', () => {
  it('asks the address first (no pay form), with the country’s fields and autofill tokens', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s);
    const res = await page(id, '?locale=de');
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('id="kiosk-pay"');
    // German page: Germany first chosen, its form (postal code before the city), names in German.
    expect(res.body).toContain('data-country="DE"');
    expect(res.body).toContain('<option value="DE" selected>Deutschland</option>');
    expect(res.body).toContain('autocomplete="shipping postal-code"');
    expect(res.body).toContain('autocomplete="shipping address-line1"');
    expect(res.body).toContain('autocomplete="shipping country"');
    expect(res.body.indexOf('name="postalCode"')).toBeLessThan(res.body.indexOf('name="city"'));
    expect(res.body).toContain('Wird anhand der Adresse berechnet');
  });

  it('re-renders the form for a changed country, keeping what was typed', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s);
    const res = await post(`/checkout/${id}/address?locale=en`, {
      ...us,
      formCountry: 'DE',
      update: 'country',
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain('data-country="US"');
    expect(res.body).toContain('ZIP code');
    expect(res.body).toContain('<option value="NY" selected>New York</option>');
    expect(res.body).toContain('value="Ada Lovelace"');
    expect(res.body).not.toContain('data-error=');
  });

  it('refuses a bad address with 422 and a translated error next to each field', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s);
    const res = await post(`/checkout/${id}/address?locale=de`, {
      ...us,
      country: 'DE',
      formCountry: 'DE',
      postalCode: '1234',
      line1: '',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatch(
      /id="ship-postalCode"[^>]*aria-invalid="true" aria-describedby="ship-postalCode-error"/,
    );
    expect(res.body).toContain(
      'data-error="invalid_postal_code">Gib eine gültige Postleitzahl ein, z. B. 26133.',
    );
    expect(res.body).toContain('data-error="address_required">Pflichtfeld.');
    expect((await orderRow(id)).shippingAddress).toBeNull();
  });

  it('refuses a country the store does not ship to', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s);
    const res = await post(`/checkout/${id}/address?locale=en`, {
      ...us,
      country: 'JP',
      formCountry: 'US',
    });
    expect(res.status).toBe(422);
    expect(res.body).toContain('data-error="shipping_unavailable"');
  });

  it('US: saves the address with the cheapest rate, adds sales tax, picks express, pays', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s, 'USD', 1);
    const shown = await follow(await post(`/checkout/${id}/address?locale=en`, us));
    expect(shown.body).toContain('data-shipping-address="US"');
    expect(shown.body).toContain('BROOKLYN New York 11201');
    expect(shown.body).toMatch(
      /data-rate="ground"><input type="radio" name="rate" value="ground" checked>/,
    );
    // 40.00 + 5.00 shipping, 8.875 % on 45.00 = 3.99375 → 3.99; total 48.99.
    expect(shown.body).toContain('<td>Tax</td><td>$3.99</td>');
    expect(shown.body).toContain('<th>$48.99</th>');
    expect(shown.body).toContain('id="kiosk-pay"');
    const api = await t.current.request(`/v1/orders/${id}`, { key: s.pk });
    expect(api.body).toMatchObject({
      shippingAddress: { country: 'US', area: 'NY', postalCode: '11201', name: 'Ada Lovelace' },
      shipping: {
        rateId: 'ground',
        name: 'Ground',
        amount: { amount: '5.00' },
        minDays: 3,
        maxDays: 5,
      },
      tax: { amount: '3.99', currency: 'USD' },
      taxIncluded: false,
      duties: { amount: '0.00' },
      dutiesMode: null,
      total: { amount: '48.99' },
    });

    const express = await follow(
      await post(`/checkout/${id}/shipping?locale=en`, { rate: 'express' }),
    );
    // 40.00 + 15.00, tax 4.88125 → 4.88; total 59.88.
    expect(express.body).toContain('<th>$59.88</th>');
    expect(express.body).toContain('Express · 1–2 business days');
    // A rate the destination is not offered changes nothing.
    await follow(await post(`/checkout/${id}/shipping?locale=en`, { rate: 'parcel' }));
    expect((await orderRow(id)).totalMinor).toBe(5988);

    const paid = await follow(
      await post(`/checkout/${id}/pay?locale=en`, { card: '4242 4242 4242 4242', name: 'Ada' }),
    );
    expect(paid.body).toContain('data-status="paid"');
    expect(paid.body).toContain('<th>$59.88</th>');
    // Paid: the shipping can no longer change.
    await follow(await post(`/checkout/${id}/shipping?locale=en`, { rate: 'ground' }));
    expect((await orderRow(id)).totalMinor).toBe(5988);
  });

  it('US: free shipping from the threshold', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s, 'USD', 3);
    const shown = await follow(await post(`/checkout/${id}/address?locale=en`, us));
    // 120.00 goods: ground is free; 8.875 % of 120.00 = 10.65; total 130.65.
    expect(shown.body).toMatch(/data-rate="ground">[\s\S]*?<span class="rate-price">Free<\/span>/);
    expect(shown.body).toContain('<th>$130.65</th>');
  });

  it('DE: VAT included in the prices, shown as part of the total', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s, 'EUR', 2);
    const shown = await follow(
      await post(`/checkout/${id}/address?locale=de`, {
        country: 'DE',
        formCountry: 'DE',
        name: 'Max Mustermann',
        line1: 'Hauptstraße 1',
        postalCode: '10115',
        city: 'Berlin',
      }),
    );
    // 74.00 € + 9.90 € (1.2 kg): 83.90 × 19/119 = 13.395… → 13.40 € VAT inside a total of 83.90 €.
    expect(shown.body).toMatch(/data-tax-included="true"><td>inkl. MwSt.<\/td><td>13,40\s€<\/td>/);
    expect(shown.body).toMatch(/<th>83,90\s€<\/th>/);
    const row = await orderRow(id);
    expect(row).toMatchObject({
      shippingMinor: 990,
      taxMinor: 1340,
      taxIncluded: true,
      totalMinor: 8390,
    });
  });

  it('BR: duties paid at checkout above the de minimis, none below', async () => {
    const s = await shippingStore();
    const br = {
      country: 'BR',
      formCountry: 'BR',
      name: 'João Silva',
      line1: 'Av. Paulista, 1000',
      city: 'São Paulo',
      area: 'SP',
      postalCode: '01310-100',
    };
    const small = await pendingOrder(s, 'USD', 1);
    await follow(await post(`/checkout/${small}/address?locale=pt-BR`, br));
    expect(await orderRow(small)).toMatchObject({
      dutiesMinor: 0,
      dutiesMode: null,
      totalMinor: 6000,
    });
    const large = await pendingOrder(s, 'USD', 2);
    const shown = await follow(await post(`/checkout/${large}/address?locale=pt-BR`, br));
    // 80.00 goods ≥ 50.00: 60 % duty = 48.00; total 80 + 20 + 48 = 148.00.
    expect(await orderRow(large)).toMatchObject({
      dutiesMinor: 4800,
      dutiesMode: 'ddp',
      totalMinor: 14_800,
    });
    expect(shown.body).toContain('data-row="duties"');
  });

  it('UK: says duties may be due on delivery, and they are not in the total', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s, 'EUR', 1);
    const shown = await follow(
      await post(`/checkout/${id}/address?locale=en`, {
        country: 'GB',
        formCountry: 'GB',
        name: 'Ada Lovelace',
        line1: '10 Downing Street',
        city: 'London',
        postalCode: 'SW1A 2AA',
      }),
    );
    expect(shown.body).toContain(
      'data-duties="dap">Import duties and taxes may be due on delivery.',
    );
    expect(await orderRow(id)).toMatchObject({ dutiesMode: 'dap', totalMinor: 3700 + 490 });
  });

  it('refuses to pay before an address is given', async () => {
    const s = await shippingStore();
    const id = await pendingOrder(s);
    const res = await follow(
      await post(`/checkout/${id}/pay?locale=en`, { card: '4242 4242 4242 4242', name: 'Ada' }),
    );
    expect(res.body).toContain('Enter a shipping address before paying.');
    expect((await orderRow(id)).status).toBe('pending');
  });

  it('earns points on the goods, as the cart promised, not on shipping and tax', async () => {
    const s = await shippingStore();
    const alice = await createTestCustomer(t.current, s.store);
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, grams: 600, prices: { USD: 4000 } }],
    });
    const auth = { key: s.pk, token: alice.token };
    const cart = await t.current.request('/v1/carts', { ...auth, body: { currency: 'USD' } });
    const added = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      ...auth,
      body: { variantId: p.variantIds[0], quantity: 1 },
    });
    const promised = added.body.pointsToEarn;
    expect(promised).toBe(40);
    const res = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      ...auth,
      body: {},
    });
    const id = res.body.orderId;
    await follow(await post(`/checkout/${id}/address?locale=en`, us));
    const order = await t.current.request(`/v1/orders/${id}`, auth);
    expect(order.body.total.amount).toBe('48.99');
    expect(order.body.pointsToEarn).toBe(promised);
    await follow(
      await post(`/checkout/${id}/pay?locale=en`, { card: '4242 4242 4242 4242', name: 'Alice' }),
    );
    const paid = await t.current.request(`/v1/orders/${id}`, auth);
    expect(paid.body.pointsEarned).toBe(promised);
  });

  it('keeps the address when the cart changes and is checked out again', async () => {
    const s = await shippingStore();
    const p = await createTestProduct(t.current.db, s.store, {
      variants: [{ stock: 10, grams: 600, prices: { USD: 4000 } }],
    });
    const cart = await t.current.request('/v1/carts', { key: s.pk, body: { currency: 'USD' } });
    const line = await t.current.request(`/v1/carts/${cart.body.id}/lines`, {
      key: s.pk,
      body: { variantId: p.variantIds[0], quantity: 1 },
    });
    const first = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      body: {},
    });
    await follow(await post(`/checkout/${first.body.orderId}/address?locale=en`, us));
    await follow(
      await post(`/checkout/${first.body.orderId}/shipping?locale=en`, { rate: 'express' }),
    );
    // The cart shows the shipping picked for its order (name, price, estimate), not in its total.
    const shown = await t.current.request(`/v1/carts/${cart.body.id}`, { key: s.pk });
    expect(shown.body.shipping).toEqual({
      rateId: 'express',
      name: 'Express',
      amount: { amount: '15.00', currency: 'USD' },
      minDays: 1,
      maxDays: 2,
    });
    expect(shown.body.total).toEqual({ amount: '40.00', currency: 'USD' });
    const lineId = line.body.lines[0].id;
    const changed = await t.current.request(`/v1/carts/${cart.body.id}/lines/${lineId}`, {
      method: 'PATCH',
      key: s.pk,
      body: { quantity: 2 },
    });
    expect(changed.body.shipping).toBeNull();
    const second = await t.current.request(`/v1/carts/${cart.body.id}/checkout`, {
      key: s.pk,
      body: {},
    });
    expect(second.body.orderId).not.toBe(first.body.orderId);
    // 80.00 + 15.00 express; 8.875 % of 95.00 = 8.43125 → 8.43; 103.43.
    expect(await orderRow(second.body.orderId)).toMatchObject({
      shippingAddress: expect.objectContaining({ postalCode: '11201' }),
      shippingRate: expect.objectContaining({ rateId: 'express' }),
      totalMinor: 10_343,
    });
  });
});
