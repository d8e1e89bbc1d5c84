// The membership perk that is a shipping rule (issue 17): a tier's free shipping over an
// amount prices the hosted checkout's rates, for that tier's shopper only.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders } from '../src/db/schema/index.js';
import { type TestCustomer, useTestApp } from './harness.js';
import { cartWith, customerWith, membershipStore } from './membership-fixtures.js';
import { crossBorder } from './shipping-fixtures.js';

const t = useTestApp();

const address = {
  country: 'US',
  name: 'Sam Shopper',
  line1: '1 Main St',
  city: 'Brooklyn',
  area: 'NY',
  postalCode: '11201',
};

describe('free shipping as a member perk', () => {
  it('makes the rates free for the tier that has it, from its amount; others pay', async () => {
    // Gold: free shipping from 0 USD; Silver: from 100.00 USD (membership-fixtures.ts).
    const s = await membershipStore(t.current);
    const put = await t.current.request('/admin/v1/shipping', {
      method: 'PUT',
      token: s.sk,
      body: crossBorder,
    });
    expect(put.status).toBe(200);
    const gold = await customerWith(t.current, s, 2000);
    const silver = await customerWith(t.current, s, 500);

    /** The shipping the order of one mug (10.05 USD) is priced with once it has an address. */
    const shippingFor = async (shopper: TestCustomer | null) => {
      const token = shopper?.token;
      const cart = await cartWith(t.current, s, shopper, s.mug.variantIds[0]!);
      const checkout = await t.current.request(`/v1/carts/${cart.id}/checkout`, {
        key: s.pk,
        token,
        body: {},
      });
      expect(checkout.status).toBe(201);
      const form = new URLSearchParams({ ...address, formCountry: 'US' });
      const posted = await t.current.app.request(`/checkout/${checkout.body.orderId}/address`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost',
        },
        body: form.toString(),
      });
      expect(posted.status).toBe(303);
      const [order] = await t.current.db
        .select()
        .from(orders)
        .where(eq(orders.id, checkout.body.orderId));
      return order!.shippingMinor;
    };

    const guest = await shippingFor(null);
    expect(guest).toBeGreaterThan(0);
    expect(await shippingFor(gold)).toBe(0);
    // Silver's perk starts at 100.00 USD: a 10.05 USD order still pays the rate.
    expect(await shippingFor(silver)).toBe(guest);
  });
});
