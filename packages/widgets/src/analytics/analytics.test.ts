// GA4 ecommerce events from the widgets (docs/widgets/analytics.md): their shape on the page
// (kiosk-analytics), the batches that reach the real server (read back through the admin
// reports), the off switches (page, Do Not Track / GPC, store setting) and a failing server.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { apiRequests, endpoint, until } from '../../test/helpers.js';
import { catchNavigation, openCartWith, root } from '../../test/mini-cart.js';
import { $, card, freshCardPage, settled, TEE } from '../../test/product-card.js';
import { ADMIN, client } from '../../test/shopper.js';
import { configure } from '../config.js';
import type { AnalyticsParams } from '../events/analytics.js';
import type { KioskProductCard } from '../product-card/product-card.js';
import { flush } from './collector.js';

interface Seen {
  name: string;
  params: AnalyticsParams;
}
const HENLEY = 'aurora-waffle-henley';
const today = () => new Date().toISOString().slice(0, 10);
const uniqueRef = () => `wa-${crypto.randomUUID().slice(0, 8)}`;

/** Every kiosk-analytics event that reaches the document from now on. */
function record(): Seen[] {
  const seen: Seen[] = [];
  document.addEventListener('kiosk-analytics', (e) => seen.push((e as CustomEvent).detail));
  return seen;
}

/** The creators report's row for `ref` today (the server's count of what it stored). */
async function creatorRow(ref: string) {
  const res = await fetch(`${endpoint}/admin/v1/reports/creators?from=${today()}&to=${today()}`, {
    headers: ADMIN,
  });
  const report = await res.json();
  return report.items.find((r: { ref: string }) => r.ref === ref) as
    | { impressions: number; clicks: number; addToCarts: number }
    | undefined;
}

async function storeAnalytics(enabled: boolean) {
  const res = await fetch(`${endpoint}/admin/v1/store`, {
    method: 'PATCH',
    headers: ADMIN,
    body: JSON.stringify({ settings: { analytics: { enabled } } }),
  });
  expect(res.status).to.equal(200);
  // Storefront reads see it once the server's store cache has the change; `reload` also puts
  // the new answer in the browser's HTTP cache, where the clients' reads find it (max-age 30 s).
  await until(async () => {
    const store = await fetch(`${endpoint}/v1/store`, {
      headers: { 'x-kiosk-key': 'pk_test_aurora' },
      cache: 'reload',
    }).then((r) => r.json());
    return store.analytics.enabled === enabled;
  }, `GET /v1/store says analytics ${enabled}`);
}

const sentBatches = () => apiRequests('/v1/events').length;

async function addOne(el: KioskProductCard) {
  await settled(el);
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part=button]').click();
  await until(() => /Added/.test($(el, '[part=status]').textContent ?? ''), 'added');
}

