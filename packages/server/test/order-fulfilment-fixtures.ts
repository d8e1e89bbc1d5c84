import { expect } from 'vitest';
import { createTestCustomer, type TestApp, type TestCustomer, type TestStore } from './harness.js';

/** A checked-out order of `lines` (variant, quantity), for a customer or a guest. */
export async function placeOrder(
  t: TestApp,
  s: TestStore,
  lines: { variantId: string; quantity: number }[],
  options: { customer?: TestCustomer; currency?: string; points?: number } = {},
): Promise<string> {
  const auth = { key: s.pk, ...(options.customer ? { token: options.customer.token } : {}) };
  const cart = await t.request('/v1/carts', {
    ...auth,
    body: options.currency ? { currency: options.currency } : {},
  });
  expect([200, 201]).toContain(cart.status);
  for (const line of lines) {
    const res = await t.request(`/v1/carts/${cart.body.id}/lines`, { ...auth, body: line });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  if (options.points) {
    const res = await t.request(`/v1/carts/${cart.body.id}/points`, {
      ...auth,
      method: 'PUT',
      body: { points: options.points },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const order = await t.request(`/v1/carts/${cart.body.id}/checkout`, { ...auth, body: {} });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  return order.body.orderId as string;
}

/** An order placed and marked paid by the admin. */
export async function paidOrder(
  t: TestApp,
  s: TestStore,
  lines: { variantId: string; quantity: number }[],
  options: Parameters<typeof placeOrder>[3] = {},
): Promise<string> {
  const id = await placeOrder(t, s, lines, options);
  const paid = await t.request(`/admin/v1/orders/${id}/mark-paid`, { method: 'POST', token: s.sk });
  expect(paid.status).toBe(200);
  return id;
}

/** A customer with `points` granted by the admin. */
export async function customerWithPoints(t: TestApp, s: TestStore, points: number) {
  const customer = await createTestCustomer(t, s.store);
  const res = await t.request('/admin/v1/points/adjustments', {
    token: s.sk,
    body: { email: customer.email, points, reason: 'Gift' },
  });
  expect(res.status).toBe(201);
  return customer;
}

export const admin = (t: TestApp, s: TestStore, path: string, body?: unknown) =>
  t.request(`/admin/v1/orders/${path}`, { method: 'POST', token: s.sk, body: body ?? {} });
