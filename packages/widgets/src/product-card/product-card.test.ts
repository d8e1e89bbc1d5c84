import { createClient, isPendingLine, type KioskClient, type Product } from '@kiosk/sdk';
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import { configure } from '../config.js';
import type { KioskAddToCartEvent } from '../events/add-to-cart.js';
import '../mini-cart/define.js';
import type { KioskMiniCart } from '../mini-cart/mini-cart.js';
import '../store/define.js';
import './define.js';
import type { KioskProductCard } from './product-card.js';
import { imageFor } from './product-image.js';

const TEE = 'aurora-classic-tee';
const SALE = 'aurora-northern-lights-graphic-tee';
const SOLD_OUT = 'aurora-limited-parka';

let client: KioskClient;
/** Every cart write has reached the server (the SDK's queue is empty). */
const sentToServer = () => client.cart.$pending.get() === 0;
function freshClient(options: Partial<Parameters<typeof createClient>[0]> = {}) {
  client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null, ...options });
  configure({ client });
  return client;
}

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector)!;
/** What the status region shows on screen (its aria-hidden words and its button). */
const shownStatus = (el: KioskProductCard) =>
  [...$(el, '[part=status]').querySelectorAll('[aria-hidden=true], button')]
    .map((n) => n.textContent!.trim())
    .join(' ');
/** The image's URL without the width the card asks for. */
const imageUrl = (img: HTMLImageElement) => {
  const url = new URL(img.src);
  url.searchParams.delete('w');
  return url.href;
};
const settled = (el: KioskProductCard) =>
  until(() => !['loading'].includes(el.cardState) && el.productData !== undefined, 'card loaded');

async function card(product: string, attrs = '') {
  const el = await fixture<KioskProductCard>(
    html`<kiosk-product-card product=${product}></kiosk-product-card>`,
  );
  for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  return el;
}

/** Whether the client's first cart line is the server's (not an optimistic one). */
function firstLineConfirmed(c: KioskClient): boolean {
  const line = c.cart.$cart.get()?.lines[0];
  return !!line && !isPendingLine(line);
}

