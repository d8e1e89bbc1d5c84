import type { KioskClient } from '@kiosk/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { endpoint, until } from '../../test/helpers.js';
import { ADMIN, client, freshClient, sent, signInWithPoints } from '../../test/shopper.js';
import { clientFor } from '../config.js';
import '../store/define.js';
import './define.js';
import type { KioskMiniCart } from './mini-cart.js';

// The points part of the open cart. A file of its own: clients on one page share sign-in
// (BroadcastChannel), so these tests sign in and out apart from the other cart tests.
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector);
const text = (el: Element, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();

async function addTee(to: KioskClient, handle = 'aurora-classic-tee') {
  const product = await to.products.get(handle);
  const variant = product.variants.find((v) => v.available && v.quantityAvailable >= 2)!;
  await to.cart.add(variant.id, 1);
}

async function openCart(el: KioskMiniCart) {
  el.open = true;
  await until(
    () => !!$<HTMLDialogElement>(el, 'dialog')?.open && !!$(el, '[part=checkout]'),
    'open cart',
  );
}

/** "You'll earn N points" says the server's `pointsToEarn` for this cart. */
function expectEarn(el: KioskMiniCart, points: number) {
  expect(el.cartData?.pointsToEarn, 'the server says what the cart earns').to.equal(points);
  expect(text(el, '.earn')).to.equal(
    `You’ll earn ${points.toLocaleString('en')} points with this order.`,
  );
}

describe('<kiosk-mini-cart> points', () => {
  beforeEach(() => {
    freshClient();
  });
  afterEach(async () => {
    if (client.auth.$session.get()) await client.auth.logout();
  });

  // First: no one is signed in yet on this page.
  it('asks to sign in only in the cart of a store the page can sign in to', async () => {
    const borealis = clientFor({ endpoint, storeKey: 'pk_test_borealis' });
    await addTee(client);
    await addTee(borealis, 'borealis-insulated-beanie');
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <kiosk-login-button></kiosk-login-button>
      <kiosk-mini-cart id="aurora" locale="en"></kiosk-mini-cart>
      <kiosk-store endpoint=${endpoint} store-key="pk_test_borealis">
        <kiosk-mini-cart id="borealis" locale="en"></kiosk-mini-cart>
      </kiosk-store>
    </div>`);
    const aurora = wrap.querySelector<KioskMiniCart>('#aurora')!;
    const second = wrap.querySelector<KioskMiniCart>('#borealis')!;
    await until(() => aurora.cartData?.itemCount === 1 && second.cartData?.itemCount === 1);

    // The header's login button signs in to the page's store (the script tag's / configured one).
    await openCart(aurora);
    expect(text(aurora, '[part=points]')).to.equal('Sign in to use your points on this order.');
    aurora.open = false;
    await until(() => !$<HTMLDialogElement>(aurora, 'dialog')!.open);

    // Borealis has no sign-in on this page: its cart does not ask for one it can't offer.
    await openCart(second);
    expect($(second, '[part=points]'), 'no sign-in prompt for the second store').to.equal(null);
    await expect(second).to.be.accessible();
    second.open = false;
    await until(() => !$<HTMLDialogElement>(second, 'dialog')!.open);

    // No guest cart stays behind: the next test's sign-in reaches this client too (tabs share
    // sign-in), which would then merge this tee into that test's customer cart.
    for (const line of client.cart.$cart.get()!.lines) client.cart.remove(line.id);
    await until(() => sent() && client.cart.$cart.get()!.itemCount === 0, 'empty guest cart');
  });

  it('at a zero balance shows no points field, but how to earn them', async () => {
    await addTee(client);
    const el = await fixture<KioskMiniCart>(html`<kiosk-mini-cart locale="en"></kiosk-mini-cart>`);
    await signInWithPoints(0);
    await until(() => el.cartData?.itemCount === 1 && sent(), 'merged cart');
    await openCart(el);
    await until(() => !!text(el, '[part=points]'), 'points section');
    expect($(el, '#points-input'), 'no field to type points into').to.equal(null);
    expect($(el, '.use-all')).to.equal(null);
    expect(text(el, '.balance')).to.equal('You have no points yet.');
    expect(text(el, '.points .hint')).to.equal(
      'You earn points with every order you pay for, to use on later orders.',
    );
    expectEarn(el, 25); // $25 at the store's 1 point per dollar
    await expect(el).to.be.accessible();
  });

  it('shows the balance without the points an unpaid order holds, and Use all takes them back into this cart', async function () {
    this.timeout(40_000); // signs in, redeems, checks out, redeems again
    await addTee(client);
    const el = await fixture<KioskMiniCart>(html`<kiosk-mini-cart locale="en"></kiosk-mini-cart>`);
    (el as unknown as { navigate: (url: string) => void }).navigate = () => {};
    await signInWithPoints(1000);
    await until(() => el.cartData?.itemCount === 1 && sent(), 'merged cart');
    await openCart(el);
    await until(() => text(el, '.balance') === 'You have 1,000 points · Tier: Silver', 'balance');
    await until(() => !!$(el, '#points-worth'), 'worth');
    expect(text(el, '#points-worth')).to.equal('1,000 points = $10.00');
    // A Silver member earns at the tier's multiplier (the demo store's membership), whole points.
    const membership = await fetch(`${endpoint}/admin/v1/membership`, { headers: ADMIN }).then(
      (r) => r.json(),
    );
    const silver = membership.tiers.find((t: { name: string }) => t.name === 'Silver');
    expect(silver.perks.pointsMultiplier).to.be.greaterThan(1);
    expectEarn(el, Math.floor(25 * silver.perks.pointsMultiplier));

    await client.cart.redeemPoints(400);
    // Checking out places the order, which holds the 400 points until it is paid or expires.
    $<HTMLButtonElement>(el, '[part=checkout]')!.click();
    await until(() => client.points.$summary.get()?.balance === 600, 'points held by the order');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await until(() => !!$(el, '[part=checkout]'), 'back from the payment page');
    await until(() => text(el, '.balance') === 'You have 600 points · Tier: Silver', 'held');
    expect(text(el, '.applied')).to.contain('400 points applied to this order.');
    expect(text(el, '#points-worth')).to.equal('600 points = $6.00');

    // Use all: the 600 left plus the 400 this cart's order holds (the server counts them as
    // available to this cart), within the store's limit of 50% of $25 (1,250 points).
    $<HTMLButtonElement>(el, '.use-all')!.click();
    await until(() => el.cartData?.pointsRedeemed === 1000 && sent(), 'all of them');
    expect((await client.cart.refresh())!.pointsRedeemed, 'the server has it').to.equal(1000);
    await el.updateComplete;
    expect($(el, '#points-error')).to.equal(null);
    expect(text(el, '[part=total] dd')).to.equal('$15.00');
    expectEarn(el, el.cartData!.pointsToEarn); // what the server says for the $15 it would charge
    expect(el.cartData!.pointsToEarn, 'points pay part of it: it earns less').to.be.below(25);
    await expect(el).to.be.accessible();
  });
});
