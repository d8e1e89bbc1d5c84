import { createClient, type KioskClient, KioskError } from '@kiosk/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import { configure } from '../config.js';
import type { KioskLoginEvent } from '../events/login.js';
import './define.js';
import type { KioskLoginButton } from './login-button.js';

const ADMIN = { authorization: 'Bearer sk_test_aurora', 'content-type': 'application/json' };

let client: KioskClient;
function freshClient() {
  client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
  configure({ client });
  return client;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: Element, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();

/** A single sign-on token for a new customer, minted with the store's secret key. */
async function mint(name: string, points = 0) {
  const email = `login-${crypto.randomUUID()}@example.com`;
  const { token } = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ email, name }),
  }).then((r) => r.json());
  if (points) {
    await fetch(`${endpoint}/admin/v1/points/adjustments`, {
      method: 'POST',
      headers: ADMIN,
      body: JSON.stringify({ email, points, reason: 'login-button test' }),
    });
  }
  return { email, token: token as string };
}

async function button(attrs = '') {
  const el = await fixture<KioskLoginButton>(html`<kiosk-login-button></kiosk-login-button>`);
  for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  await until(() => el.loginState === 'signed-out' || el.loginState === 'signed-in', 'settled');
  await el.updateComplete;
  return el;
}

describe('<kiosk-login-button>', () => {
  beforeEach(() => {
    freshClient();
  });

  it('shows "Sign in" when signed out', async () => {
    const el = await button();
    expect(el.getAttribute('state')).to.equal('signed-out');
    expect(el.getAttribute('mode')).to.equal('popup');
    const signIn = $<HTMLButtonElement>(el, '[part~=sign-in]');
    expect(signIn.textContent!.trim()).to.equal('Sign in');
    expect($(el, '[role=status]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('signs in (single sign-on): name, points balance and tier, and kiosk-login', async () => {
    const el = await button();
    const { email, token } = await mint('Grace Hopper', 1200);
    const login = oneEvent(el, 'kiosk-login') as Promise<KioskLoginEvent>;
    await client.auth.signInWithToken(token);
    const event = await login;
    expect(event.detail.customer.email).to.equal(email);
    expect(event.detail.customer.name).to.equal('Grace Hopper');
    expect(event.bubbles && event.composed).to.equal(true);
    await until(() => !!$(el, '[part=points]'), 'points shown');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('signed-in');
    expect(text(el, '[part=name]')).to.equal('Grace Hopper');
    expect(text(el, '[part=points]')).to.equal('1,200 points');
    expect(text(el, '[part=tier]')).to.equal('Silver tier');
    expect(text(el, '[part=avatar]')).to.equal('G');
    expect($(el, '[part=account]').getAttribute('aria-label')).to.equal('Your account');
    expect(text(el, '[part~=sign-out]')).to.equal('Sign out');
    expect(text(el, '[role=status]')).to.equal('Signed in as Grace Hopper.');
    await expect(el).to.be.accessible();
  });

  it('signs out with the keyboard and fires kiosk-logout', async () => {
    const { token } = await mint('Alan Turing');
    await client.auth.signInWithToken(token);
    const el = await button();
    expect(el.getAttribute('state')).to.equal('signed-in');
    const logout = oneEvent(el, 'kiosk-logout');
    $<HTMLButtonElement>(el, '[part~=sign-out]').focus();
    await sendKeys({ press: 'Enter' });
    await logout;
    await until(() => el.loginState === 'signed-out', 'signed out');
    await el.updateComplete;
    expect(client.auth.$session.get()).to.equal(null);
    expect(text(el, '[part~=sign-in]')).to.equal('Sign in');
    expect(text(el, '[role=status]')).to.equal('You’re signed out.');
    await expect(el).to.be.accessible();
  });

  it('starts login from the click itself (no await first), shows pending, then a polite error', async () => {
    const el = await button('mode=redirect');
    const calls: { mode?: string; locale?: string }[] = [];
    let reject!: (e: unknown) => void;
    // The popup flow itself is tested in the SDK's browser tests: here, the element's side.
    client.auth.login = (options = {}) => {
      calls.push(options);
      return new Promise((_, r) => {
        reject = r;
      });
    };
    const errors: Event[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e));
    $<HTMLButtonElement>(el, '[part~=sign-in]').click();
    // In the element's language, so the hosted page speaks it too.
    expect(calls, 'login() called synchronously in the click handler').to.deep.equal([
      { mode: 'redirect', locale: 'en' },
    ]);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('signing-in');
    expect(text(el, '[part~=sign-in]')).to.equal('Signing in…');
    expect($(el, '[part~=sign-in]').getAttribute('aria-disabled')).to.equal('true');
    $<HTMLButtonElement>(el, '[part~=sign-in]').click();
    expect(calls, 'no second login while one is pending').to.have.length(1);

    reject(new KioskError({ code: 'login_cancelled', message: 'Sign-in was not completed.' }));
    await until(() => el.loginState === 'signed-out', 'back to signed out');
    await el.updateComplete;
    const status = $(el, '[role=status]');
    expect(status.textContent!.trim()).to.equal('Sign-in was cancelled.');
    expect(status.classList.contains('error')).to.equal(true);
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('is translated: Arabic (RTL) and Russian plurals', async () => {
    const { token } = await mint('Ibn Sina', 3);
    const el = await button('locale=ar');
    await until(() => text(el, '[part~=sign-in]') === 'تسجيل الدخول', 'Arabic');
    expect(el.getAttribute('dir')).to.equal('rtl');
    await client.auth.signInWithToken(token);
    await until(() => !!$(el, '[part=points]'), 'points');
    expect(text(el, '[part~=sign-out]')).to.equal('تسجيل الخروج');
    expect(text(el, '[part=points]')).to.equal(`${new Intl.NumberFormat('ar').format(3)} نقاط`);
    await expect(el).to.be.accessible();
    el.setAttribute('locale', 'ru');
    await until(() => text(el, '[part=points]') === '3 балла', 'Russian few');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(text(el, '[part~=sign-out]')).to.equal('Выйти');
  });
});
