import { createClient, type KioskClient } from '@kiosk/sdk';
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { configure } from '../../src/config.js';
import '../../src/mini-cart/define.js';
import type { KioskMiniCart } from '../../src/mini-cart/mini-cart.js';
import { endpoint, until } from '../helpers.js';
import { blockedControls, hostilePage } from './hostile-page.js';

const LINES = 12;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let client: KioskClient;
let page: Awaited<ReturnType<typeof hostilePage>>;

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector)!;
const panel = (el: KioskMiniCart) => $<HTMLDialogElement>(el, 'dialog');
const active = (el: KioskMiniCart) => root(el).activeElement;

/** A cart of `LINES` lines: one unit each of the first variants in stock. */
async function fillCart() {
  const { items } = await client.products.list({ first: 10 });
  const variants = items.flatMap((p) => p.variants.filter((v) => v.available)).slice(0, LINES);
  expect(variants).to.have.length(LINES);
  for (const v of variants) await client.cart.add(v.id, 1);
  await until(() => client.cart.$pending.get() === 0, 'lines saved');
}

/** Mounts the hostile page with the header's mini cart (and an outside button) and opens it. */
async function openCart(locale = 'en') {
  page = await hostilePage({
    header: `<button type="button" id="outside">Menu</button><kiosk-mini-cart locale="${locale}"></kiosk-mini-cart>`,
  });
  const el = page.header.querySelector('kiosk-mini-cart')!;
  await until(() => el.cartData?.itemCount === LINES && !!$(el, '[part=trigger]').ariaLabel);
  expect(blockedControls(el), 'the closed cart in the sticky header').to.deep.equal([]);
  // Opened from outside (as the product card's "View cart" does): focus moves into the panel.
  el.open = true;
  await until(() => panel(el)?.open && !!$(el, '[part=checkout]'), 'opened by the property');
  expect(panel(el).contains(active(el)), 'focus moved into the panel').to.equal(true);
  return el;
}

/** Problems with a control of the open panel: outside the viewport or covered at its centre. */
function hidden(el: KioskMiniCart, control: HTMLElement): string[] {
  const r = control.getBoundingClientRect();
  const name = control.getAttribute('part') ?? control.className;
  const problems: string[] = [];
  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) {
    problems.push(`${name} is outside the viewport`);
  }
  const hit = root(el).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (hit !== control && !control.contains(hit))
    problems.push(`${name} is covered by ${hit?.localName}`);
  return problems;
}

/** Every control of the panel's header and footer is in view and can be clicked. */
function fixedControls(el: KioskMiniCart) {
  return [...root(el).querySelectorAll<HTMLElement>('[part=header] button, [part=footer] button')];
}

