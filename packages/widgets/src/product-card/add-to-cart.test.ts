// Adding to the cart: the event, the announcement and its View cart, and a cart per store when a
// page holds several <kiosk-store>s.
import { createClient, type Product } from '@kiosk/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { endpoint, until } from '../../test/helpers.js';
import {
  $,
  card,
  firstLineConfirmed,
  freshCardPage,
  settled,
  shadow,
  shownStatus,
  TEE,
} from '../../test/product-card.js';
import { client, sent } from '../../test/shopper.js';
import type { KioskAddToCartEvent } from '../events/add-to-cart.js';
import '../mini-cart/define.js';
import type { KioskMiniCart } from '../mini-cart/mini-cart.js';
import '../store/define.js';
import type { KioskProductCard } from './product-card.js';

/**
 * A page with two stores, a card in each: card a (the tee) in Aurora's <kiosk-store>, card b
 * (Borealis's first product, `other`) in Borealis's, with `besideB` next to it.
 */
async function twoStores(besideB: unknown = nothing) {
  localStorage.clear();
  const borealis = createClient({ endpoint, storeKey: 'pk_test_borealis', storage: null });
  const other: Product = (await borealis.products.list({ first: 1 })).items[0]!;
  const page = await fixture<HTMLElement>(html`<div>
      <kiosk-store endpoint=${endpoint} store-key="pk_test_aurora">
        <kiosk-product-card id="a" product=${TEE}></kiosk-product-card>
      </kiosk-store>
      <kiosk-store endpoint=${endpoint} store-key="pk_test_borealis">
        <kiosk-product-card id="b" product=${other.handle}></kiosk-product-card>
        ${besideB}
      </kiosk-store>
    </div>`);
  const a = page.querySelector<KioskProductCard>('#a')!;
  const b = page.querySelector<KioskProductCard>('#b')!;
  return { page, other, a, b };
}

describe('<kiosk-product-card> adding to the cart', () => {
  beforeEach(freshCardPage);

  it('adds to the cart (quantity by keyboard), updates $cart and fires kiosk-add-to-cart', async () => {
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const plus = shadow(el).querySelectorAll<HTMLButtonElement>('[part=quantity] button')[1]!;
    plus.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[part=quantity] input').value).to.equal('2');
    $<HTMLButtonElement>(el, '[part=button]').focus();
    const fired = oneEvent(el, 'kiosk-add-to-cart') as Promise<KioskAddToCartEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.quantity).to.equal(2);
    expect(event.detail.product.handle).to.equal(TEE);
    expect(event.detail.variant.id).to.equal(el.selectedVariant!.id);
    // Optimistic: the line is there before the server answers.
    expect(client.cart.$cart.get()?.lines.some((l) => l.variantId === event.detail.variant.id)).to
      .be.true;
    await until(
      () => $(el, '[part=status]').textContent!.includes('Added to your cart'),
      'announced',
    );
    const line = client.cart.$cart
      .get()!
      .lines.find((l) => l.variantId === event.detail.variant.id)!;
    expect(line.quantity).to.equal(2);
    expect(line.id).not.to.match(/^pending:/);
  });

  it('says "Added · View cart" after an add, and View cart opens the mini cart', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <kiosk-mini-cart></kiosk-mini-cart>
      <kiosk-product-card product=${TEE}></kiosk-product-card>
    </div>`);
    const el = page.querySelector<KioskProductCard>('kiosk-product-card')!;
    const miniCart = page.querySelector<KioskMiniCart>('kiosk-mini-cart')!;
    await settled(el);
    await el.updateComplete;
    const adds: KioskAddToCartEvent[] = [];
    page.addEventListener('kiosk-add-to-cart', (e) => adds.push(e));
    $<HTMLButtonElement>(el, '[part=button]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!shadow(el).querySelector('[part=view-cart]'), 'View cart');
    await until(sent, 'the add reached the server');
    expect(adds.length, 'kiosk-add-to-cart once per add').to.equal(1);
    const status = $(el, '[part=status]');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(shownStatus(el)).to.equal('Added · View cart');
    // A screen reader hears what was added, and the way on.
    expect(status.textContent).to.contain('Added to your cart: 1 × Classic Tee');
    await expect(el).to.be.accessible();
    expect(miniCart.open).to.equal(false);
    $<HTMLButtonElement>(el, '[part=view-cart]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => miniCart.open, 'mini cart open');
    expect(adds.length).to.equal(1);
  });

  it('offers View cart only for a mini cart of the same store', async () => {
    // Card a's store is Aurora in a <kiosk-store> of its own; the page has no Aurora mini cart.
    const { page, a, b } = await twoStores(html`<kiosk-mini-cart id="inside"></kiosk-mini-cart>`);
    for (const c of [a, b]) {
      await settled(c);
      await c.updateComplete;
      $<HTMLButtonElement>(c, '[part=button]').click();
      await until(() => shownStatus(c).startsWith('Added'), 'added');
    }
    // Card a's store has no mini cart (Borealis's shows another cart).
    expect(shownStatus(a)).to.equal('Added');
    expect(shadow(a).querySelector('[part=view-cart]')).to.equal(null);
    expect(shownStatus(b)).to.equal('Added · View cart');
    $<HTMLButtonElement>(b, '[part=view-cart]').click();
    const inside = page.querySelector<KioskMiniCart>('#inside')!;
    await until(() => inside.open, "the store's mini cart opens");
    // Each store's client (and cart) lives on for the page: leave both carts empty.
    for (const store of page.querySelectorAll('kiosk-store')) {
      const cart = store.client!.cart;
      await until(() => cart.$pending.get() === 0, 'adds sent');
      for (const line of cart.$cart.get()?.lines ?? []) await cart.remove(line.id);
    }
  });

  it('keeps separate carts for two <kiosk-store>s on one page', async () => {
    const { page, other, a, b } = await twoStores();
    const [storeA, storeB] = [...page.querySelectorAll('kiosk-store')];
    await settled(a);
    await settled(b);
    await a.updateComplete;
    $<HTMLButtonElement>(a, '[part=button]').click();
    const clientA = storeA!.client!;
    const clientB = storeB!.client!;
    await until(() => firstLineConfirmed(clientA));
    expect(clientA.cart.$cart.get()!.lines.map((l) => l.handle)).to.deep.equal([TEE]);
    expect(clientB.cart.$cart.get()?.lines ?? []).to.have.length(0);
    await b.updateComplete;
    $<HTMLButtonElement>(b, '[part=button]').click();
    await until(() => firstLineConfirmed(clientB));
    expect(clientB.cart.$cart.get()!.lines.map((l) => l.handle)).to.deep.equal([other.handle]);
    expect(clientA.cart.$cart.get()!.lines.map((l) => l.handle)).to.deep.equal([TEE]);
    expect(clientA.cart.$cart.get()!.id).not.to.equal(clientB.cart.$cart.get()!.id);
  });
});
