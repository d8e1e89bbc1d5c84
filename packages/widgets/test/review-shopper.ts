// The review list tests' shopper (src/review-list/*.test.ts): a client on the test server,
// and signing a customer in on it.
import type { KioskClient } from '@kiosk/sdk';
import { expect } from '@open-wc/testing';
import { endpoint } from './helpers.js';

// The same running client as the cart and card tests'.
export { client, freshClient } from './shopper.js';

let emails = 0;
/**
 * Signs a customer in with a single sign-on token minted by the admin API: a new one, or the
 * one with `email` again. Returns the email.
 */
export async function signIn(
  c: KioskClient,
  {
    name = 'Rita Reviewer',
    email = `review-list-${Date.now()}-${++emails}@example.com`,
    secretKey = 'sk_test_aurora',
  } = {},
) {
  const res = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${secretKey}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ email, name }),
  });
  expect(res.status).to.equal(201);
  const { token } = (await res.json()) as { token: string };
  await c.auth.signInWithToken(token);
  return email;
}
