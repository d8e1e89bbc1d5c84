// Redeeming points in the open cart. A file of its own: clients on one page share sign-in
// (BroadcastChannel), so a client from an earlier test holding a guest cart would merge it into
// this customer's cart.
import { expect } from '@open-wc/testing';
import { until } from '../../test/helpers.js';
import { $, miniCart, openWithClick, variantOf } from '../../test/mini-cart.js';
import { client, freshClient, sent, signInWithPoints } from '../../test/shopper.js';

describe('<kiosk-mini-cart> redeeming points', () => {
  beforeEach(() => {
    freshClient();
  });

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

    await signInWithPoints(2000);
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
});