describe('<kiosk-product-card>', () => {
  beforeEach(() => {
    freshClient();
    sessionStorage.clear();
    localStorage.removeItem('kiosk_ref'); // a followed link is kept for the attribution window
  });

  it('shows a skeleton that reserves the final size, then the product', async () => {
    const el = await fixture<KioskProductCard>(
      html`<div style="inline-size: 300px">
        <kiosk-product-card product=${TEE}></kiosk-product-card>
      </div>`,
    ).then((div) => div.querySelector<KioskProductCard>('kiosk-product-card')!);
    expect(el.getAttribute('state')).to.equal('loading');
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    const skeletonHeight = el.getBoundingClientRect().height;
    await settled(el);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(el.getBoundingClientRect().height).to.equal(skeletonHeight);
    expect($(el, '[part=title]').textContent).to.equal('Classic Tee');
    expect($(el, '[part=price]').textContent!.trim()).to.equal('$25.00');
    const img = $<HTMLImageElement>(el, 'img[part=image]');
    expect(img.loading).to.equal('lazy');
    expect(img.decoding).to.equal('async');
    expect(img.getAttribute('width')).to.equal('800');
    expect(img.srcset).to.match(/w=240 240w, .*w=960 960w/);
    expect(img.alt).to.match(/Classic Tee/);
    expect(el.getAttribute('layout')).to.equal('card');
    await expect(el).to.be.accessible();
  });

  it('writes schema.org Product JSON-LD into the light DOM', async () => {
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const script = el.querySelector('script[type="application/ld+json"]')!;
    const data = JSON.parse(script.textContent!);
    expect(data['@type']).to.equal('Product');
    expect(data.name).to.equal('Classic Tee');
    expect(data.offers).to.include({ '@type': 'Offer', price: '25.00', priceCurrency: 'USD' });
    expect(data.aggregateRating['@type']).to.equal('AggregateRating');
    expect(data.aggregateRating.reviewCount).to.be.greaterThan(0);
  });

  it('shows a sale price with an accessible was/now and a rating label', async () => {
    const el = await card(SALE);
    await settled(el);
    await el.updateComplete;
    const now = $(el, '[part=price]');
    const was = $(el, '[part=compare-price]');
    expect(now.textContent).to.match(/^Now \$\d/);
    expect(was.tagName).to.equal('S');
    expect(was.textContent).to.match(/^Was \$\d/);
    const stars = $(el, '[part=rating] [role=img]');
    expect(stars.getAttribute('aria-label')).to.match(
      /^Rated \d(\.\d)? out of 5, from \d+ reviews?$/,
    );
    await expect(el).to.be.accessible();
  });

  it('is sold out: disabled button, quantity and a "Sold out" message', async () => {
    const el = await card(SOLD_OUT);
    await settled(el);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('sold-out');
    const button = $<HTMLButtonElement>(el, '[part=button]');
    expect(button.disabled).to.equal(true);
    expect(button.textContent!.trim()).to.equal('Sold out');
    expect($<HTMLInputElement>(el, '[part=quantity] input').disabled).to.equal(true);
    expect($(el, '.stock').textContent!.trim()).to.equal('Sold out');
    await expect(el).to.be.accessible();
  });

  it('marks and disables sold-out options with a reason', async () => {
    const el = await card(TEE);
    await settled(el);
    const product = el.productData!;
    const soldOut = product.variants.find((v) => !v.available)!;
    // Select the sold-out variant's colour: its size is then disabled and says why.
    const colour = $<HTMLSelectElement>(el, 'select[name=Colour]');
    colour.value = soldOut.options.Colour!;
    colour.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const option = [...$<HTMLSelectElement>(el, 'select[name=Size]').options].find(
      (o) => o.value === soldOut.options.Size,
    )!;
    expect(option.disabled).to.equal(true);
    expect(option.textContent!.trim()).to.equal(`${soldOut.options.Size} (sold out)`);
  });

  it('says clearly when the product does not exist', async () => {
    const el = await card('no-such-product-anywhere');
    await until(() => el.cardState === 'unavailable', 'unavailable');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('This product isn’t available');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry while the API is down, and recovers when it is back', async () => {
    const outage: string = await executeServerCommand('kiosk-outage', { up: true });
    await executeServerCommand('kiosk-outage', { up: false });
    freshClient({ endpoint: outage });
    const errors: Event[] = [];
    const el = await fixture<KioskProductCard>(
      html`<kiosk-product-card product=${TEE} @kiosk-error=${(e: Event) => errors.push(e)}></kiosk-product-card>`,
    );
    await until(() => el.cardState === 'error', 'error state');
    await el.updateComplete;
    expect(errors.length).to.be.greaterThan(0);
    const alert = $(el, '[role=alert]');
    expect(alert.textContent).to.contain('Can’t reach the store right now');
    await expect(el).to.be.accessible();
    await executeServerCommand('kiosk-outage', { up: true });
    $<HTMLButtonElement>(el, '.retry').click();
    await until(() => el.cardState === 'ready', 'recovered');
    expect($(el, '[part=title]').textContent).to.equal('Classic Tee');
  });

  it('shares one batched request among 50 cards', async () => {
    const seen: string[] = [];
    const lister = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
    const handles = (await lister.products.list({ first: 50 })).items.map((p) => p.handle);
    expect(handles.length).to.equal(50);
    freshClient({
      fetch: (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    const grid = await fixture<HTMLElement>(
      html`<div>${handles.map((h) => html`<kiosk-product-card product=${h}></kiosk-product-card>`)}</div>`,
    );
    const cards = [...grid.querySelectorAll<KioskProductCard>('kiosk-product-card')];
    await until(() => cards.every((c) => c.productData), 'all cards loaded');
    const productRequests = seen.filter((u) => new URL(u).pathname.startsWith('/v1/products'));
    expect(productRequests.length).to.be.at.most(2);
    expect(productRequests.length).to.be.greaterThan(0);
  });

  it('formats in the currency and locale asked for (EUR, de)', async () => {
    const el = await card(TEE, 'locale=de&currency=EUR');
    await until(() => el.cardState === 'ready' && el.productData?.currency === 'EUR', 'EUR');
    await until(() => $(el, '[part=button]')?.textContent?.trim() === 'In den Warenkorb', 'de');
    expect($(el, '[part=price]').textContent!.trim()).to.match(/^\d+,\d\d\s€$/);
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('says state="ready" only once it shows the product in its language', async () => {
    const el = await card(TEE, 'locale=pt-BR');
    await until(() => el.cardState !== 'loading', 'loaded');
    expect(el.cardState).to.equal('ready');
    await el.updateComplete;
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('false');
    expect($(el, '[part=button]').textContent!.trim()).to.equal('Adicionar ao carrinho');
  });

  it('is right-to-left and translated in Arabic', async () => {
    const el = await card(TEE, 'locale=ar');
    await until(() => $(el, '[part=button]')?.textContent?.trim() === 'أضف إلى السلة', 'ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '[part=base]')).direction).to.equal('rtl');
    expect($(el, '.stock').textContent!.trim()).to.equal('متوفر');
    await expect(el).to.be.accessible();
  });

  it('follows the page language from <html lang>', async () => {
    document.documentElement.lang = 'fr';
    try {
      const el = await card(TEE);
      await until(() => $(el, '[part=button]')?.textContent?.trim() === 'Ajouter au panier', 'fr');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('selects variants with the keyboard', async () => {
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const before = el.selectedVariant!;
    const size = $<HTMLSelectElement>(el, 'select[name=Size]');
    size.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.selectedVariant?.id !== before.id, 'variant changed');
    const after = el.selectedVariant!;
    expect(after.options.Colour).to.equal(before.options.Colour);
    expect(after.options.Size).to.equal(size.value);
    expect(el.getAttribute('variant')).to.equal(after.id);
  });

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
    await until(sentToServer, 'the add reached the server');
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
    localStorage.clear();
    const borealis = createClient({ endpoint, storeKey: 'pk_test_borealis', storage: null });
    const other: Product = (await borealis.products.list({ first: 1 })).items[0]!;
    // Card a's store is Aurora in a <kiosk-store> of its own; the page has no Aurora mini cart.
    const page = await fixture<HTMLElement>(html`<div>
      <kiosk-store endpoint=${endpoint} store-key="pk_test_aurora">
        <kiosk-product-card id="a" product=${TEE}></kiosk-product-card>
      </kiosk-store>
      <kiosk-store endpoint=${endpoint} store-key="pk_test_borealis">
        <kiosk-product-card id="b" product=${other.handle}></kiosk-product-card>
        <kiosk-mini-cart id="inside"></kiosk-mini-cart>
      </kiosk-store>
    </div>`);
    const a = page.querySelector<KioskProductCard>('#a')!;
    const b = page.querySelector<KioskProductCard>('#b')!;
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

  it('shows the selected variant’s own image and switches it with the variant', async () => {
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const variants = el.productData!.variants;
    const colour = $<HTMLSelectElement>(el, 'select[name=Colour]');
    const seen = new Set<string>();
    for (const name of ['White', 'Black']) {
      colour.value = name;
      colour.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const variant = el.selectedVariant!;
      expect(variant.options.Colour).to.equal(name);
      expect(variant.image, `${name} has its own image`).to.not.equal(null);
      const img = $<HTMLImageElement>(el, 'img[part=image]');
      expect(imageUrl(img)).to.equal(variant.image!.url);
      expect(img.alt).to.equal(variant.image!.alt);
      expect(img.alt).to.contain(name);
      seen.add(img.src);
    }
    expect(seen.size, 'White and Black show different pictures').to.equal(2);
    // A variant without an image of its own shows the product's first.
    const product = el.productData!;
    expect(imageFor(product, { ...variants[0]!, image: null })).to.deep.equal(product.images[0]);
  });

  it('carries the ref attribute into the cart line', async () => {
    const el = await card(TEE, 'ref=INFLUENCER-7');
    await settled(el);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=button]').click();
    await until(() => firstLineConfirmed(client));
    expect(client.cart.$cart.get()!.lines[0]!.ref).to.equal('INFLUENCER-7');
  });

  it('carries ?kiosk_ref from the page URL into the cart line', async () => {
    const original = location.href;
    history.replaceState(null, '', `${location.pathname}?kiosk_ref=BLOG-42`);
    try {
      const el = await card(TEE);
      await settled(el);
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=button]').click();
      await until(() => firstLineConfirmed(client));
      expect(client.cart.$cart.get()!.lines[0]!.ref).to.equal('BLOG-42');
      expect(JSON.parse(localStorage.getItem('kiosk_ref')!).code).to.equal('BLOG-42');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('copies a share link with the ref and announces it', async () => {
    await executeServerCommand('grant-clipboard');
    const el = await card(TEE, 'ref=SHARE-1');
    await settled(el);
    await el.updateComplete;
    expect(typeof navigator.share).to.equal('undefined'); // Linux Chromium: the copy path
    $<HTMLButtonElement>(el, '[part=share]').click();
    await until(() => $(el, '[part=status]').textContent === 'Link copied', 'announced');
    const copied = new URL(await navigator.clipboard.readText());
    expect(copied.searchParams.get('kiosk_ref')).to.equal('SHARE-1');
    expect(copied.pathname).to.equal(location.pathname);
  });

  it('keeps separate carts for two <kiosk-store>s on one page', async () => {
    localStorage.clear();
    const borealis = createClient({ endpoint, storeKey: 'pk_test_borealis', storage: null });
    const other: Product = (await borealis.products.list({ first: 1 })).items[0]!;
    const page = await fixture<HTMLElement>(html`<div>
      <kiosk-store endpoint=${endpoint} store-key="pk_test_aurora">
        <kiosk-product-card id="a" product=${TEE}></kiosk-product-card>
      </kiosk-store>
      <kiosk-store endpoint=${endpoint} store-key="pk_test_borealis">
        <kiosk-product-card id="b" product=${other.handle}></kiosk-product-card>
      </kiosk-store>
    </div>`);
    const [storeA, storeB] = [...page.querySelectorAll('kiosk-store')];
    const a = page.querySelector<KioskProductCard>('#a')!;
    const b = page.querySelector<KioskProductCard>('#b')!;
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

  it('has row and compact layouts (reflected), compact without the picker', async () => {
    const row = await card(TEE, 'layout=row');
    await settled(row);
    await row.updateComplete;
    expect(row.getAttribute('layout')).to.equal('row');
    expect($(row, '[part=variant-picker]')).to.exist;
    await expect(row).to.be.accessible();
    const compact = await card(TEE, 'layout=compact');
    await settled(compact);
    await compact.updateComplete;
    expect(shadow(compact).querySelector('[part=variant-picker]')).to.equal(null);
    expect($(compact, '[part=button]').getAttribute('aria-label')).to.equal(
      'Add to cart: Classic Tee',
    );
    await expect(compact).to.be.accessible();
  });

  it('keeps every layout inside a narrow column (a row card stacks)', async () => {
    const column = await fixture<HTMLDivElement>(html`<div style="inline-size: 15rem">
      <kiosk-product-card product=${TEE} layout="row"></kiosk-product-card>
      <kiosk-product-card product=${TEE}></kiosk-product-card>
      <kiosk-product-card product=${TEE} layout="compact"></kiosk-product-card>
    </div>`);
    const cards = [...column.querySelectorAll<KioskProductCard>('kiosk-product-card')];
    for (const c of cards) {
      await settled(c);
      await c.updateComplete;
    }
    const right = column.getBoundingClientRect().right;
    for (const c of cards) {
      for (const part of ['button', 'image', 'title']) {
        const box = $(c, `[part=${part}]`).getBoundingClientRect();
        expect(box.right, `${c.layout} ${part}`).to.be.at.most(right + 0.5);
      }
    }
  });

  it('reports a missing configuration instead of staying blank', async () => {
    configure({});
    const el = await card(TEE);
    await aTimeout(0);
    await el.updateComplete;
    expect(el.cardState).to.equal('error');
    expect(shadow(el).textContent).to.contain('This shop isn’t set up yet.');
  });
});
