// The open cart's lines (quantities, removal, images) and the kiosk-cart-change events their
// changes fire.
import type { Cart } from '@kiosk/sdk';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../../test/helpers.js';
import {
  $,
  active,
  miniCart,
  openWithClick,
  panel,
  serverCart,
  TEE,
  trigger,
  variantOf,
} from '../../test/mini-cart.js';
import { client, freshClient, sent } from '../../test/shopper.js';

describe('<kiosk-mini-cart> lines', () => {
  beforeEach(() => {
    freshClient();
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
});
