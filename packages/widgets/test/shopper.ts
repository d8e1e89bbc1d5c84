// The running test's shopper (the element tests): a client of its own on the test server, so
// carts don't leak from one test to the next, and a customer with points.
import { createClient, type KioskClient } from '@kiosk/sdk';
import { expect } from '@open-wc/testing';
import { configure } from '../src/config.js';
import { endpoint, until } from './helpers.js';

/** The admin API's headers, for what a shopper can't do: minting sign-ins, granting points. */
export const ADMIN = { authorization: 'Bearer sk_test_aurora', 'content-type': 'application/json' };

/** The running test's client: `freshClient()` makes it and configures the elements with it. */
export let client: KioskClient;
export function freshClient(
  options: Partial<Parameters<typeof createClient>[0]> = {},
): KioskClient {
  client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null, ...options });
  configure({ client });
  return client;
}

/** Every cart write has reached the server (the SDK's queue, not an element's last render). */
export const sent = () => client.cart.$pending.get() === 0;

/** Signs a new customer holding `points` in on the running test's client. Returns the email. */
export async function signInWithPoints(points = 0) {
  const email = `cart-${crypto.randomUUID()}@example.com`;
  const minted = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ email, name: 'Ada Lovelace' }),
  }).then((r) => r.json());
  if (points) {
    const res = await fetch(`${endpoint}/admin/v1/points/adjustments`, {
      method: 'POST',
      headers: ADMIN,
      body: JSON.stringify({ email, points, reason: 'mini-cart test' }),
    });
    expect(res.status).to.be.lessThan(300);
  }
  await client.auth.signInWithToken(minted.token);
  await until(() => client.points.$summary.get() !== null, 'points summary');
  return email;
}
