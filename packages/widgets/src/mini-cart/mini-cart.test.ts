import { type Cart, createClient, type KioskClient, type Variant } from '@kiosk/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import { configure } from '../config.js';
import type { KioskCheckoutEvent } from '../events/checkout.js';
import '../product-card/define.js';
import type { KioskProductCard } from '../product-card/product-card.js';
import './define.js';
import type { KioskMiniCart } from './mini-cart.js';

const TEE = 'aurora-classic-tee';
const ADMIN = { authorization: 'Bearer sk_test_aurora', 'content-type': 'application/json' };

let client: KioskClient;
function freshClient(options: Partial<Parameters<typeof createClient>[0]> = {}) {
  client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null, ...options });
  configure({ client });
  return client;
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector)!;
const trigger = (el: KioskMiniCart) => $<HTMLButtonElement>(el, '[part=trigger]');
const panel = (el: KioskMiniCart) => $<HTMLDialogElement>(el, 'dialog');
const active = (el: KioskMiniCart) => root(el).activeElement;
/** Every cart write has reached the server (the SDK's queue, not the element's last render). */
const sent = () => client.cart.$pending.get() === 0;
/** Requests for the panel's module (served as source here; a chunk of its own in the CDN build). */
const panelRequests = () =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes('/mini-cart/panel'));

async function variantOf(handle = TEE, minStock = 3): Promise<Variant> {
  const product = await client.products.get(handle);
  return product.variants.find((v) => v.available && v.quantityAvailable >= minStock)!;
}

/** The cart as the server has it (not the SDK's optimistic view). */
async function serverCart(id: string): Promise<Cart> {
  const res = await fetch(`${endpoint}/v1/carts/${id}`, {
    headers: { 'x-kiosk-key': 'pk_test_aurora' },
  });
  return res.json();
}

async function signIn(points = 0) {
  const email = `cart-${crypto.randomUUID()}@example.com`;
  const minted = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ email, name: 'Ada Lovelace' }),
  }).then((r) => r.json());
  if (points) {
    const res = await fetch(`${endpoint}/admin/v1/points/adjustments`, {
      method: 'POST',
      headers: ADMIN,
      body: JSON.stringify({ email, points, reason: 'mini-cart test' }),
    });
    expect(res.status).to.be.lessThan(300);
  }
  await client.auth.signInWithToken(minted.token);
  await until(() => client.points.$summary.get() !== null, 'points summary');
  return email;
}

