// What the <kiosk-login-button> tests share (src/login-button/*.test.ts): the button in a
// header row, a new customer signed in on it, and reading its shadow DOM. Their client is
// shopper.ts's.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/login-button/define.js';
import type { KioskErrorEvent } from '../src/events/error.js';
import type { ViewName } from '../src/login-button/account-panel.js';
import type { KioskLoginButton } from '../src/login-button/login-button.js';
import { endpoint, until } from './helpers.js';
import { ADMIN, client } from './shopper.js';

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const text = (el: Element, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();
export const isOpen = (el: KioskLoginButton) => !!$(el, '[part=menu]')?.matches(':popover-open');
export const focused = (el: KioskLoginButton) => el.shadowRoot!.activeElement;

/** An address no other test uses. */
export const newEmail = () => `login-${crypto.randomUUID()}@example.com`;

/** A single sign-on token for a customer (new, unless `email` is theirs), minted with the store's secret key. */
export async function mint(name: string, points = 0, email = newEmail()) {
  const { token } = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ email, name }),
  }).then((r) => r.json());
  if (points) {
    await fetch(`${endpoint}/admin/v1/points/adjustments`, {
      method: 'POST',
      headers: ADMIN,
      body: JSON.stringify({ email, points, reason: 'Welcome gift' }),
    });
  }
  return { email, token: token as string };
}

/** The button at the inline end of a row, as in a site's header (left in a right-to-left row). */
export async function button(attrs = '') {
  const params = new URLSearchParams(attrs);
  const row = await fixture<HTMLElement>(
    html`<div style="display:flex;justify-content:flex-end" dir=${params.get('locale') === 'ar' ? 'rtl' : 'ltr'}>
      <kiosk-login-button></kiosk-login-button>
    </div>`,
  );
  const el = row.querySelector('kiosk-login-button')!;
  for (const [k, v] of params) el.setAttribute(k, v);
  await until(() => el.loginState === 'signed-out' || el.loginState === 'signed-in', 'settled');
  await el.updateComplete;
  return el;
}

/** Signed in as a customer with `points` (new, unless `email` is theirs), the balance shown on the menu button. */
export async function signedIn(name: string, points: number, attrs = '', email = newEmail()) {
  const { token } = await mint(name, points, email);
  await client.auth.signInWithToken(token);
  const el = await button(attrs);
  await until(() => !!$(el, '[part=balance]') && !$(el, '[part=balance] .placeholder'), 'balance');
  return el;
}

/**
 * The open menu's panel lies within a viewport `width` wide, with no sideways scrolling, and
 * nothing of the view in it (`part=<view>`) sticks out of it: a narrow phone, long strings.
 */
export async function expectFitsInMenu(el: KioskLoginButton, view: string, width: number) {
  await until(() => $(el, '[part=menu]').dataset.floating === 'placed', 'placed');
  const panel = $(el, '[part=menu]');
  expect(panel.scrollWidth).to.be.at.most(panel.clientWidth, 'no sideways scrolling');
  const box = panel.getBoundingClientRect();
  expect(box.left).to.be.at.least(0);
  expect(box.right).to.be.at.most(width);
  for (const part of $(el, `[part=${view}]`).querySelectorAll<HTMLElement>('*')) {
    const r = part.getBoundingClientRect();
    if (!r.width) continue;
    expect(r.left, part.className).to.be.at.least(box.left);
    expect(r.right, part.className).to.be.at.most(box.right);
  }
}

/** Shown: there and not `display: none` (a menu view takes the menu's place by hiding it). */
export const shown = (el: Element) => !!el && getComputedStyle(el).display !== 'none';

/**
 * One of the account menu's views loaded on request (`menu-view.ts`): the menu item `item`
 * opens the element `part=<item>-view`, whose code is the module `module` (a chunk of its own).
 */
export function menuView(item: ViewName, module: string) {
  const view = (el: KioskLoginButton) => $(el, `[part=${item}-view]`);
  const loaded = (el: KioskLoginButton) => !!view(el) && !view(el).querySelector('[aria-busy]');
  return {
    view,
    loaded,
    /** Whether the page has asked for the view's code yet. */
    requested: () => performance.getEntriesByType('resource').some((r) => r.name.includes(module)),
    /** Opens the menu with a click and the view with another; resolves once its list is in. */
    async open(el: KioskLoginButton) {
      $<HTMLButtonElement>(el, '[part~=trigger]').click();
      await until(() => isOpen(el), 'menu open');
      $<HTMLButtonElement>(el, `[part~=${item}]`).click();
      await until(() => loaded(el), `${item} view`);
      await el.updateComplete;
    },
  };
}

/**
 * A view whose code (`codeGlob`, failed by the `kiosk-route` command) cannot load: the menu
 * says `message` in its status line, reports a network error, stays open with no half-made
 * view; once the code can load, the same item opens the view.
 */
export async function expectViewLoadsOnceOnline(
  el: KioskLoginButton,
  item: ViewName,
  codeGlob: string,
  message: string,
) {
  const errors: KioskErrorEvent[] = [];
  el.addEventListener('kiosk-error', (e) => errors.push(e as KioskErrorEvent));
  await executeServerCommand('kiosk-route', { glob: codeGlob, mode: 'fail' });
  $<HTMLButtonElement>(el, '[part~=trigger]').click();
  await until(() => isOpen(el), 'menu open');
  $<HTMLButtonElement>(el, `[part~=${item}]`).click();

  await until(() => !!text(el, '[part=status]'), 'the error, said');
  expect(text(el, '[part=status]')).to.equal(message);
  expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['network_error']);
  expect($(el, `[part=${item}-view]`), 'no half-made view').to.equal(null);
  expect(isOpen(el), 'the menu stays').to.equal(true);

  await executeServerCommand('kiosk-route', { glob: codeGlob, mode: 'pass' });
  $<HTMLButtonElement>(el, `[part~=${item}]`).click();
  await until(() => !!$(el, `[part=${item}-view]`), 'the view, once online');
  await expect(el).to.be.accessible();
}
