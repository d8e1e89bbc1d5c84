// The trigger and the panel: opening and closing (pointer, keyboard, attribute), focus, the
// count, and the layout in both directions. Lines, checkout and points have files of their own.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import {
  $,
  active,
  catchNavigation,
  miniCart,
  openWithClick,
  panel,
  root,
  TEE,
  trigger,
  variantOf,
} from '../../test/mini-cart.js';
import { client, freshClient, sent } from '../../test/shopper.js';
import '../product-card/define.js';
import type { KioskProductCard } from '../product-card/product-card.js';

/** Requests for the panel's module (served as source here; a chunk of its own in the CDN build). */
const panelRequests = () =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes('/mini-cart/panel'));

describe('<kiosk-mini-cart>', () => {
  beforeEach(() => {
    freshClient();
  });

  // First in this file: the page must not have loaded the panel before.
  it('downloads the panel’s code only when the cart first opens, and anchors the panel to the trigger', async () => {
    const el = await miniCart();
    await el.updateComplete;
    expect(panelRequests(), 'no panel code while the cart is closed').to.have.length(0);
    expect(root(el).querySelector('dialog'), 'closed: trigger and count only').to.equal(null);
    await openWithClick(el);
    expect(panelRequests().length, 'panel code loaded on open').to.be.greaterThan(0);
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    const dialog = panel(el);
    expect(dialog.getAttribute('data-placement')).to.equal('bottom-end');
    const t = trigger(el).getBoundingClientRect();
    const p = dialog.getBoundingClientRect();
    expect(Math.abs(p.right - t.right), 'end edges aligned').to.be.lessThan(1);
    expect(p.top).to.be.greaterThan(t.bottom);
    expect(dialog.dataset.layout, 'a wide screen: anchored, not a sheet').to.equal('anchored');
    const loaded = panelRequests().length;
    el.open = false;
    await el.updateComplete;
    await openWithClick(el);
    expect(panelRequests().length, 'loaded once').to.equal(loaded);
  });

  it('shows a live count on the trigger when the SDK or a product card adds', async () => {
    const el = await miniCart();
    expect(trigger(el).getAttribute('aria-label')).to.equal('Cart, 0 items');
    expect($(el, '[part=badge]').textContent!.trim()).to.equal('0');
    const status = $(el, '[part=status][role=status]');
    expect(status).to.exist;
    await expect(el).to.be.accessible();

    const changes: CustomEvent[] = [];
    el.addEventListener('kiosk-cart-change', (e) => changes.push(e as CustomEvent));
    const variant = await variantOf();
    await client.cart.add(variant.id, 2);
    await until(() => el.cartData?.itemCount === 2, 'count 2');
    await el.updateComplete;
    expect(trigger(el).getAttribute('aria-label')).to.equal('Cart, 2 items');
    expect($(el, '[part=badge]').textContent!.trim()).to.equal('2');
    await until(() => status.textContent!.trim() === '2 items in your cart', 'announced politely');
    expect(changes.length).to.be.greaterThan(0);
    expect(changes.at(-1)!.detail.cart.itemCount).to.equal(2);

    const card = await fixture<KioskProductCard>(
      html`<kiosk-product-card product=${TEE}></kiosk-product-card>`,
    );
    await until(() => card.productData !== undefined && card.cardState === 'ready', 'card');
    await card.updateComplete;
    $<HTMLButtonElement>(card, '[part=button]').click();
    await until(() => el.cartData?.itemCount === 3, 'count 3 after the card adds');
    await until(() => sent(), 'sent');
    await el.updateComplete;
    expect(trigger(el).getAttribute('aria-label')).to.equal('Cart, 3 items');
  });

  it('is an APG modal dialog: keyboard opens it, focus moves in, Tab cycles, Escape closes and returns focus', async () => {
    const variant = await variantOf();
    await client.cart.add(variant.id, 1);
    const el = await miniCart();
    await until(() => el.cartData?.itemCount === 1, 'cart loaded');
    trigger(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.open && panel(el)?.open, 'opened with Enter');
    const dialog = panel(el);
    expect(dialog.getAttribute('role')).to.equal('dialog');
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    const labelledBy = dialog.getAttribute('aria-labelledby')!;
    expect($(el, `#${labelledBy}`).textContent).to.equal('Your cart');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    expect(dialog.contains(active(el)), 'focus moved into the panel').to.equal(true);
    expect(active(el)).to.equal($(el, '[part=close]'));
    await until(() => dialog.getAttribute('data-floating') === 'placed', 'placed');
    await expect(el).to.be.accessible();

    // Tab through every control: focus never leaves, and wraps to the first.
    const first = active(el);
    const seen = new Set<Element | null>();
    for (let i = 0; i < 30; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(active(el)), `Tab ${i + 1} stays inside`).to.equal(true);
      seen.add(active(el));
      if (active(el) === first) break;
    }
    expect(active(el), 'Tab wrapped to the first control').to.equal(first);
    expect(seen.size).to.be.greaterThan(4);
    await sendKeys({ press: 'Shift+Tab' });
    expect(active(el), 'Shift+Tab from the first goes to the last').to.equal(
      $(el, '[part=checkout]'),
    );
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(first);

    await sendKeys({ press: 'Escape' });
    await until(() => !el.open && !panel(el)?.open, 'closed with Escape');
    expect(el.hasAttribute('open')).to.equal(false);
    expect(active(el), 'focus back on the trigger').to.equal(trigger(el));
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'Space' });
    await until(() => el.open && panel(el)?.open, 'opened with Space');
    expect(dialog.contains(active(el))).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open, 'closed');
  });

  it('closes on a click outside the panel, and opens/closes from the open attribute', async () => {
    const el = await miniCart();
    el.setAttribute('open', '');
    await until(() => panel(el)?.open && panel(el).getAttribute('data-floating') === 'placed');
    expect(panel(el).contains(active(el))).to.equal(true);
    expect($(el, '[part=empty]').textContent).to.contain('Your cart is empty');
    await expect(el).to.be.accessible();

    // A click inside the panel keeps it open.
    const box = panel(el).getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width / 2), Math.round(box.bottom - 4)],
    });
    expect(el.open).to.equal(true);

    await sendMouse({ type: 'click', position: [innerWidth - 3, innerHeight - 3] });
    await until(() => !el.open && !panel(el)?.open, 'closed by the outside click');
    expect(active(el)).to.equal(trigger(el));

    el.open = true;
    await until(() => panel(el)?.open, 'opened by the property');
    el.removeAttribute('open');
    await until(() => !panel(el)?.open, 'closed by removing the attribute');
  });

  it('is translated and mirrored in Arabic', async () => {
    const variant = await variantOf();
    await client.cart.add(variant.id, 2);
    const el = await miniCart({ locale: 'ar' });
    await until(() => el.cartData?.itemCount === 2, 'line');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(trigger(el).getAttribute('aria-label')).to.equal('السلة، منتجان');
    await openWithClick(el);
    const dialog = panel(el);
    expect(getComputedStyle(dialog).direction).to.equal('rtl');
    expect($(el, '#title').textContent).to.equal('سلتك');
    expect($<HTMLButtonElement>(el, '[part=checkout]').textContent!.trim()).to.equal(
      'إتمام الشراء',
    );
    // The store ships: the summary says shipping comes at checkout.
    await until(() => !!root(el).querySelector('[part=summary-note]'), 'shipping note');
    expect($(el, '[part=summary-note]').textContent).to.equal('يُحسب الشحن عند الدفع');
    // bottom-end is logical: in RTL the panel's end is its left edge, aligned with the trigger's.
    const t = trigger(el).getBoundingClientRect();
    const p = dialog.getBoundingClientRect();
    expect(Math.abs(p.left - t.left), 'left edges aligned in RTL').to.be.lessThan(1);
    // The badge sits at the inline end: the left in RTL.
    const badge = $(el, '[part=badge]').getBoundingClientRect();
    expect(badge.left - t.left).to.be.lessThan(t.right - badge.right);
    await expect(el).to.be.accessible();

    // Check out from an Arabic page: the hosted page is asked for Arabic (and right-to-left).
    const navigated = catchNavigation(el);
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    await until(() => navigated.length === 1, 'navigated');
    expect(new URL(navigated[0]!).searchParams.get('locale')).to.equal('ar');
  });
});
