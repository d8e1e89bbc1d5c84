import type { Passkey } from '@kiosk/sdk';
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import {
  $,
  expectFitsInMenu,
  focused,
  isOpen,
  menuView,
  newEmail,
  shown,
  signedIn,
  text,
} from '../../test/login-button.js';
import { client, freshClient } from '../../test/shopper.js';

/**
 * A new customer who added a passkey on the hosted sign-in page, in this browser (its user
 * agent names it), and signed in with it once when `use`: the test server's `kiosk-passkey`.
 */
async function withPasskey(name: string, { use = false, attrs = '' } = {}) {
  const email = newEmail();
  await executeServerCommand('kiosk-passkey', {
    storeKey: 'pk_test_aurora',
    email,
    name,
    userAgent: navigator.userAgent,
    use,
  });
  return signedIn(name, 0, attrs, email);
}

const {
  view,
  loaded,
  requested: viewRequested,
  open: openPasskeys,
} = menuView('passkeys', 'passkeys-view');

describe('<kiosk-login-button> passkeys', () => {
  beforeEach(() => {
    freshClient();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists the passkeys in a view of the menu, loaded when first opened; keyboard in and out', async () => {
    const el = await withPasskey('Ada Lovelace', { use: true });
    const [passkey] = (await client.auth.passkeys()) as [Passkey];
    $<HTMLButtonElement>(el, '[part~=trigger]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => isOpen(el), 'menu open');
    await until(() => focused(el) === $(el, '[part~=membership]'), 'on the first item');
    await sendKeys({ press: 'ArrowDown' }); // past "Membership"
    await sendKeys({ press: 'ArrowDown' }); // and "Notifications"
    expect(focused(el), '"Passkeys" is the third item').to.equal($(el, '[part~=passkeys]'));
    expect($(el, '[part~=passkeys]').getAttribute('aria-haspopup')).to.equal('dialog');
    expect(viewRequested(), 'the view’s code waits until asked for').to.equal(false);

    await sendKeys({ press: 'Enter' });
    await until(() => loaded(el), 'view with its list');
    expect(viewRequested()).to.equal(true);
    await until(() => focused(el) === $(el, '[part=back]'), 'focus on Back');
    expect(view(el).getAttribute('role')).to.equal('dialog');
    expect(text(el, '#passkeys-title')).to.equal('Passkeys');
    expect(shown($(el, '[role=menu]'))).to.equal(false, 'the view takes the menu’s place');
    const items = view(el).querySelectorAll('[part=passkey]');
    expect(items).to.have.length(1);
    expect(text(el, '[part=passkey] .item-name')).to.equal('Chrome on Linux');
    const added = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      new Date(passkey.createdAt),
    );
    const lines = [...items[0]!.querySelectorAll('.muted')].map((s) => s.textContent!.trim());
    expect(lines[0]).to.equal(`Added ${added}`);
    expect(passkey.lastUsedAt).to.be.a('string');
    expect(lines[1]).to.match(/^Last used (now|\d+ seconds? ago|1 minute ago)$/);
    expect(text(el, '[part=passkey-remove]')).to.equal('Remove');
    await expect(el).to.be.accessible();

    // Tab moves within the view; Escape goes back to the menu, on "Passkeys".
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part=passkey-remove]'));
    await sendKeys({ press: 'Escape' });
    await until(() => focused(el) === $(el, '[part~=passkeys]'), 'back on "Passkeys"');
    expect(isOpen(el)).to.equal(true);
    expect(view(el)).to.equal(null);
    expect(shown($(el, '[role=menu]'))).to.equal(true);

    // Again, and out with the Back button; the menu's keys work as before.
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === $(el, '[part=back]'), 'view again');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === $(el, '[part~=passkeys]'), 'Back returns to "Passkeys"');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal($(el, '[part~=orders]'));
    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(el), 'closed');
    expect(focused(el)).to.equal($(el, '[part~=trigger]'));

    // Reopened, the menu shows the menu, not the view it was last on.
    await sendKeys({ press: 'ArrowDown' });
    await until(() => isOpen(el), 'reopened');
    expect(view(el)).to.equal(null);
  });

  it('removes a passkey on a second press ("Yes, remove"), and the server forgets it', async () => {
    const el = await withPasskey('Grace Hopper');
    await openPasskeys(el);
    expect(text(el, '[part=passkey] .muted:nth-of-type(3)')).to.equal('Not used yet');
    const remove = $<HTMLButtonElement>(el, '[part=passkey-remove]');
    expect(text(el, `#${remove.getAttribute('aria-describedby')}`)).to.equal('Chrome on Linux');

    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(remove.textContent!.trim()).to.equal('Yes, remove');
    expect(focused(el)).to.equal(remove);
    const question = 'Remove this passkey? You won’t be able to sign in with it any more.';
    expect(text(el, `#${remove.getAttribute('aria-describedby')}`)).to.equal(question);
    expect(text(el, '[part=passkeys-status]')).to.equal(question);
    expect(text(el, '[part=passkey-cancel]')).to.equal('Cancel');
    await expect(el).to.be.accessible();
    // Escape takes the question back, and stays in the view.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(remove.textContent!.trim()).to.equal('Remove');
    expect($(el, '[part=passkey-cancel]')).to.equal(null);
    expect((await client.auth.passkeys()).length).to.equal(1);

    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    const empty = 'No passkeys yet. You’ll be offered one the next time you sign in.';
    await until(() => text(el, '[part=passkeys-view] .note') === empty, 'empty state');
    expect(text(el, '[part=passkeys-status]')).to.equal('Passkey removed: Chrome on Linux.');
    await until(() => focused(el) === $(el, '[part=back]'), 'focus on Back, the row gone');
    expect(await client.auth.passkeys()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says so when there are none yet', async () => {
    const el = await signedIn('Alan Kay', 0);
    await openPasskeys(el);
    expect(view(el).querySelector('[part=passkey-list]')).to.equal(null);
    expect(text(el, '[part=passkeys-view] .note')).to.equal(
      'No passkeys yet. You’ll be offered one the next time you sign in.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows a translated error with "Try again" while the list can’t load, and recovers', async () => {
    // "Down" = the passkeys route goes to a port nobody listens on (a real connection failure
    // in Chromium); everything else reaches the real server.
    let down = true;
    freshClient({
      fetch: (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        const cut = down && url.includes('/v1/customers/me/passkeys');
        return fetch(cut ? url.replace(endpoint, 'http://127.0.0.1:9') : url, init);
      },
    });
    const el = await withPasskey('Edsger Dijkstra', { attrs: 'locale=fr' });
    const errors: Event[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e));
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => isOpen(el), 'menu open');
    $<HTMLButtonElement>(el, '[part~=passkeys]').click();
    await until(() => !!$(el, '[part=retry]'), 'error state');
    await el.updateComplete;
    expect(text(el, '[part=passkeys-view] .note.error')).to.equal(
      'Impossible de joindre la boutique pour le moment. Vérifiez votre connexion et réessayez.',
    );
    expect(text(el, '[part=retry]')).to.equal('Réessayer');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
    down = false;
    $<HTMLButtonElement>(el, '[part=retry]').click();
    await until(() => !!$(el, '[part=passkey]'), 'list after Try again');
    expect(text(el, '[part=passkey-remove]')).to.equal('Supprimer');
    expect($(el, '[part=retry]')).to.equal(null);

    // Removing fails the same way: said so, and the passkey stays (here and on the server).
    down = true;
    $<HTMLButtonElement>(el, '[part=passkey-remove]').click();
    await until(() => text(el, '[part=passkey-remove]') === 'Oui, supprimer', 'asking');
    $<HTMLButtonElement>(el, '[part=passkey-remove]').click();
    await until(() => errors.length === 2, 'kiosk-error');
    await el.updateComplete;
    expect(text(el, '[part=passkeys-status]')).to.equal(
      'Impossible de joindre la boutique pour le moment. Vérifiez votre connexion et réessayez.',
    );
    expect($(el, '[part=passkeys-status]').classList.contains('error')).to.equal(true);
    expect(text(el, '[part=passkey-remove]')).to.equal('Supprimer');
    down = false;
    expect(await client.auth.passkeys()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('takes a passkey removed meanwhile (another tab) as removed', async () => {
    const el = await withPasskey('Barbara Liskov');
    await openPasskeys(el);
    const [passkey] = (await client.auth.passkeys()) as [Passkey];
    await client.auth.removePasskey(passkey.id);
    const errors: Event[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e));
    $<HTMLButtonElement>(el, '[part=passkey-remove]').click();
    await until(() => !!$(el, '[part=passkey-cancel]'), 'asking');
    $<HTMLButtonElement>(el, '[part=passkey-remove]').click();
    await until(() => !$(el, '[part=passkey]'), 'gone from the list');
    expect(text(el, '[part=passkeys-status]')).to.equal('Passkey removed: Chrome on Linux.');
    expect(errors).to.have.length(0);
  });

  it('reads right to left in Arabic', async () => {
    const el = await withPasskey('Ibn Sina', { attrs: 'locale=ar' });
    await openPasskeys(el);
    expect(text(el, '#passkeys-title')).to.equal('مفاتيح المرور');
    expect(text(el, '[part=back]')).to.equal('رجوع');
    expect(getComputedStyle(view(el)).direction).to.equal('rtl');
    expect(text(el, '[part=passkey] .muted')).to.match(/^أُضيف في /);
    expect(text(el, '[part=passkey-remove]')).to.equal('إزالة');
    // The Back button is at the inline start: the right.
    const back = $(el, '[part=back]').getBoundingClientRect();
    const title = $(el, '#passkeys-title').getBoundingClientRect();
    expect(back.left).to.be.greaterThan(title.left);
    await expect(el).to.be.accessible();
  });

  it('fits German, the longest strings, in a 390px wide menu', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await withPasskey('Maria Sibylla Merian', { attrs: 'locale=de' });
    await openPasskeys(el);
    $<HTMLButtonElement>(el, '[part=passkey-remove]').click();
    await until(() => !!$(el, '[part=passkey-cancel]'), 'asking');
    expect(text(el, '[part=passkey-remove]')).to.equal('Ja, entfernen');
    await expectFitsInMenu(el, 'passkeys-view', 390);
    await expect(el).to.be.accessible();
  });
});
