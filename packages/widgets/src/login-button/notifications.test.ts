import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
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
import type { KioskLoginButton } from './login-button.js';

/** The demo seed's one product sold out in every variant. */
const PARKA = { handle: 'aurora-limited-parka', title: 'Aurora Limited Edition Parka' };
/** The signed-in shopper's list request (a guest's lookup is another route). */
const LIST = '**/v1/notifications/subscriptions';

/**
 * A new customer signed in on the button, subscribed by email (their own address: active at
 * once) to the parka's return and to promotions, through the SDK as "Notify me" does.
 */
async function subscribed(name: string, attrs = '') {
  const email = newEmail();
  const el = await signedIn(name, 0, attrs, email);
  await client.notifications.subscribe({
    topic: 'back-in-stock',
    product: PARKA.handle,
    channel: 'email',
  });
  await client.notifications.subscribe({ topic: 'promotions', channel: 'email' });
  return { el, email };
}

const {
  view,
  loaded,
  requested: viewRequested,
  open: openNotifications,
} = menuView('notifications', 'subscriptions-view');
const rows = (el: KioskLoginButton) =>
  [...view(el).querySelectorAll('[part=subscription]')].map((row) =>
    [...row.querySelectorAll('.item-name, .muted')].map((s) => s.textContent!.trim()),
  );

