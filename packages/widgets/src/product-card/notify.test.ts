// A sold-out card's "Notify me": the disclosure, push or email by what the site and browser
// allow, the signed-in shopper's address, errors in words, languages and a phone's width.
// (Subscribing for real needs the notification routes: src/product-card/notify-server.test.ts.)
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import { $, card, freshCardPage, settled, shadow } from '../../test/product-card.js';
import { client, signInWithPoints } from '../../test/shopper.js';
import { configure } from '../config.js';
import type { KioskProductCard } from './product-card.js';

const SOLD_OUT = 'aurora-limited-parka';

async function openNotify(attrs = '') {
  const el = await card(SOLD_OUT, attrs);
  await settled(el);
  // In another language the card shows its placeholder until that language's strings are in.
  await until(() => !!shadow(el).querySelector('[part=button]'), 'card shown');
  $(el, '[part=button]').click();
  await until(() => !!shadow(el).querySelector('[part=notify]'), 'panel open');
  await el.updateComplete;
  return el;
}

const panel = (el: KioskProductCard) => $(el, '[part=notify]');

describe('<kiosk-product-card> Notify me', () => {
  beforeEach(() => freshCardPage());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('opens a disclosure with an email field where the site has no service worker', async () => {
    const el = await openNotify();
    const button = $(el, '[part=button]');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el).id).to.equal(button.getAttribute('aria-controls'));
    const field = $<HTMLInputElement>(el, '#notify-email');
    expect(field.type).to.equal('email');
    expect(field.autocomplete).to.equal('email');
    expect($(el, 'label[for=notify-email]').textContent!.trim()).to.equal('Email');
    expect(panel(el).textContent).to.contain(
      'We’ll email you when Aurora Limited Edition Parka is back in stock.',
    );
    expect(panel(el).querySelector('[role=status]'), 'a status region from the start').to.exist;
    await expect(el).to.be.accessible();

    // Escape closes it and gives focus back to the button.
    field.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(el).querySelector('[part=notify]'), 'panel closed');
    expect(shadow(el).activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('offers push where the site names its service worker, and email instead', async () => {
    configure({ client, serviceWorker: '/kiosk-sw.js' });
    const el = await openNotify();
    expect(panel(el).textContent).to.contain('We’ll send a notification to this device');
    const buttons = [...panel(el).querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).to.deep.equal(['Turn on notifications', 'Email me instead']);
    await expect(el).to.be.accessible();
    panel(el).querySelector<HTMLButtonElement>('.notify-switch')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('#notify-email')).to.exist;
  });

  it('says what is wrong with a mistyped address, in words, with the field marked', async () => {
    const el = await openNotify();
    const field = $<HTMLInputElement>(el, '#notify-email');
    field.focus();
    await sendKeys({ type: 'not an address' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!panel(el).querySelector('[role=alert]'), 'error shown');
    await el.updateComplete;
    expect(panel(el).querySelector('[role=alert]')!.textContent!.trim()).to.equal(
      'Enter an email address like name@example.com.',
    );
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(panel(el).querySelector('.notify-submit')!.textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
  });

  it("fills in a signed-in shopper's address", async () => {
    const email = await signInWithPoints();
    const el = await openNotify();
    expect($<HTMLInputElement>(el, '#notify-email').value).to.equal(email);
  });

  it('speaks German without overflowing a phone, and Arabic right to left', async () => {
    await setViewport({ width: 390, height: 800 });
    const de = await openNotify('locale=de');
    await until(() => panel(de).textContent!.includes('E-Mail'), 'German strings');
    expect($(de, '[part=button]').textContent!.trim()).to.equal('Benachrichtige mich');
    expect(panel(de).scrollWidth).to.be.at.most(panel(de).clientWidth);
    expect(de.scrollWidth).to.be.at.most(390);
    await expect(de).to.be.accessible();

    const ar = await openNotify('locale=ar');
    await until(() => panel(ar).textContent!.includes('البريد'), 'Arabic strings');
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(panel(ar)).direction).to.equal('rtl');
    await expect(ar).to.be.accessible();
  });
});
