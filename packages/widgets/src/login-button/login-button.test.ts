import { KioskError } from '@kiosk/sdk';
import { expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { apiRequests, until } from '../../test/helpers.js';
import { $, button, focused, isOpen, mint, signedIn, text } from '../../test/login-button.js';
import { client, freshClient } from '../../test/shopper.js';
import type { KioskLoginEvent } from '../events/login.js';
import { initialsOf } from './initials.js';

/** A button's name from its content: the text of its children not hidden from assistive tech. */
const nameOf = (el: Element) =>
  [...el.children]
    .filter((c) => !c.hasAttribute('aria-hidden'))
    .map((c) => c.textContent)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('<kiosk-login-button>', () => {
  beforeEach(() => {
    freshClient();
  });
  afterEach(() => resetMouse());

  it('shows "Sign in" when signed out', async () => {
    const el = await button();
    expect(el.getAttribute('state')).to.equal('signed-out');
    expect(el.getAttribute('mode')).to.equal('popup');
    const signIn = $<HTMLButtonElement>(el, '[part~=sign-in]');
    expect(signIn.textContent!.trim()).to.equal('Sign in');
    expect($(el, '[role=status]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('signs in (single sign-on): one menu button with initials and balance, and kiosk-login', async () => {
    const el = await button();
    const box = el.getBoundingClientRect();
    const { email, token } = await mint('Grace Hopper', 1200);
    const login = oneEvent(el, 'kiosk-login') as Promise<KioskLoginEvent>;
    await client.auth.signInWithToken(token);
    const event = await login;
    expect(event.detail.customer.email).to.equal(email);
    expect(event.detail.customer.name).to.equal('Grace Hopper');
    expect(event.bubbles && event.composed).to.equal(true);
    await until(() => text(el, '[part=balance]') === '1,200', 'balance shown');
    expect(el.getAttribute('state')).to.equal('signed-in');
    const trigger = $(el, '[part~=trigger]');
    expect(text(el, '[part=avatar]')).to.equal('GH');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    // Its name comes from its content: the initials are decoration, the balance is in words.
    expect(nameOf(trigger)).to.equal('Grace Hopper, 1,200 points');
    // The same box as "Sign in" had: nothing around the button moves.
    const after = el.getBoundingClientRect();
    expect([after.width, after.height]).to.deep.equal([box.width, box.height]);
    expect(isOpen(el)).to.equal(false);
    expect(text(el, '[role=status]')).to.equal('Signed in as Grace Hopper.');
    await expect(el).to.be.accessible();
    // The details are in the menu.
    trigger.click();
    await until(() => isOpen(el), 'menu open');
    expect($(el, `#${trigger.getAttribute('aria-controls')}`).getAttribute('role')).to.equal(
      'menu',
    );
    expect(text(el, '[part=name]')).to.equal('Grace Hopper');
    expect(text(el, '[part=points]')).to.equal('1,200 points');
    expect(text(el, '[part=tier]')).to.equal('Silver tier');
    await expect(el).to.be.accessible();
  });

  it('opens its menu from the keyboard: tier progress, points history loaded on open, Escape returns focus', async () => {
    const el = await signedIn('Ada Lovelace', 1200);
    const historyRequests = () => apiRequests('/v1/points/history').length;
    const before = historyRequests();
    $<HTMLButtonElement>(el, '[part~=trigger]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => isOpen(el), 'menu open');
    expect($(el, '[part~=trigger]').getAttribute('aria-expanded')).to.equal('true');
    await until(() => focused(el)?.getAttribute('role') === 'menuitem', 'first item focused');
    expect(
      [...el.shadowRoot!.querySelectorAll('[role=menuitem]')].map((i) => i.textContent!.trim()),
    ).to.deep.equal(['Membership', 'Notifications', 'Passkeys', 'Orders', 'Sign out']);
    expect(text(el, '[part=progress]')).to.equal('800 points to Gold');
    const bar = $<HTMLProgressElement>(el, '[part=progress] progress');
    expect([bar.value, bar.max]).to.deep.equal([1200, 2000]);
    await until(() => historyRequests() > before, 'history asked for when the menu opened');
    await until(() => !!$(el, '[part=history-entry]'), 'history shown');
    expect(text(el, '[part=history-entry] .what')).to.equal('Welcome gift');
    expect(text(el, '[part=history-entry] .delta')).to.equal('+1,200');
    await expect(el).to.be.accessible();

    // Arrow keys stay on the menu's items (wrapping), Escape closes and returns to the button.
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.getAttribute('role')).to.equal('menuitem');
    await sendKeys({ press: 'End' });
    expect(focused(el)?.getAttribute('role')).to.equal('menuitem');
    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(el), 'closed');
    expect(focused(el)).to.equal($(el, '[part~=trigger]'));
    expect($(el, '[part~=trigger]').getAttribute('aria-expanded')).to.equal('false');

    // ArrowUp opens on the last item; Tab closes and leaves the menu.
    await sendKeys({ press: 'ArrowUp' });
    await until(() => isOpen(el) && focused(el)?.getAttribute('role') === 'menuitem', 'reopened');
    await sendKeys({ press: 'Tab' });
    await until(() => !isOpen(el), 'closed by Tab');
  });

  it('opens on click and closes on a click outside', async () => {
    const el = await signedIn('Alan Kay', 40);
    const r = $(el, '[part~=trigger]').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.x + 10), Math.round(r.y + 10)] });
    await until(() => isOpen(el), 'opened by click');
    await until(() => $(el, '[part=menu]').dataset.floating === 'placed', 'placed');
    const panel = $(el, '[part=menu]').getBoundingClientRect();
    expect(panel.top).to.be.greaterThan(r.bottom - 1);
    expect(Math.abs(panel.right - r.right)).to.be.lessThan(2, 'aligned to the button’s end');
    await sendMouse({ type: 'click', position: [5, Math.round(panel.bottom + 40)] });
    await until(() => !isOpen(el), 'closed by a click outside');
  });

  it('signs out from the menu with the keyboard, fires kiosk-logout and focuses "Sign in"', async () => {
    const el = await signedIn('Alan Turing', 10);
    const logout = oneEvent(el, 'kiosk-logout');
    $<HTMLButtonElement>(el, '[part~=trigger]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.getAttribute('role') === 'menuitem', 'in the menu');
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal($(el, '[part~=sign-out]'));
    await sendKeys({ press: 'Enter' });
    await logout;
    await until(() => el.loginState === 'signed-out', 'signed out');
    await el.updateComplete;
    expect(client.auth.$session.get()).to.equal(null);
    expect(isOpen(el)).to.equal(false);
    expect(text(el, '[part~=sign-in]')).to.equal('Sign in');
    await until(() => focused(el) === $(el, '[part~=sign-in]'), 'focus on Sign in');
    expect(text(el, '[role=status]')).to.equal('You’re signed out.');
    await expect(el).to.be.accessible();
  });

  it('passes provider= to login(), to go straight to that identity provider', async () => {
    const el = await button('provider=google');
    const calls: unknown[] = [];
    client.auth.login = (options = {}) => {
      calls.push(options);
      return new Promise(() => {});
    };
    $<HTMLButtonElement>(el, '[part~=sign-in]').click();
    expect(calls).to.deep.equal([{ mode: 'popup', locale: 'en', provider: 'google' }]);
  });

  it('starts login from the click itself (no await first), shows pending, then a polite error', async () => {
    const el = await button('mode=redirect');
    const box = el.getBoundingClientRect();
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
    // The message floats under the button: the element keeps its box.
    const after = el.getBoundingClientRect();
    expect([after.width, after.height]).to.deep.equal([box.width, box.height]);
    expect(status.getBoundingClientRect().top).to.be.at.least(after.bottom);
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('is translated: Arabic (RTL, menu at the left end) and Russian plurals', async () => {
    const el = await signedIn('Ibn Sina', 3, 'locale=ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(text(el, '[part=balance]')).to.equal(new Intl.NumberFormat('ar').format(3));
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => $(el, '[part=menu]')?.dataset.floating === 'placed', 'placed');
    expect(text(el, '[part~=sign-out]')).to.equal('تسجيل الخروج');
    expect(text(el, '[part=points]')).to.equal(`${new Intl.NumberFormat('ar').format(3)} نقاط`);
    const r = $(el, '[part~=trigger]').getBoundingClientRect();
    const panel = $(el, '[part=menu]').getBoundingClientRect();
    expect(Math.abs(panel.left - r.left)).to.be.lessThan(2, 'RTL: aligned to the button’s left');
    expect(getComputedStyle($(el, '[part=menu]')).direction).to.equal('rtl');
    await until(() => !!$(el, '[part=history-entry]'), 'history');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    el.setAttribute('locale', 'ru');
    await until(() => text(el, '[part=points]') === '3 балла', 'Russian few');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(text(el, '[part~=sign-out]')).to.equal('Выйти');
    expect(text(el, '[part=progress]')).to.equal('До уровня Silver: 497 баллов');
  });

  it('keeps a large balance short on the button and whole in its name', async () => {
    const el = await signedIn('Kofi Annan', 123_456);
    expect(text(el, '[part=balance]')).to.equal('123.5K');
    expect(nameOf($(el, '[part~=trigger]'))).to.equal('Kofi Annan, 123,456 points');
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => isOpen(el), 'menu open');
    expect(text(el, '[part=progress]')).to.equal('You’re in the top tier');
  });

  it('makes initials from the first and last words', () => {
    expect(initialsOf('Grace Brewster Murray Hopper')).to.equal('GH');
    expect(initialsOf('  élodie  ')).to.equal('É');
    expect(initialsOf('张伟')).to.equal('张');
    expect(initialsOf('𝓐da Lovelace')).to.equal('𝓐L');
    expect(initialsOf('')).to.equal('?');
  });
});