describe('<kiosk-mini-cart> on a hostile page', () => {
  beforeEach(() => {
    client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
    configure({ client });
  });
  afterEach(async () => {
    page?.remove();
    await setViewport({ width: 800, height: 600 });
  });

  it('is a modal sheet on a phone whose totals and Check out stay in view with 12 lines', async () => {
    await setViewport(PHONE);
    await fillCart();
    const el = await openCart();
    expect(el.hasAttribute('open'), '`open` reflected').to.equal(true);
    const dialog = panel(el);
    expect(dialog.dataset.layout).to.equal('sheet');
    const box = dialog.getBoundingClientRect();
    expect(box.left, 'full width').to.equal(0);
    expect(box.right).to.equal(document.documentElement.clientWidth);
    expect(Math.abs(box.bottom - innerHeight), 'at the bottom').to.be.lessThan(1);
    expect(box.top, 'the page shows above it').to.be.greaterThan(0);

    // The lines scroll; the header and footer stay.
    const body = $(el, '[part=body]');
    expect(body.scrollHeight, 'more lines than fit').to.be.greaterThan(body.clientHeight);
    expect(root(el).querySelectorAll('[part=line]')).to.have.length(LINES);
    const checkout = $(el, '[part=checkout]');
    expect(hidden(el, checkout)).to.deep.equal([]);
    expect(hidden(el, $(el, '[part=total]'))).to.deep.equal([]);
    expect(fixedControls(el).flatMap((c) => hidden(el, c))).to.deep.equal([]);
    body.scrollTop = body.scrollHeight;
    await until(() => body.scrollTop > 0, 'scrolled');
    const last = [...root(el).querySelectorAll<HTMLElement>('[part=line]')].at(-1)!;
    const lastControls = [...last.querySelectorAll<HTMLElement>('button, input')];
    expect(
      lastControls.flatMap((c) => hidden(el, c)),
      'the last line above the footer',
    ).to.deep.equal([]);
    expect(hidden(el, checkout), 'Check out still in view').to.deep.equal([]);

    // Line images: the variant's image at a fixed size, not squeezed by the theme's img rules.
    const images = [...root(el).querySelectorAll<HTMLImageElement>('img[part=line-image]')];
    expect(images.length).to.be.greaterThan(0);
    const size = 4 * Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
    for (const img of images) {
      const r = img.getBoundingClientRect();
      expect([r.width, r.height], 'a 4rem square').to.deep.equal([size, size]);
      expect(getComputedStyle(img).objectFit, 'cropped, not distorted').to.equal('cover');
      expect(getComputedStyle(img).borderStyle, 'no border from the theme').to.equal('none');
      expect(img.alt, 'alt text').to.not.equal('');
    }

    // Modal: the page behind is inert and does not scroll.
    expect(document.documentElement.style.overflow, 'page scroll locked').to.equal('hidden');
    const outside = page.header.querySelector<HTMLButtonElement>('#outside')!;
    outside.focus();
    expect(document.activeElement, 'the page behind is inert').to.not.equal(outside);
    await expect(el).to.be.accessible();
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(active(el)), `Tab ${i + 1} stays inside`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open && !dialog.open, 'closed with Escape');
    expect(el.hasAttribute('open')).to.equal(false);
    expect(active(el), 'focus back on the trigger').to.equal($(el, '[part=trigger]'));
    expect(document.documentElement.style.overflow, 'page scroll back').to.equal('');

    // Opened again by the attribute: focus moves in again.
    el.setAttribute('open', '');
    await until(() => dialog.open && dialog.contains(active(el)), 'opened by the attribute');
    expect(hidden(el, checkout)).to.deep.equal([]);
    el.hide();
    await until(() => !dialog.open);
  });

  it('is a sheet in Arabic too, mirrored, with Check out in view', async () => {
    await setViewport(PHONE);
    await fillCart();
    const el = await openCart('ar');
    const dialog = panel(el);
    await until(() => $(el, '[part=checkout]').textContent!.trim() === 'إتمام الشراء', 'Arabic');
    expect(getComputedStyle(dialog).direction).to.equal('rtl');
    expect(dialog.dataset.layout).to.equal('sheet');
    expect(dialog.getBoundingClientRect().width).to.equal(document.documentElement.clientWidth);
    expect(hidden(el, $(el, '[part=checkout]'))).to.deep.equal([]);
    expect(fixedControls(el).flatMap((c) => hidden(el, c))).to.deep.equal([]);
    el.open = false;
    await until(() => !dialog.open);
  });

  it('on a wide screen stays anchored to the trigger, with the same sticky footer', async () => {
    await setViewport(DESKTOP);
    await fillCart();
    const el = await openCart();
    const dialog = panel(el);
    await until(() => dialog.getAttribute('data-floating') === 'placed', 'placed');
    expect(dialog.dataset.layout).to.equal('anchored');
    const trigger = $(el, '[part=trigger]').getBoundingClientRect();
    const box = dialog.getBoundingClientRect();
    expect(box.top, 'below the trigger').to.be.greaterThan(trigger.bottom);
    expect(Math.abs(box.right - trigger.right), 'end edges aligned').to.be.lessThan(1);
    expect(box.bottom, 'within the viewport').to.be.at.most(innerHeight);
    const body = $(el, '[part=body]');
    expect(body.scrollHeight, 'the lines scroll').to.be.greaterThan(body.clientHeight);
    expect(hidden(el, $(el, '[part=checkout]'))).to.deep.equal([]);
    expect(fixedControls(el).flatMap((c) => hidden(el, c))).to.deep.equal([]);
    expect(
      document.documentElement.style.overflow,
      'no scroll lock for the anchored panel',
    ).to.equal('');
    el.open = false;
    await until(() => !dialog.open);
  });
});
