import { beforeAll } from 'vitest';
import { sharedDatabase, type TestApp } from './harness.js';

export const MINUTE = 60_000;

/**
 * For files whose tests make their apps themselves (with their own limits): opens the
 * database up front, under the hook timeout, as useTestApp() would.
 */
export function openDatabaseFirst() {
  beforeAll(() => sharedDatabase());
}

export function createCart(
  app: TestApp,
  pk: string,
  ip: string,
  headers: Record<string, string> = {},
) {
  return app.request('/v1/carts', { method: 'POST', body: {}, key: pk, ip, headers });
}
