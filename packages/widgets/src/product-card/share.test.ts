// A card's share panel against the real server: the short link made when the panel opens, Copy
// link, the QR code, where the link leads (with the creator's ref), closing back to the button,
// failures with Try again, the keyboard alone, languages and a phone's width.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import { $, card, freshCardPage, settled, shadow, TEE } from '../../test/product-card.js';
import type { KioskProductCard } from './product-card.js';

const SHARE_LINKS = '**/v1/share-links';
const panel = (el: KioskProductCard) => shadow(el).querySelector<HTMLElement>('[part=share-panel]');
const shareButton = (el: KioskProductCard) => $<HTMLButtonElement>(el, '[part=share]');
const linkField = (el: KioskProductCard) =>
  shadow(el).querySelector<HTMLInputElement>('#share-url');

async function shownCard(attrs = '') {
  const el = await card(TEE, attrs);
  await settled(el);
  await until(() => !!shadow(el).querySelector('[part=share]'), 'card shown');
  return el;
}

async function openShare(attrs = '') {
  const el = await shownCard(attrs);
  shareButton(el).click();
  await until(() => !!linkField(el)?.value, 'the short link shown');
  await el.updateComplete;
  return el;
}

const follow = (url: string) =>
  executeServerCommand<{ status: number; location: string }, { url: string }>('kiosk-follow', {
    url,
  });

