// What the <kiosk-review-list> tests share (src/review-list/*.test.ts): a client on the test
// server, signing a shopper in, and reading the element's shadow DOM.
import { createClient, type KioskClient } from '@kiosk/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../src/config.js';
import '../src/review-list/define.js';
import type { KioskReviewList } from '../src/review-list/review-list.js';
import { endpoint, until } from './helpers.js';

export const TEE = 'aurora-classic-tee';

/** The running test's client: `freshClient()` makes it and configures the elements with it. */
export let client: KioskClient;
export function freshClient(
  options: Partial<Parameters<typeof createClient>[0]> = {},
): KioskClient {
  client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null, ...options });
  configure({ client });
  return client;
}

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

export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];
export const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim();
export const articles = (el: Element) => $$<HTMLElement>(el, 'article[part=review]');

export async function list(attrs: Record<string, string> = {}, product = TEE) {
  const el = await fixture<KioskReviewList>(
    html`<kiosk-review-list product=${product}></kiosk-review-list>`,
  );
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

export async function loaded(el: KioskReviewList) {
  await until(() => el.listState !== 'loading', 'list loaded');
  await el.updateComplete;
}
