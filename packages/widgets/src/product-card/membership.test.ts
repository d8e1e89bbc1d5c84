// Member prices and early access on the card (issue 17), with the demo's membership: Gold pays
// 15 % less for the heavyweight tee and may buy the wool overcoat before 1 January 2030
// (packages/server/src/seed/membership.ts). A guest sees what members pay and is offered to
// sign in; the Gold member, once signed in, sees the card re-read in place with their price.
import { expect } from '@open-wc/testing';
import { endpoint, until } from '../../test/helpers.js';
import { $, card, freshCardPage, settled, shadow } from '../../test/product-card.js';
import { ADMIN, client, sent } from '../../test/shopper.js';
import type { KioskProductCard } from './product-card.js';

const HEAVY_TEE = 'aurora-heavyweight-tee';
const OVERCOAT = 'aurora-wool-overcoat';

async function signInAsGold() {
  const minted = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ email: 'gold@example.com', name: 'Gwen Gold' }),
  }).then((r) => r.json());
  await client.auth.signInWithToken(minted.token);
}

const text = (el: KioskProductCard, selector: string) =>
  $(el, selector).textContent!.replace(/\s+/g, ' ').trim();

describe('<kiosk-product-card> membership', () => {
  beforeEach(() => freshCardPage());

  it('offers a guest the member price with sign-in, then shows the Gold price in place', async () => {
    const el = await card(HEAVY_TEE);
    await settled(el);
    const variant = el.selectedVariant!;
    const gold = variant.memberPriceFrom!.price;
    expect(variant.memberPriceFrom!.tier).to.equal('Gold');
    const offer = $<HTMLButtonElement>(el, '[part=member-offer]');
    expect(offer.localName).to.equal('button');
    expect(text(el, '[part=member-offer]')).to.equal(`Members pay $${gold.amount} — sign in`);
    expect(text(el, '[part=price]')).to.equal(`$${variant.price.amount}`);

    // The button asks the SDK for the sign-in window, in the card's language.
    const asked: unknown[] = [];
    client.auth.login = (options) => {
      asked.push(options);
      return new Promise(() => {});
    };
    offer.click();
    expect(asked).to.deep.equal([{ mode: 'popup', locale: 'en' }]);

    // Signed in as Gold: the card reads the product again, never showing a skeleton.
    const states: string[] = [];
    new MutationObserver(() => states.push(el.cardState)).observe(el, { attributes: true });
    await signInAsGold();
    await until(() => !!shadow(el).querySelector('.price .member'), 'the Gold price');
    expect(text(el, '[part=price]')).to.equal(`Gold price $${gold.amount}`);
    expect(text(el, '[part=compare-price]')).to.equal(`Was $${variant.price.amount}`);
    expect(shadow(el).querySelector('[part=member-offer]')).to.equal(null);
    expect(states).not.to.include('loading');
    await expect(el).to.be.accessible();

    // Signed out: the guest's price and offer again.
    await client.auth.logout();
    await until(() => !!shadow(el).querySelector('[part=member-offer]'), 'the offer again');
    expect(shadow(el).querySelector('[part=compare-price]')).to.equal(null);
  });

  it('says the Gold price in German and Arabic', async () => {
    await signInAsGold();
    const de = await card(HEAVY_TEE, 'locale=de');
    await settled(de);
    await until(() => !!shadow(de).querySelector('.price .member'), 'the Gold price');
    expect(text(de, '.price .member')).to.equal('Gold-Preis');
    const ar = await card(HEAVY_TEE, 'locale=ar');
    await settled(ar);
    await until(() => !!shadow(ar).querySelector('.price .member'), 'the Gold price');
    expect(text(ar, '.price .member')).to.equal('سعر Gold');
    expect(getComputedStyle($(ar, '[part=base]')).direction).to.equal('rtl');
  });

  it('keeps an early-access product to members until its date', async () => {
    const el = await card(OVERCOAT);
    await settled(el);
    expect(el.productData!.earlyAccess).to.deep.include({ canBuy: false, tiers: ['Gold'] });
    expect(text(el, '[part=early-access]')).to.equal(
      'Members first · for everyone from Jan 1, 2030',
    );
    const add = $<HTMLButtonElement>(el, '[part=button]');
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    add.click();
    await el.updateComplete;
    expect(client.cart.$cart.get()?.itemCount ?? 0, 'nothing added').to.equal(0);

    // The Gold member may buy it now.
    await signInAsGold();
    await until(() => el.productData!.earlyAccess?.canBuy === true, 'open to Gold');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=early-access]')).to.equal(null);
    expect(add.getAttribute('aria-disabled')).to.equal('false');
    add.click();
    await until(() => client.cart.$cart.get()?.itemCount === 1, 'added');
    await until(sent, 'sent');
  });
});