describe('widget analytics', () => {
  // Requests are counted from resource timing entries: room for all of this file's.
  before(() => performance.setResourceTimingBufferSize(10_000));
  beforeEach(freshCardPage);
  afterEach(() => configure({ client }));

  it('reports cards seen for a second as one view_item_list per list, and the server counts them', async () => {
    const ref = uniqueRef();
    const seen = record();
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <div style="block-size: 300vh"></div>
      <div id="home-picks" style="display: flex; gap: 8px; inline-size: 600px">
        <kiosk-product-card product=${TEE} ref=${ref} layout="compact"></kiosk-product-card>
        <kiosk-product-card product=${HENLEY} ref=${ref} layout="compact"></kiosk-product-card>
      </div>
    </div>`);
    const cards = [...wrap.querySelectorAll('kiosk-product-card')];
    for (const c of cards) await settled(c);
    await new Promise((r) => setTimeout(r, 1300));
    expect(
      seen.filter((e) => e.name === 'view_item_list'),
      'out of view: not seen',
    ).to.have.length(0);

    wrap.querySelector('#home-picks')!.scrollIntoView();
    const shownAt = performance.now();
    await until(() => seen.some((e) => e.name === 'view_item_list'), 'view_item_list');
    expect(performance.now() - shownAt, 'after a second in view').to.be.greaterThan(950);
    const lists = seen.filter((e) => e.name === 'view_item_list');
    expect(lists, 'both cards in one event').to.have.length(1);
    const { params } = lists[0]!;
    const [tee, henley] = cards.map((c) => c.productData!);
    const prices = cards.map((c) => c.selectedVariant!.price.amount);
    expect(params.currency).to.equal('USD');
    expect(params.item_list_id).to.equal('home-picks');
    expect(params.ref).to.equal(ref);
    expect(params.channel).to.equal('creator');
    expect(params.items).to.deep.equal([
      {
        item_id: tee!.id,
        item_name: tee!.title,
        item_variant: cards[0]!.selectedVariant!.title,
        price: Number(prices[0]),
        quantity: 1,
        item_list_id: 'home-picks',
        index: 0,
      },
      {
        item_id: henley!.id,
        item_name: henley!.title,
        item_variant: cards[1]!.selectedVariant!.title,
        price: Number(prices[1]),
        quantity: 1,
        item_list_id: 'home-picks',
        index: 1,
      },
    ]);
    const cents = prices.reduce((n, p) => n + Math.round(Number(p) * 100), 0);
    expect(params.value).to.equal(cents / 100);

    // Scrolling away and back: each card counts once per page view.
    window.scrollTo(0, 0);
    wrap.querySelector('#home-picks')!.scrollIntoView();
    await new Promise((r) => setTimeout(r, 1300));
    expect(seen.filter((e) => e.name === 'view_item_list')).to.have.length(1);

    flush();
    await until(async () => (await creatorRow(ref))?.impressions === 2, 'impressions stored');
  });

  it('reports view_item once, and add_to_cart with price, quantity and value; the batch leaves on its own', async () => {
    const ref = uniqueRef();
    const seen = record();
    const el = await card(TEE, `ref=${ref}`);
    await settled(el);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=price-alert]').click();
    $<HTMLButtonElement>(el, '[part=price-alert]').click();
    await addOne(el);
    await until(() => seen.some((e) => e.name === 'add_to_cart'), 'add_to_cart');
    expect(
      seen.filter((e) => e.name === 'view_item'),
      'once per card',
    ).to.have.length(1);
    const variant = el.selectedVariant!;
    const added = seen.find((e) => e.name === 'add_to_cart')!.params;
    expect(added).to.deep.equal({
      currency: variant.price.currency,
      value: Number(variant.price.amount),
      items: [
        {
          item_id: el.productData!.id,
          item_name: el.productData!.title,
          item_variant: variant.title,
          price: Number(variant.price.amount),
          quantity: 1,
        },
      ],
      ref,
      channel: 'creator',
    });
    // No flush: the queue sends itself a few seconds after its first event.
    await until(async () => (await creatorRow(ref))?.addToCarts === 1, 'add to cart stored');
    expect((await creatorRow(ref))!.clicks).to.equal(1);
  });

  it('names the channel: campaign for a message link, else direct; a variant change is a view_item', async () => {
    const seen = record();
    localStorage.setItem('kiosk_campaign', JSON.stringify({ code: 'spring-sale', at: Date.now() }));
    try {
      await addOne(await card(TEE));
      await until(() => seen.some((e) => e.name === 'add_to_cart'), 'add_to_cart');
      const campaign = seen.find((e) => e.name === 'add_to_cart')!.params;
      expect([campaign.ref, campaign.channel]).to.deep.equal([undefined, 'campaign']);
    } finally {
      localStorage.removeItem('kiosk_campaign');
    }
    seen.length = 0;
    const el = await card(TEE);
    await settled(el);
    await el.updateComplete;
    const select = $<HTMLSelectElement>(el, '[part=variant-picker] select');
    select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => seen.some((e) => e.name === 'view_item'), 'view_item');
    const viewed = seen.find((e) => e.name === 'view_item')!.params;
    expect(viewed.channel).to.equal('direct');
    expect(viewed.items[0]!.item_variant, 'the variant chosen').to.equal(el.selectedVariant!.title);

    // A malformed ref attribute is left out (the server would refuse the whole batch).
    seen.length = 0;
    const bad = await card(TEE, 'ref=not a code!');
    await settled(bad);
    await bad.updateComplete;
    $<HTMLButtonElement>(bad, '[part=price-alert]').click();
    await until(() => seen.some((e) => e.name === 'view_item'), 'view_item');
    const opened = seen.find((e) => e.name === 'view_item')!.params;
    expect([opened.ref, opened.channel]).to.deep.equal([undefined, 'direct']);
  });

  it("reports begin_checkout with every line of the cart from the mini cart's Check out", async () => {
    const ref = uniqueRef();
    localStorage.setItem('kiosk_ref', JSON.stringify({ code: ref, at: Date.now() }));
    const seen = record();
    const el = await openCartWith(2);
    catchNavigation(el);
    const before = sentBatches();
    $<HTMLButtonElement>(el, '[part=checkout]').click();
    await until(() => seen.some((e) => e.name === 'begin_checkout'), 'begin_checkout');
    const line = el.cartData!.lines[0]!;
    const { params } = seen.find((e) => e.name === 'begin_checkout')!;
    expect(params.items).to.deep.equal([
      {
        item_id: line.productId,
        item_name: line.title,
        item_variant: line.variantTitle,
        price: Number(line.unitPrice.amount),
        quantity: 2,
      },
    ]);
    expect(params.value).to.equal(Math.round(Number(line.unitPrice.amount) * 100 * 2) / 100);
    expect([params.ref, params.channel]).to.deep.equal([ref, 'creator']);
    // Leaving the page sends the queue with a beacon.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await until(() => sentBatches() > before, 'beacon sent');
    expect(root(el).querySelector('dialog')!.textContent).to.contain('Going to checkout…');
  });

  it('data-analytics="off" (on the loader or a container) turns everything off', async () => {
    const seen = record();
    configure({ client, analytics: 'off' });
    await addOne(await card(TEE));
    configure({ client });
    const wrap = await fixture<HTMLDivElement>(
      html`<div data-analytics="off"><kiosk-product-card product=${TEE}></kiosk-product-card></div>`,
    );
    await addOne(wrap.querySelector('kiosk-product-card')!);
    flush();
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).to.deep.equal([]);
  });

  for (const [what, property, value] of [
    ['Do Not Track', 'doNotTrack', '1'],
    ['Global Privacy Control', 'globalPrivacyControl', true],
  ] as const) {
    it(`${what}: events stay on the page, nothing goes to the server`, async () => {
      Object.defineProperty(navigator, property, { value, configurable: true });
      try {
        const seen = record();
        const before = sentBatches();
        await addOne(await card(TEE));
        await until(() => seen.some((e) => e.name === 'add_to_cart'), 'dispatched on the page');
        flush();
        await new Promise((r) => setTimeout(r, 500));
        expect(sentBatches()).to.equal(before);
      } finally {
        delete (navigator as unknown as Record<string, unknown>)[property];
      }
    });
  }

  it('a store with analytics turned off gets nothing', async () => {
    await storeAnalytics(false);
    try {
      const seen = record();
      const before = sentBatches();
      await addOne(await card(TEE));
      await until(() => seen.some((e) => e.name === 'add_to_cart'), 'dispatched on the page');
      flush();
      await new Promise((r) => setTimeout(r, 500));
      expect(sentBatches()).to.equal(before);
    } finally {
      await storeAnalytics(true);
    }
  });

  it('a failing events endpoint never breaks a card', async () => {
    const glob = '**/v1/events';
    await executeServerCommand('kiosk-route', { glob, mode: 'fail' });
    const errors: Event[] = [];
    const rejections: PromiseRejectionEvent[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e);
    addEventListener('unhandledrejection', onRejection);
    try {
      const el = await card(TEE);
      el.addEventListener('kiosk-error', (e) => errors.push(e));
      await addOne(el);
      flush();
      await addOne(el);
      flush();
      await new Promise((r) => setTimeout(r, 500));
      expect(errors).to.have.length(0);
      expect(rejections).to.have.length(0);
      expect(el.cardState).to.equal('ready');
    } finally {
      removeEventListener('unhandledrejection', onRejection);
      await executeServerCommand('kiosk-route', { glob, mode: 'pass' });
    }
  });
});
