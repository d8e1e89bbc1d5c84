// Checking out from the cart: the kiosk-checkout event, the hosted checkout page, coming back
// from it, and checking out while the API is unreachable.
import { expect, oneEvent } from '@open-wc/testing';
import { endpoint, until } from '../../test/helpers.js';
import {
  $,
  catchNavigation,
  miniCart,
  openCartWith,
  openWithClick,
  root,
  serverCart,
  trigger,
  variantOf,
} from '../../test/mini-cart.js';
import { ADMIN, client, freshClient, sent } from '../../test/shopper.js';
import type { KioskCheckoutEvent } from '../events/checkout.js';

describe('<kiosk-mini-cart> checkout', () => {
  beforeEach(() => {
    freshClient();
  });

  it('lets the host take over checkout by cancelling kiosk-checkout', async () => {
    const el = await openCartWith(1);
    const navigated = catchNavigation(el);
    el.addEventListener('kiosk-checkout', (e) => e.preventDefault(), { once: true });
    const event = oneEvent(el, 'kiosk-checkout') as Promise<KioskCheckoutEvent>;
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    const e = await event;
    expect(e.detail.cart.itemCount).to.equal(1);
    expect(e.cancelable && e.bubbles && e.composed).to.equal(true);
    await el.updateComplete;
    expect(navigated).to.have.length(0);
    expect(el.cartData?.itemCount, 'no order placed: the cart is still there').to.equal(1);
    expect($(el, '[part=checkout]').textContent!.trim()).to.equal('Check out');
  });

  it('checks out through the SDK and goes to the hosted checkout page', async () => {
    const el = await openCartWith(1);
    const navigated = catchNavigation(el);
    const changes: CustomEvent[] = [];
    el.addEventListener('kiosk-cart-change', (e) => changes.push(e as CustomEvent));
    const event = oneEvent(el, 'kiosk-checkout');
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    await event;
    await until(() => navigated.length === 1, 'navigated');
    const url = new URL(navigated[0]!);
    expect(url.origin + url.pathname).to.match(new RegExp(`^${endpoint}/checkout/[0-9a-f-]{36}$`));
    expect(url.searchParams.get('locale'), "the element's language").to.equal('en');
    expect(url.searchParams.get('currency'), "the element's currency").to.equal('USD');
    expect(url.searchParams.get('return_to'), 'back to this page').to.equal(location.href);
    const page = await fetch(navigated[0]!);
    expect(page.status, 'the hosted checkout page exists').to.equal(200);
    expect(el.cartData?.itemCount, 'the cart stays until the order is paid').to.equal(1);
    await el.updateComplete;
    expect(root(el).querySelector('dialog')!.textContent).to.contain('Going to checkout…');
  });

  it('back from the payment page: the cart as it was; once paid, empty', async () => {
    const el = await openCartWith(2);
    const navigated = catchNavigation(el);
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    await until(() => navigated.length === 1, 'navigated');
    const orderId = new URL(navigated[0]!).pathname.split('/').pop()!;
    // Back without paying: the browser restores this page from its back/forward cache.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await until(
      () => $(el, '[part=checkout]') !== null,
      'the cart again, not "Going to checkout…"',
    );
    expect(trigger(el).getAttribute('aria-label')).to.equal('Cart, 2 items');
    await expect(el).to.be.accessible();
    // Checking out again goes to the same order.
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    await until(() => navigated.length === 2, 'navigated again');
    expect(new URL(navigated[1]!).pathname).to.equal(`/checkout/${orderId}`);

    const paid = await fetch(`${endpoint}/admin/v1/orders/${orderId}/mark-paid`, {
      method: 'POST',
      headers: ADMIN,
    });
    expect(paid.status).to.equal(200);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await until(() => $(el, '[part=empty]') !== null, 'the empty cart');
    expect(trigger(el).getAttribute('aria-label')).to.equal('Cart, 0 items');
  });

  it('shows queued changes while the API is unreachable, a translated checkout error with retry, and recovers', async () => {
    // The real server, behind a network that can be cut (the shared outage server is toggled
    // by other test files running at the same time).
    let cut = false;
    freshClient({
      fetch: (input, init) =>
        cut ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init),
    });
    const variant = await variantOf();
    const el = await miniCart();
    cut = true;
    void client.cart.add(variant.id, 1).catch(() => {});
    await until(() => el.pending, 'pending');
    await el.updateComplete;
    expect(el.hasAttribute('pending')).to.equal(true);
    expect(trigger(el).getAttribute('aria-label')).to.equal('Cart, 1 item, changes not saved yet');
    expect($(el, '[part=pending]')).to.exist;
    await openWithClick(el);
    expect($(el, '[part=notice]').textContent).to.equal('Saving your changes…');
    expect(el.cartData?.lines[0]?.title, 'the line shows at once').to.equal('Classic Tee');
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    await until(() => $(el, '.summary ~ [part=error]') !== null, 'checkout error');
    expect($(el, '.summary ~ [part=error] span').textContent).to.equal(
      'You’re offline. Reconnect to check out.',
    );
    expect($(el, '.summary ~ [part=error] button').textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();

    cut = false;
    window.dispatchEvent(new Event('online'));
    await until(() => sent(), 'sent after the network came back');
    await el.updateComplete;
    expect(el.hasAttribute('pending')).to.equal(false);
    expect($(el, '[part=notice]') === null).to.equal(true);
    expect((await serverCart(el.cartData!.id)).itemCount, 'the server has it').to.equal(1);
  });
});