describe('<kiosk-product-card> share panel', () => {
  beforeEach(() => freshCardPage());
  afterEach(async () => {
    await executeServerCommand('kiosk-route', { glob: SHARE_LINKS, mode: 'pass' });
    await setViewport({ width: 800, height: 600 });
  });

  it('opens a disclosure with the short link, which leads to the share page', async () => {
    const el = await openShare();
    const button = shareButton(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el)!.id).to.equal(button.getAttribute('aria-controls'));
    const url = new URL(linkField(el)!.value);
    expect(url.origin).to.equal(new URL(endpoint).origin);
    expect(url.pathname).to.match(/^\/s\/[0-9A-Za-z]{10}$/);
    expect($(el, 'label[for=share-url]').textContent!.trim()).to.equal('Link to Classic Tee');
    expect(typeof navigator.share).to.equal('undefined'); // Linux Chromium: no share sheet
    const buttons = [...panel(el)!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons).to.deep.equal(['Copy link', 'Close sharing']);
    await expect(el).to.be.accessible();

    const { status, location } = await follow(url.href);
    expect(status).to.equal(302);
    const page = new URL(location, url);
    expect(page.pathname).to.equal(`/p/aurora/${TEE}`);
    expect(page.searchParams.get('channel')).to.equal('share');
    expect(page.searchParams.has('ref')).to.equal(false);
  });

  it('opens the share sheet with the link already known, within the press', async () => {
    // Linux Chromium has no share sheet: a stand-in records the call and whether the press's
    // user activation was still there (navigator.share refuses without it).
    const calls: { data: ShareData; active: boolean }[] = [];
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: ShareData) => {
        calls.push({ data, active: navigator.userActivation.isActive });
        return Promise.resolve();
      },
    });
    try {
      const el = await openShare();
      const share = $<HTMLButtonElement>(el, '.share-primary');
      expect(share.textContent!.trim()).to.equal('Share…');
      share.focus();
      await sendKeys({ press: 'Enter' }); // a real key press: a user activation
      await until(() => calls.length === 1, 'share sheet asked for');
      expect(calls[0]).to.deep.equal({
        data: { title: 'Classic Tee', text: 'Classic Tee', url: linkField(el)!.value },
        active: true,
      });
    } finally {
      delete (navigator as { share?: unknown }).share;
    }
  });

  it('shows the link’s QR code, loaded from the server', async () => {
    const el = await openShare();
    const img = $<HTMLImageElement>(el, '[part=share-panel] img');
    expect(img.src).to.equal(`${linkField(el)!.value}/qr.svg`);
    expect(img.alt).to.equal('QR code of the link to Classic Tee');
    await until(() => img.complete && img.naturalWidth > 0, 'QR code loaded');
    expect(img.getBoundingClientRect().width).to.be.at.least(100);
  });

  it('copies the link and announces it', async () => {
    await executeServerCommand('grant-clipboard');
    const el = await openShare();
    $<HTMLButtonElement>(el, '.share-copy').click();
    await until(() => $(el, '[part=status]').textContent === 'Link copied', 'announced');
    expect(await navigator.clipboard.readText()).to.equal(linkField(el)!.value);
  });

  it('credits the card’s creator: channel creator, the ref kept to the share page', async () => {
    const el = await openShare('ref=SHARE-1');
    const { location } = await follow(linkField(el)!.value);
    const page = new URL(location, endpoint);
    expect(page.pathname).to.equal(`/p/aurora/${TEE}`);
    expect(page.searchParams.get('ref')).to.equal('SHARE-1');
    expect(page.searchParams.get('channel')).to.equal('creator');
  });

  it('follows the card: another product or ref while open shows that one’s link', async () => {
    const el = await openShare();
    const first = linkField(el)!.value;
    el.ref = 'SHARE-2';
    await until(() => !!linkField(el)?.value && linkField(el)!.value !== first, 'a new link');
    const { location } = await follow(linkField(el)!.value);
    const page = new URL(location, endpoint);
    expect(page.pathname).to.equal(`/p/aurora/${TEE}`);
    expect(page.searchParams.get('ref')).to.equal('SHARE-2');
    expect(page.searchParams.get('channel')).to.equal('creator');
  });

  it('credits the creator of a followed link (?kiosk_ref) when the card has no ref', async () => {
    const original = location.href;
    history.replaceState(null, '', `${location.pathname}?kiosk_ref=BLOG-42`);
    try {
      const el = await openShare();
      const { location: to } = await follow(linkField(el)!.value);
      const page = new URL(to, endpoint);
      expect(page.searchParams.get('ref')).to.equal('BLOG-42');
      expect(page.searchParams.get('channel')).to.equal('creator');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('closes with Escape and with Close, focus back on the share button', async () => {
    const el = await openShare();
    linkField(el)!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !panel(el), 'closed by Escape');
    expect(shadow(el).activeElement).to.equal(shareButton(el));
    expect(shareButton(el).getAttribute('aria-expanded')).to.equal('false');

    shareButton(el).click();
    await until(() => !!linkField(el)?.value, 'open again, the link known');
    $<HTMLButtonElement>(el, '.share-close').click();
    await until(() => !panel(el), 'closed by Close');
    expect(shadow(el).activeElement).to.equal(shareButton(el));
  });

  it('says the link could not be made, with Try again, while the API is unreachable', async () => {
    await executeServerCommand('kiosk-route', { glob: SHARE_LINKS, mode: 'fail' });
    const el = await shownCard();
    shareButton(el).click();
    await until(() => !!panel(el)?.querySelector('[role=alert]'), 'error shown');
    await el.updateComplete;
    expect(panel(el)!.querySelector('[role=alert]')!.textContent!.trim()).to.equal(
      'Can’t reach the store right now. Check your connection and try again.',
    );
    expect(linkField(el)).to.equal(null);
    await expect(el).to.be.accessible();

    await executeServerCommand('kiosk-route', { glob: SHARE_LINKS, mode: 'pass' });
    const retry = [...panel(el)!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Try again',
    )!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!linkField(el)?.value, 'the link after Try again');
    // Try again is gone: focus is on the link, not lost to the page.
    expect(shadow(el).activeElement).to.equal(linkField(el));
    expect(panel(el)!.querySelector('[role=alert]')).to.equal(null);
  });

  it('works from the keyboard alone', async () => {
    await executeServerCommand('grant-clipboard');
    const el = await shownCard();
    shareButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!linkField(el)?.value, 'opened by Enter');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(linkField(el));
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement!.textContent!.trim()).to.equal('Copy link');
    await sendKeys({ press: 'Space' });
    await until(() => $(el, '[part=status]').textContent === 'Link copied', 'copied');
    await sendKeys({ press: 'Escape' });
    await until(() => !panel(el), 'closed');
    expect(shadow(el).activeElement).to.equal(shareButton(el));
  });

  it('speaks German without overflowing a phone, and Arabic right to left', async () => {
    await setViewport({ width: 360, height: 800 });
    const de = await openShare('locale=de');
    await until(() => panel(de)!.textContent!.includes('Link kopieren'), 'German strings');
    expect(panel(de)!.scrollWidth).to.be.at.most(panel(de)!.clientWidth);
    expect(de.scrollWidth).to.be.at.most(360);
    await expect(de).to.be.accessible();

    const ar = await openShare('locale=ar');
    await until(() => panel(ar)!.textContent!.includes('نسخ الرابط'), 'Arabic strings');
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(panel(ar)!).direction).to.equal('rtl');
    // The URL itself reads left to right.
    expect(getComputedStyle(linkField(ar)!).direction).to.equal('ltr');
    await expect(ar).to.be.accessible();
  });
});
