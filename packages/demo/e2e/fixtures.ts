import { randomUUID } from 'node:crypto';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { apiUrl, demoUrl } from './env.js';

/**
 * `test` with a guard on every browser context: a Content-Security-Policy violation or an
 * uncaught page error fails the test (the demo runs under a CSP without 'unsafe-inline').
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: Page) => {
        page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      context.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
      });
      await use(problems);
      expect(problems, 'CSP violations or uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** An admin API call with the Aurora secret key (as a brand's server would make it). */
export async function admin<T = any>(
  path: string,
  init: { method?: string; body?: unknown; key?: string } = {},
): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      Authorization: `Bearer ${init.key ?? 'sk_test_aurora'}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Takes the e2e API down (`up: false`) or brings it back on the same port and database. */
export async function setApi(up: boolean): Promise<void> {
  const response = await fetch(`${demoUrl}/__e2e/api/${up ? 'start' : 'stop'}`, { method: 'POST' });
  expect(await response.json()).toEqual({ up });
}

/**
 * Serves `html` at /__e2e/pages/<name> on the demo's origin (an allowed origin of the stores,
 * the widgets' CDN folder beside it, the demo's CSP): a page made by the test, such as a post
 * with a pasted snippet. Returns its path.
 */
export async function servePage(name: string, html: string): Promise<string> {
  const path = `/__e2e/pages/${name}`;
  const response = await fetch(`${demoUrl}${path}`, { method: 'PUT', body: html });
  expect(response.status).toBe(204);
  return path;
}

/** A new shopper's sign-up details. */
export function newShopper(name = 'Elin Berg') {
  return { name, email: `shopper-${randomUUID()}@example.test`, password: 'correct horse battery' };
}

export const card = (scope: Page | Locator, handle: string) =>
  scope.locator(`kiosk-product-card[product="${handle}"]`).first();

/** Clicks a card's add-to-cart button and waits for its confirmation. */
export async function addToCart(scope: Page | Locator, handle: string): Promise<void> {
  const c = card(scope, handle);
  await expect(c).toHaveAttribute('state', 'ready');
  await c.locator('[part=button]').click();
  await expect(c.locator('[part=status]')).toContainText('Added to your cart');
}

/**
 * Does `action` in a popup that closes itself once it is done (a sign-in handing its result
 * back) and returns when it has closed. The listener is in place before the action: the popup
 * can close before the action's own promise settles, and a close already past is never
 * reported again.
 */
export async function closesAfter(popup: Page, action: () => Promise<unknown>): Promise<void> {
  const closed = popup.waitForEvent('close');
  await action().catch((error: Error) => {
    if (!popup.isClosed()) throw error;
  });
  await closed;
}

/**
 * Signs up on the hosted page that the login button opens in a popup: "create an account",
 * name, email, password, submit. Returns when the popup has handed the result back.
 */
export async function signUpInPopup(
  page: Page,
  open: () => Promise<void>,
  shopper: { name: string; email: string; password: string },
): Promise<void> {
  const popupPromise = page.waitForEvent('popup');
  await open();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  await popup.getByRole('link', { name: /create an account/i }).click();
  await popup.getByLabel('Name', { exact: true }).fill(shopper.name);
  await popup.getByLabel('Email').fill(shopper.email);
  await popup.getByLabel('Password').fill(shopper.password);
  await closesAfter(popup, () => popup.getByRole('button', { name: 'Create account' }).click());
}