describe('<kiosk-login-button> notifications', () => {
  beforeEach(() => {
    freshClient();
  });
  afterEach(async () => {
    await executeServerCommand('kiosk-route', { glob: LIST, mode: 'pass' });
    await setViewport({ width: 800, height: 600 });
  });

  it('lists what the shopper is subscribed to, in words, in a view loaded when first opened; keyboard in and out', async () => {
    const { el, email } = await subscribed('Ada Lovelace');
    $<HTMLButtonElement>(el, '[part~=trigger]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el) === $(el, '[part~=membership]'), 'the first item');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'the second item').to.equal($(el, '[part~=notifications]'));
    expect(text(el, '[part~=notifications]')).to.equal('Notifications');
    expect($(el, '[part~=notifications]').getAttribute('aria-haspopup')).to.equal('dialog');
    expect(viewRequested(), 'the view’s code waits until asked for').to.equal(false);

    await sendKeys({ press: 'Enter' });
    await until(() => loaded(el), 'view with its list');
    expect(viewRequested()).to.equal(true);
    await until(() => focused(el) === $(el, '[part=back]'), 'focus on Back');
    expect(view(el).getAttribute('role')).to.equal('dialog');
    expect(text(el, '#notifications-title')).to.equal('Notifications');
    expect(shown($(el, '[role=menu]'))).to.equal(false, 'the view takes the menu’s place');
    expect(rows(el)).to.have.deep.members([
      [`Back in stock: ${PARKA.title}`, `By email to ${email}`],
      ['Promotions', `By email to ${email}`],
    ]);
    const remove = view(el).querySelector('[part=subscription-remove]')!;
    expect(remove.textContent!.trim()).to.equal('Remove');
    expect(text(el, `#${remove.getAttribute('aria-describedby')}`)).to.equal(rows(el)[0]![0]);
    await expect(el).to.be.accessible();

    // Tab moves within the view; Escape goes back to the menu, on "Notifications".
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(remove);
    await sendKeys({ press: 'Escape' });
    await until(() => focused(el) === $(el, '[part~=notifications]'), 'back on "Notifications"');
    expect(isOpen(el)).to.equal(true);
    expect(view(el)).to.equal(null);
    expect(shown($(el, '[role=menu]'))).to.equal(true);

    // Again, and out with the Back button; the menu's keys work as before.
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === $(el, '[part=back]'), 'view again');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === $(el, '[part~=notifications]'), 'Back returns to the item');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal($(el, '[part~=passkeys]'));
    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(el), 'closed');
    expect(focused(el)).to.equal($(el, '[part~=trigger]'));

    // Reopened, the menu shows the menu, not the view it was last on.
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(el) === $(el, '[part~=membership]'), 'reopened');
    expect(view(el)).to.equal(null);
  });

  it('removes one on a second press ("Yes, remove"), and the server forgets it', async () => {
    const { el } = await subscribed('Grace Hopper');
    await openNotifications(el);
    const index = rows(el).findIndex(([what]) => what === 'Promotions');
    const remove = view(el).querySelectorAll<HTMLButtonElement>('[part=subscription-remove]')[
      index
    ]!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(remove.textContent!.trim()).to.equal('Yes, remove');
    expect(focused(el)).to.equal(remove);
    const question = 'Stop these notifications?';
    expect(text(el, `#${remove.getAttribute('aria-describedby')}`)).to.equal(question);
    expect(text(el, '[part=notifications-status]')).to.equal(question);
    expect(text(el, '[part=subscription-cancel]')).to.equal('Cancel');
    await expect(el).to.be.accessible();
    // Escape takes the question back, and stays in the view.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(remove.textContent!.trim()).to.equal('Remove');
    expect(view(el)).to.not.equal(null);
    expect(await client.notifications.list()).to.have.length(2);

    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await until(() => rows(el).length === 1, 'gone from the list');
    expect(text(el, '[part=notifications-status]')).to.equal('Removed: Promotions.');
    expect(rows(el)[0]![0]).to.equal(`Back in stock: ${PARKA.title}`);
    await until(
      () => focused(el) === $(el, '[part=subscription-remove]'),
      'focus on the Remove button that is left',
    );
    const left = await client.notifications.list();
    expect(left.map((s) => [s.topic, s.product?.handle])).to.deep.equal([
      ['back-in-stock', PARKA.handle],
    ]);

    // The last one: the empty state, focus on Back.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '[part=subscription-list]'), 'empty');
    await until(() => focused(el) === $(el, '[part=back]'), 'focus on Back, the rows gone');
    expect(await client.notifications.list()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says so when there are none, and shows an email waiting for its confirmation', async () => {
    const el = await signedIn('Alan Kay', 0);
    await openNotifications(el);
    expect($(el, '[part=subscription-list]')).to.equal(null);
    expect(text(el, '[part=notifications-view] .note')).to.equal(
      'You get no notifications from this shop. Sold-out products offer “Notify me”.',
    );
    await expect(el).to.be.accessible();

    // Another address than the shopper's own waits for the double opt-in mail's link.
    const other = newEmail();
    await client.notifications.subscribe({ topic: 'promotions', channel: 'email', email: other });
    $<HTMLButtonElement>(el, '[part=back]').click();
    await until(() => !view(el), 'back in the menu');
    $<HTMLButtonElement>(el, '[part~=notifications]').click();
    await until(() => loaded(el) && rows(el).length === 1, 'the list again');
    expect(rows(el)).to.deep.equal([
      ['Promotions', `By email to ${other}`, 'Waiting for you to confirm the email'],
    ]);
  });

  it('shows a translated error with "Try again" while the list can’t load, and recovers', async () => {
    const { el } = await subscribed('Edsger Dijkstra', 'locale=fr');
    const errors: Event[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e));
    await executeServerCommand('kiosk-route', { glob: LIST, mode: 'fail' });
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => isOpen(el), 'menu open');
    $<HTMLButtonElement>(el, '[part~=notifications]').click();
    await until(() => !!$(el, '[part=retry]'), 'error state');
    await el.updateComplete;
    expect(text(el, '[part=notifications-view] .note.error')).to.equal(
      'Impossible de joindre la boutique pour le moment. Vérifiez votre connexion et réessayez.',
    );
    expect(text(el, '[part=retry]')).to.equal('Réessayer');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();

    await executeServerCommand('kiosk-route', { glob: LIST, mode: 'pass' });
    $<HTMLButtonElement>(el, '[part=retry]').click();
    await until(() => rows(el).length === 2, 'list after Try again');
    expect(rows(el).map(([what]) => what)).to.have.members([
      `De retour en stock : ${PARKA.title}`,
      'Promotions',
    ]);
    expect(text(el, '[part=subscription-remove]')).to.equal('Supprimer');
    expect($(el, '[part=retry]')).to.equal(null);
    await until(() => focused(el) === $(el, '[part=back]'), 'focus on Back');
  });

  it('takes one removed meanwhile (a mail’s unsubscribe link) as removed', async () => {
    const { el } = await subscribed('Barbara Liskov');
    await openNotifications(el);
    // The first row shown is removed elsewhere meanwhile.
    const topic = rows(el)[0]![0] === 'Promotions' ? 'promotions' : 'back-in-stock';
    const gone = (await client.notifications.list()).find((s) => s.topic === topic)!;
    await client.notifications.unsubscribe(gone.id);
    const errors: Event[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e));
    $<HTMLButtonElement>(el, '[part=subscription-remove]').click();
    await until(() => !!$(el, '[part=subscription-cancel]'), 'asking');
    $<HTMLButtonElement>(el, '[part=subscription-remove]').click();
    await until(() => rows(el).length === 1, 'gone from the list');
    expect(text(el, '[part=notifications-status]')).to.match(/^Removed: /);
    expect(errors).to.have.length(0);
  });

  it('reads right to left in Arabic', async () => {
    const { el } = await subscribed('Ibn Sina', 'locale=ar');
    await openNotifications(el);
    expect(text(el, '#notifications-title')).to.equal('الإشعارات');
    expect(text(el, '[part=back]')).to.equal('رجوع');
    expect(getComputedStyle(view(el)).direction).to.equal('rtl');
    expect(rows(el).map(([what]) => what)).to.have.members([
      `عاد إلى المخزون: ${PARKA.title}`,
      'العروض الترويجية',
    ]);
    expect(text(el, '[part=subscription-remove]')).to.equal('إزالة');
    // The Back button is at the inline start: the right.
    const back = $(el, '[part=back]').getBoundingClientRect();
    const title = $(el, '#notifications-title').getBoundingClientRect();
    expect(back.left).to.be.greaterThan(title.left);
    await expect(el).to.be.accessible();
  });

  it('fits German, the longest strings, in a 390px wide menu', async () => {
    await setViewport({ width: 390, height: 844 });
    const { el } = await subscribed('Maria Sibylla Merian', 'locale=de');
    await client.notifications.subscribe({
      topic: 'price-drop',
      product: PARKA.handle,
      channel: 'email',
      email: `a-very-long-address-${crypto.randomUUID()}@example.com`,
    });
    await openNotifications(el);
    expect(rows(el)).to.have.length(3);
    $<HTMLButtonElement>(el, '[part=subscription-remove]').click();
    await until(() => !!$(el, '[part=subscription-cancel]'), 'asking');
    expect(text(el, '[part=subscription-remove]')).to.equal('Ja, entfernen');
    expect(text(el, '[part=notifications-view]')).to.contain(
      'Wartet darauf, dass du die E-Mail-Adresse bestätigst',
    );
    await expectFitsInMenu(el, 'notifications-view', 390);
    await expect(el).to.be.accessible();
  });
});