async function miniCart(attrs: { locale?: string } = {}) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div style="display: flex; justify-content: center; padding-block: 1rem">
      <kiosk-mini-cart locale=${attrs.locale ?? 'en'}></kiosk-mini-cart>
    </div>`,
  );
  const el = wrap.querySelector('kiosk-mini-cart')!;
  await until(() => !!trigger(el).getAttribute('aria-label'), 'translated trigger');
  return el;
}

async function openWithClick(el: KioskMiniCart) {
  trigger(el).click();
  await until(() => panel(el)?.getAttribute('data-floating') === 'placed', 'panel placed');
}

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

  // Second: clients on one page share sign-in (BroadcastChannel), so a client from an earlier
  // test holding a guest cart would merge it into this customer's cart.
  it('asks guests to sign in for points, and lets a signed-in customer redeem them', async function () {
    this.timeout(40_000); // signs in, then four round trips to the server
    const variant = await variantOf();
    await client.cart.add(variant.id, 1);
    const el = await miniCart();
    await until(() => el.cartData?.itemCount === 1, 'line');
    await openWithClick(el);
    expect($(el, '[part=points]'), 'no way to sign in to this store here: no prompt').to.equal(
      null,
    );
    // The page's header gets a login button for this store: now the cart says where points come from.
    const login = document.createElement('kiosk-login-button');
    document.body.append(login);
    el.open = false;
    await el.updateComplete;
    await openWithClick(el);
    expect($(el, '[part=points]').textContent!.trim()).to.equal(
      'Sign in to use your points on this order.',
    );
    login.remove();

    await signIn(2000);
    await until(() => $(el, '.balance')?.textContent?.includes('2,000'), 'balance shown');
    await until(() => el.cartData?.itemCount === 1, 'merged cart');
    await el.updateComplete;
    expect($(el, '.balance').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'You have 2,000 points · Tier: Gold',
    );
    await expect(el).to.be.accessible();

    const input = $<HTMLInputElement>(el, '#points-input');
    const submit = $<HTMLButtonElement>(el, '.redeem button[type=submit]');
    expect(input.labels![0]!.textContent).to.equal('Points to use');
    // What points are worth, before using them: the balance, then what is typed.
    await until(() => $(el, '#points-worth') !== null, 'the store’s points terms');
    expect($(el, '#points-worth').textContent!.trim()).to.equal('2,000 points = $20.00');
    expect(input.getAttribute('aria-describedby')).to.equal('points-worth');
    input.value = '300';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#points-worth').textContent!.trim()).to.equal('300 points = $3.00');

    // Validation on this side: more than the balance.
    input.value = '5000';
    input.dispatchEvent(new Event('input'));
    submit.click();
    await el.updateComplete;
    expect($(el, '#points-error').textContent).to.equal('You have only 2,000 points.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');

    // The server's limit: points pay at most 50% of the $25 subtotal (1,250 points).
    input.value = '1500';
    input.dispatchEvent(new Event('input'));
    submit.click();
    await until(() => {
      const text = $(el, '#points-error')?.textContent;
      return !!text && text !== 'You have only 2,000 points.';
    }, 'the server’s answer');
    expect($(el, '#points-error').textContent).to.equal(
      'You can use up to 1,250 points on this order.',
    );
    await expect(el).to.be.accessible();

    input.value = '500';
    input.dispatchEvent(new Event('input'));
    submit.click();
    await el.updateComplete;
    // Until the server prices the points, discount and total say they are updating (not $25.00).
    expect($(el, '[part=summary]').getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.discount dd').textContent!.trim()).to.equal('Updating…');
    expect($(el, '[part=total] dd').textContent!.trim()).to.equal('Updating…');
    await until(() => el.cartData?.pointsRedeemed === 500 && sent(), 'redeemed');
    await el.updateComplete;
    expect((await client.cart.refresh())!.pointsRedeemed, 'the server has it').to.equal(500);
    expect($(el, '#points-error') === null).to.equal(true);
    expect($(el, '.applied').textContent).to.contain('500 points applied to this order.');
    expect($(el, '.discount dd').textContent!.trim()).to.equal('−$5.00');
    expect($(el, '[part=total] dd').textContent!.trim()).to.equal('$20.00');
    expect($(el, '[part=summary]').getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '.applied button').click();
    await until(
      () => el.cartData?.pointsRedeemed === 0 && el.cartData.discount.amount === '0.00' && sent(),
      'points removed',
    );
    await el.updateComplete;
    expect($(el, '.discount') === null).to.equal(true);
    expect($(el, '[part=total] dd').textContent!.trim()).to.equal('$25.00');

    // "Use all": as many as the order allows (here the store's 50% of $25), not the balance.
    const useAll = $<HTMLButtonElement>(el, '.use-all');
    expect(useAll.textContent!.trim()).to.equal('Use all');
    useAll.click();
    await until(() => el.cartData?.pointsRedeemed === 1250 && sent(), 'the most allowed');
    await el.updateComplete;
    expect((await client.cart.refresh())!.pointsRedeemed, 'the server has it').to.equal(1250);
    expect($(el, '#points-error'), 'the limit is not an error here').to.equal(null);
    expect($(el, '.applied').textContent).to.contain('1,250 points applied to this order.');
    expect($(el, '[part=total] dd').textContent!.trim()).to.equal('$12.50');
    await client.auth.logout();
    // The customer's cart stays theirs: this browser starts over with an empty guest cart.
    await until(() => $(el, '[part=empty]') !== null, 'signed out: empty guest cart');
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

  it('fires kiosk-cart-change once per settled change: not for the optimistic view, a refusal or an unchanged reload', async () => {
    const variant = await variantOf(TEE, 3);
    const el = await miniCart();
    await el.updateComplete;
    const changes: Cart[] = [];
    el.addEventListener('kiosk-cart-change', (e) => changes.push(e.detail.cart!));

    // One add: shown at once (optimistically), announced once, when the server has it.
    const adding = client.cart.add(variant.id, 1);
    await until(() => el.cartData?.itemCount === 1, 'optimistic line');
    await el.updateComplete;
    expect(changes, 'nothing while the server answers').to.have.length(0);
    await adding;
    await until(() => sent() && changes.length > 0, 'settled');
    await el.updateComplete;
    expect(changes).to.have.length(1);
    const line = changes[0]!.lines[0]!;
    expect(line.id, 'the server’s line, not the optimistic one').not.to.match(/^pending:/);
    expect(changes[0]!.itemCount).to.equal(1);

    // One quantity change: one event.
    await client.cart.update(line.id, 2);
    await until(() => changes.length > 1, 'second change');
    await el.updateComplete;
    expect(changes).to.have.length(2);
    expect(changes[1]!.lines[0]!.quantity).to.equal(2);

    // Refused by the server (more than the stock): the cart rolls back, nothing changed.
    await client.cart.update(line.id, line.available + 1).catch(() => {});
    await until(() => sent() && el.cartData?.lines[0]?.quantity === 2, 'rolled back');
    // A reload that finds the same cart: nothing changed either.
    await client.cart.refresh();
    await el.updateComplete;
    expect(changes, 'a refusal and an unchanged reload are not changes').to.have.length(2);

    // Removing the line: one event, with the emptied cart.
    await client.cart.remove(line.id);
    await until(() => changes.length > 2, 'removed');
    await el.updateComplete;
    expect(changes).to.have.length(3);
    expect(changes[2]!.lines).to.have.length(0);
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

  it('changes quantities with the stepper (limited by stock) and removes lines, as the server confirms', async () => {
    const variant = await variantOf(TEE, 3);
    await client.cart.add(variant.id, 1);
    const el = await miniCart();
    await until(() => el.cartData?.itemCount === 1, 'line loaded');
    await openWithClick(el);
    const line = () => $(el, '[part=line]');
    const cartId = el.cartData!.id;
    expect(line().querySelector('[part=line-title]')!.textContent).to.equal('Classic Tee');
    expect(line().querySelector('[part=line-variant]')!.textContent).to.equal(variant.title);
    expect(line().querySelector('[part=line-price]')!.textContent!.trim()).to.equal('$25.00 each');
    const dec = line().querySelector<HTMLButtonElement>('button.dec')!;
    const inc = line().querySelector<HTMLButtonElement>('button.inc')!;
    const input = line().querySelector<HTMLInputElement>('input')!;
    expect(dec.getAttribute('aria-label')).to.equal('Decrease quantity of Classic Tee');
    expect(inc.getAttribute('aria-label')).to.equal('Increase quantity of Classic Tee');
    expect(input.getAttribute('aria-label')).to.equal('Quantity of Classic Tee');
    expect(dec.getAttribute('aria-disabled'), 'can’t go below 1').to.equal('true');
    await expect(el).to.be.accessible();

    inc.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.cartData?.lines[0]?.quantity === 2, 'optimistic 2');
    await until(() => sent(), 'sent');
    expect((await serverCart(cartId)).lines[0]!.quantity, 'server has 2').to.equal(2);
    expect(active(el), 'focus stays on +').to.equal(inc);
    await el.updateComplete;
    expect($(el, '[part=line-total]').textContent!.trim()).to.equal('$50.00');
    expect($(el, '[part=total] dd').textContent!.trim()).to.equal('$50.00');

    // Typing more than the stock clamps to what is available.
    const stock = el.cartData!.lines[0]!.available;
    input.value = String(stock + 10);
    input.dispatchEvent(new Event('change'));
    await until(() => el.cartData?.lines[0]?.quantity === Math.min(stock, 999), 'clamped');
    await until(() => sent(), 'sent');
    expect((await serverCart(cartId)).lines[0]!.quantity).to.equal(Math.min(stock, 999));
    await el.updateComplete;
    expect(inc.getAttribute('aria-disabled'), '+ stops at the stock').to.equal('true');

    const remove = $<HTMLButtonElement>(el, '[part=remove]');
    expect(remove.getAttribute('aria-label')).to.equal('Remove Classic Tee from your cart');
    remove.click();
    await until(() => $(el, '[part=empty]') !== null, 'empty state');
    await until(() => sent(), 'sent');
    expect((await serverCart(cartId)).lines, 'server removed it').to.have.length(0);
    expect(panel(el).contains(active(el)), 'focus stays in the panel').to.equal(true);
    expect(trigger(el).getAttribute('aria-label')).to.equal('Cart, 0 items');
    await until(() =>
      $(el, 'dialog [role=status]').textContent!.includes('Classic Tee was removed'),
    );
    await expect(el).to.be.accessible();
  });

  it('shows a line with its variant’s own image (the White tee, not the first picture), with alt text', async () => {
    const product = await client.products.get(TEE);
    const white = product.variants.find(
      (v) => v.available && v.title.includes('White') && v.image !== null,
    )!;
    expect(white.image!.url, 'a picture of its own').to.not.equal(product.images[0]!.url);
    await client.cart.add(white.id, 1);
    const el = await miniCart();
    await until(() => el.cartData?.itemCount === 1 && sent(), 'line');
    await openWithClick(el);
    const img = $<HTMLImageElement>(el, 'img[part=line-image]');
    expect(img.getAttribute('src')).to.equal(white.image!.url);
    expect(img.alt, 'the image’s own alt text').to.equal(white.image!.alt || product.title);
    expect(img.alt).to.not.equal('');
    await until(() => img.complete && img.naturalWidth > 0, 'image loaded');
    const box = img.getBoundingClientRect();
    expect(box.width, 'square').to.equal(box.height);
  });

  it('lets the host take over checkout by cancelling kiosk-checkout', async () => {
    const variant = await variantOf();
    await client.cart.add(variant.id, 1);
    const el = await miniCart();
    await until(() => el.cartData?.itemCount === 1, 'line');
    await openWithClick(el);
    const navigated: string[] = [];
    (el as unknown as { navigate: (url: string) => void }).navigate = (url) => navigated.push(url);
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
    const variant = await variantOf();
    await client.cart.add(variant.id, 1);
    const el = await miniCart();
    await until(() => el.cartData?.itemCount === 1, 'line');
    await openWithClick(el);
    const navigated: string[] = [];
    (el as unknown as { navigate: (url: string) => void }).navigate = (url) => navigated.push(url);
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
    const variant = await variantOf();
    await client.cart.add(variant.id, 2);
    const el = await miniCart();
    await until(() => el.cartData?.itemCount === 2, 'lines');
    await openWithClick(el);
    const navigated: string[] = [];
    (el as unknown as { navigate: (url: string) => void }).navigate = (url) => navigated.push(url);
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
    // bottom-end is logical: in RTL the panel's end is its left edge, aligned with the trigger's.
    const t = trigger(el).getBoundingClientRect();
    const p = dialog.getBoundingClientRect();
    expect(Math.abs(p.left - t.left), 'left edges aligned in RTL').to.be.lessThan(1);
    // The badge sits at the inline end: the left in RTL.
    const badge = $(el, '[part=badge]').getBoundingClientRect();
    expect(badge.left - t.left).to.be.lessThan(t.right - badge.right);
    await expect(el).to.be.accessible();

    // Check out from an Arabic page: the hosted page is asked for Arabic (and right-to-left).
    const navigated: string[] = [];
    (el as unknown as { navigate: (url: string) => void }).navigate = (url) => navigated.push(url);
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    await until(() => navigated.length === 1, 'navigated');
    expect(new URL(navigated[0]!).searchParams.get('locale')).to.equal('ar');
  });
});
