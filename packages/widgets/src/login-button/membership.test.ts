import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import {
  $,
  button,
  expectFitsInMenu,
  focused,
  isOpen,
  menuView,
  mint,
  shown,
  signedIn,
  text,
} from '../../test/login-button.js';
import { ADMIN, client, freshClient } from '../../test/shopper.js';
import type { KioskErrorEvent } from '../events/error.js';
import type { KioskLoginButton } from './login-button.js';

/** The membership read (GET /v1/membership), failed as offline by the `kiosk-route` command. */
const MEMBERSHIP = '**/v1/membership';

const { view, loaded, requested, open } = menuView('membership', 'membership-view');
const perks = (el: KioskLoginButton) =>
  [...view(el).querySelectorAll('[part=perk]')].map((p) => p.textContent!.trim());

/** The demo's Gold member (docs/server/membership.md): Gold by 2,500 lifetime points. */
async function goldMember(attrs = '') {
  const { token } = await mint('Gwen Gold', 0, 'gold@example.com');
  await client.auth.signInWithToken(token);
  const el = await button(attrs);
  await until(() => text(el, '[part=balance]') === '2,500', 'balance');
  return el;
}

describe('<kiosk-login-button> membership', () => {
  beforeEach(() => {
    freshClient();
  });
  afterEach(async () => {
    await executeServerCommand('kiosk-route', { glob: MEMBERSHIP, mode: 'pass' });
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the Gold member their tier, where it comes from and its perks, in a view loaded when first opened', async () => {
    const el = await goldMember();
    $<HTMLButtonElement>(el, '[part~=trigger]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(
      () => focused(el) === $(el, '[part~=membership]'),
      '"Membership" is the first item',
    );
    expect(text(el, '[part~=membership]')).to.equal('Membership');
    expect($(el, '[part~=membership]').getAttribute('aria-haspopup')).to.equal('dialog');
    expect(requested(), 'the view’s code waits until asked for').to.equal(false);

    await sendKeys({ press: 'Enter' });
    await until(() => loaded(el), 'the view with the membership');
    expect(requested()).to.equal(true);
    await until(() => focused(el) === $(el, '[part=back]'), 'focus on Back');
    expect(view(el).getAttribute('role')).to.equal('dialog');
    expect(text(el, '#membership-title')).to.equal('Membership');
    expect(shown($(el, '[role=menu]'))).to.equal(false, 'the view takes the menu’s place');
    expect(text(el, '[part=membership-tier]')).to.equal('Gold tier');
    expect(text(el, '[part=membership-source]')).to.equal('From your 2,500 lifetime points');
    // Gold ships free from an order of 0 in every currency: on every order.
    expect(perks(el)).to.deep.equal([
      '15% off member prices',
      '2× points on your orders',
      'Free shipping on every order',
      'A birthday gift of 500 points',
    ]);
    expect(text(el, '[part=membership-view] [part=progress]')).to.equal('You’re in the top tier');
    await expect(el).to.be.accessible();

    // Escape goes back to the menu, on "Membership".
    await sendKeys({ press: 'Escape' });
    await until(() => focused(el) === $(el, '[part~=membership]'), 'back on "Membership"');
    expect(isOpen(el)).to.equal(true);
    expect(view(el)).to.equal(null);
  });

  it('says a paid membership and until when it runs', async () => {
    // The store sells a yearly Gold plan for a while: the crew socks are the plan product.
    const admin = (method: string, body?: unknown) =>
      fetch(`${endpoint}/admin/v1/membership`, {
        method,
        headers: ADMIN,
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((r) => r.json());
    const before = await admin('GET');
    const plan = await client.products.get('aurora-crew-socks-3-pack');
    await admin('PUT', { ...before, plans: [{ productId: plan.id, tier: 'Gold' }] });
    try {
      const el = await signedIn('Pia Plan', 0);
      await client.cart.add(plan.variants.find((v) => v.available)!.id, 1);
      const { orderId } = await client.cart.checkout({ returnTo: null });
      const paid = await fetch(`${endpoint}/admin/v1/orders/${orderId}/mark-paid`, {
        method: 'POST',
        headers: ADMIN,
      });
      expect(paid.status).to.equal(200);
      await open(el);
      expect(text(el, '[part=membership-tier]')).to.equal('Gold tier');
      const ends = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(
        new Date(Date.now() + 365 * 86_400_000),
      );
      expect(text(el, '[part=membership-source]')).to.equal(
        `From your paid membership, until ${ends}`,
      );
    } finally {
      await admin('PUT', before);
    }
  });

  it('says a threshold in the element’s currency, and the progress to the next tier', async () => {
    // Silver (500 lifetime points): free shipping from $75, €70 or £60.
    const el = await signedIn('Ada Lovelace', 600);
    await open(el);
    expect(text(el, '[part=membership-tier]')).to.equal('Silver tier');
    expect(perks(el)).to.deep.equal([
      '5% off member prices',
      '1.5× points on your orders',
      'Free shipping over $75.00',
      'A birthday gift of 100 points',
    ]);
    expect(text(el, '[part=membership-view] [part=progress]')).to.equal('1,400 points to Gold');
    const bar = $<HTMLProgressElement>(el, '[part=membership-view] progress');
    expect([bar.value, bar.max]).to.deep.equal([600, 2000]);
    expect(bar.getAttribute('aria-labelledby')).to.equal('membership-progress');

    // A currency the store has no threshold in: the perk, without an amount.
    el.setAttribute('currency', 'JPY');
    await el.updateComplete;
    expect(perks(el)[2]).to.equal('Free shipping over a minimum order');
  });

  it('is in German, the amount in euros as Germans write it, and fits a 390px wide menu', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await signedIn('Maria Sibylla Merian', 600, 'locale=de&currency=EUR');
    await open(el);
    expect(text(el, '#membership-title')).to.equal('Mitgliedschaft');
    expect(text(el, '[part=back]')).to.equal('Zurück');
    expect(text(el, '[part=membership-tier]')).to.equal('Stufe Silver');
    expect(text(el, '[part=membership-source]')).to.equal('Durch deine 600 gesammelten Punkte');
    const de = (n: number, options: Intl.NumberFormatOptions) =>
      new Intl.NumberFormat('de', options).format(n);
    expect(perks(el)).to.deep.equal([
      `${de(0.05, { style: 'percent' })} Rabatt auf Mitgliederpreise`,
      '1,5× Punkte auf deine Bestellungen',
      `Kostenloser Versand ab ${de(70, { style: 'currency', currency: 'EUR' })}`,
      'Ein Geburtstagsgeschenk von 100 Punkten',
    ]);
    expect(text(el, '[part=membership-view] [part=progress]')).to.equal(
      'Noch 1.400 Punkte bis Gold',
    );
    await expectFitsInMenu(el, 'membership-view', 390);
    await expect(el).to.be.accessible();
  });

  it('reads right to left in Arabic; a shopper without perks is told so', async () => {
    const el = await signedIn('Ibn Sina', 3, 'locale=ar');
    await open(el);
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(text(el, '#membership-title')).to.equal('العضوية');
    expect(text(el, '[part=back]')).to.equal('رجوع');
    expect(getComputedStyle(view(el)).direction).to.equal('rtl');
    expect(text(el, '[part=membership-tier]')).to.equal('فئة Member');
    expect(text(el, '[part=membership-source]')).to.equal(`بفضل ${ar(3)} نقاط متراكمة`);
    expect(view(el).querySelector('[part=perk-list]')).to.equal(null);
    expect(text(el, '[part=no-perks]')).to.equal('لا مزايا بعد.');
    expect(text(el, '[part=membership-view] [part=progress]')).to.equal(
      `بقيت ${ar(497)} نقطة حتى Silver`,
    );
    // The Back button is at the inline start: the right.
    const back = $(el, '[part=back]').getBoundingClientRect();
    const title = $(el, '#membership-title').getBoundingClientRect();
    expect(back.left).to.be.greaterThan(title.left);
    await expect(el).to.be.accessible();
  });

  it('shows a translated error with "Try again" when the membership can’t be read, and recovers', async () => {
    const el = await signedIn('Edsger Dijkstra', 600, 'locale=fr');
    const errors: KioskErrorEvent[] = [];
    el.addEventListener('kiosk-error', (e) => errors.push(e as KioskErrorEvent));
    await executeServerCommand('kiosk-route', { glob: MEMBERSHIP, mode: 'fail' });
    $<HTMLButtonElement>(el, '[part~=trigger]').click();
    await until(() => isOpen(el), 'menu open');
    $<HTMLButtonElement>(el, '[part~=membership]').click();
    await until(() => !!$(el, '[part=retry]'), 'the error');
    await el.updateComplete;
    expect(text(el, '[part=membership-view] .note.error')).to.equal(
      'Impossible de joindre la boutique pour le moment. Vérifiez votre connexion et réessayez.',
    );
    expect(text(el, '[part=retry]')).to.equal('Réessayer');
    expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['network_error']);
    await expect(el).to.be.accessible();

    await executeServerCommand('kiosk-route', { glob: MEMBERSHIP, mode: 'pass' });
    $<HTMLButtonElement>(el, '[part=retry]').click();
    await until(() => perks(el).length === 4, 'the perks after Try again');
    expect(text(el, '[part=membership-tier]')).to.equal('Niveau Silver');
    const usd = new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' }).format(75);
    expect(perks(el)[2]).to.equal(`Livraison offerte dès ${usd}`);
    expect($(el, '[part=retry]')).to.equal(null);
    await until(() => focused(el) === $(el, '[part=back]'), 'focus on Back');
  });
});
