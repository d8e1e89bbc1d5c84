import { createClient } from '@kiosk/sdk';
import { expect, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { configure } from '../../src/config.js';
import { productCardPlaceholderCss } from '../../src/product-card/placeholder.js';
import type { KioskProductCard } from '../../src/product-card/product-card.js';
import { endpoint, until } from '../helpers.js';
import { blockedControls, clipped, hostilePage, layoutShift } from './hostile-page.js';

/** A long title, two options (colour and size: the picker shows) and a sale price. */
const LONG = 'aurora-northern-lights-graphic-tee';
const TEE = 'aurora-classic-tee';
const columns = [180, 210, 260, 320, 400];
const layouts = ['card', 'row', 'compact'] as const;
const locales = ['en', 'de', 'ru', 'pt-BR', 'ar'];

const client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
configure({ client });

/**
 * Defined on demand, not at import: the first test watches cards upgrade from the loader's
 * size reservation (undefined elements) to loaded products.
 */
const define = () => import('../../src/product-card/define.js');

const cardsIn = (root: ParentNode) => [
  ...root.querySelectorAll<KioskProductCard>('kiosk-product-card'),
];

async function loaded(cards: KioskProductCard[]) {
  await until(
    () => cards.every((c) => c.cardState === 'ready' || c.cardState === 'sold-out'),
    'every card shows its product',
  );
  for (const c of cards) await c.updateComplete;
}

/** Brings a card fully into view below the sticky header, rendered (content-visibility: auto). */
async function inView(card: HTMLElement) {
  card.scrollIntoView({ block: 'end' });
  await nextFrame();
  await nextFrame();
}

describe('<kiosk-product-card> on a hostile host page', () => {
  let page: Awaited<ReturnType<typeof hostilePage>> | undefined;

  before(async () => {
    // Tall enough for the upgrade test's six cards (21 px root font) below the sticky header:
    // a layout shift is only counted inside the viewport.
    await setViewport({ width: 1000, height: 4000 });
  });

  afterEach(() => {
    page?.remove();
    page = undefined;
  });

  it('upgrades without layout shift in 210 and 400 px columns, every layout (reserved size, skeleton, product)', async () => {
    expect(customElements.get('kiosk-product-card'), 'this test runs first').to.equal(undefined);
    // What the loader adopts into the page before any element code arrives.
    const reservation = new CSSStyleSheet();
    reservation.replaceSync(productCardPlaceholderCss);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, reservation];
    try {
      const widths = [210, 400];
      // The snippet builder's fallback in some cards: a long name and price, linked.
      const name = 'Northern Lights Graphic Tee — US$35.00 '.repeat(3);
      const fallback = `<a href="https://api.example/p/aurora/x">${name}</a>`;
      page = await hostilePage({
        columns: widths,
        cells: widths.map(
          () =>
            `<kiosk-product-card product="${LONG}" locale="de">${fallback}</kiosk-product-card>` +
            `<kiosk-product-card product="${TEE}" layout="row"></kiosk-product-card>` +
            `<kiosk-product-card product="${LONG}" layout="compact" locale="ar">${fallback}</kiosk-product-card>`,
        ),
      });
      const cards = cardsIn(page.columns[0]!.parentElement!);
      await nextFrame();
      const reserved = cards.map((c) => c.getBoundingClientRect().height);
      expect(Math.min(...reserved), 'every card reserves its size').to.be.greaterThan(100);
      const fallbacks = [
        ...page.columns[0]!.parentElement!.querySelectorAll('kiosk-product-card > a'),
      ];
      expect(fallbacks).to.have.length(4);
      for (const link of fallbacks) {
        const box = link.getBoundingClientRect();
        const card = link.parentElement!.getBoundingClientRect();
        expect(box.height, 'the fallback shows before the card').to.be.greaterThan(10);
        expect(box.top >= card.top && box.bottom <= card.bottom + 0.5, 'inside the reservation').to
          .be.true;
      }
      const bottom = cards.at(-1)!.getBoundingClientRect().bottom;
      expect(bottom, 'all cards in the viewport').to.be.at.most(innerHeight);
      const score = await layoutShift(async () => {
        await define();
        await loaded(cards);
      });
      // The reservation sums the rows in one calc(): equal up to layout rounding (1/64 px).
      for (const [i, card] of cards.entries()) {
        expect(card.getBoundingClientRect().height, card.product).to.be.closeTo(reserved[i]!, 0.1);
      }
      expect(score).to.equal(0);
      for (const link of fallbacks) {
        expect(link.getClientRects(), 'the card replaced its fallback').to.have.length(0);
      }
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== reservation);
    }
  });

  it('reserves the loaded size of every layout at widths across every threshold', async () => {
    await define();
    // The loader's reservation applied to an element that is never defined, beside each card.
    const probe = 'kiosk-reservation-probe';
    const reservation = new CSSStyleSheet();
    reservation.replaceSync(productCardPlaceholderCss.replaceAll('kiosk-product-card', probe));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, reservation];
    // 21 px root, card widths: details narrow below 238 px, wide from 417 px (stacked); row
    // side by side from 462 px, wide beside its image from 585 px; compact one row from 546 px.
    const widths = [180, 230, 245, 410, 420, 455, 470, 540, 550, 580, 590, 720];
    try {
      page = await hostilePage({
        columns: widths,
        cells: widths.map(() =>
          layouts
            .map(
              (layout) =>
                `<${probe} layout="${layout}"></${probe}>` +
                `<kiosk-product-card product="${LONG}" layout="${layout}"></kiosk-product-card>`,
            )
            .join(''),
        ),
      });
      const problems: string[] = [];
      for (const [i, column] of page.columns.entries()) {
        const cards = cardsIn(column);
        await loaded(cards);
        for (const card of cards) {
          await inView(card);
          const reserved = card.previousElementSibling!.getBoundingClientRect().height;
          const height = card.getBoundingClientRect().height;
          if (Math.abs(height - reserved) > 0.1) {
            problems.push(`${widths[i]}px ${card.layout}: ${height} px, reserved ${reserved} px`);
          }
        }
      }
      expect(problems).to.deep.equal([]);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== reservation);
    }
  });

  for (const locale of locales) {
    it(`keeps every control visible and clickable, labels whole (${locale}; 180–400 px; card, row, compact)`, async () => {
      await define();
      const navyXs = (await client.products.get(TEE)).variants.find(
        (v) => v.title === 'Navy / XS',
      )!;
      page = await hostilePage({
        columns,
        cells: columns.map(() =>
          layouts
            .map(
              (layout) =>
                `<kiosk-product-card product="${LONG}" layout="${layout}" locale="${locale}"></kiosk-product-card>` +
                // Low stock: the longest stock line ("Nur noch 2 verfügbar").
                `<kiosk-product-card product="${TEE}" variant="${navyXs.id}" layout="${layout}" locale="${locale}"></kiosk-product-card>`,
            )
            .join(''),
        ),
      });
      const problems: string[] = [];
      for (const [i, column] of page.columns.entries()) {
        const cards = cardsIn(column);
        await loaded(cards);
        for (const card of cards) {
          await inView(card);
          const where = `${columns[i]}px ${card.layout} ${card.product}`;
          const shadow = card.shadowRoot!;
          for (const problem of blockedControls(card)) problems.push(`${where}: ${problem}`);
          const button = shadow.querySelector<HTMLElement>('[part=button]')!;
          const label = clipped(button);
          if (label) problems.push(`${where}: "${button.textContent!.trim()}" ${label}`);
          if (card.layout !== 'compact' && !shadow.querySelector('[part=variant-picker] select')) {
            problems.push(`${where}: no variant picker`);
          }
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  for (const locale of locales) {
    it(`opens the share panel with every control whole and clickable (${locale}; 180–400 px; card, row)`, async () => {
      await define();
      page = await hostilePage({
        columns,
        cells: columns.map(() =>
          ['card', 'row']
            .map(
              (layout) =>
                `<kiosk-product-card product="${LONG}" layout="${layout}" locale="${locale}"></kiosk-product-card>`,
            )
            .join(''),
        ),
      });
      const problems: string[] = [];
      for (const [i, column] of page.columns.entries()) {
        const cards = cardsIn(column);
        await loaded(cards);
        for (const card of cards) {
          const shadow = card.shadowRoot!;
          shadow.querySelector<HTMLButtonElement>('[part=share]')!.click();
          // One request for every card: the client keeps the product's link.
          await until(() => !!shadow.querySelector<HTMLInputElement>('#share-url')?.value, 'link');
          await card.updateComplete;
          await inView(card);
          const where = `${columns[i]}px ${card.layout}`;
          for (const problem of blockedControls(card)) problems.push(`${where}: ${problem}`);
          const panel = shadow.querySelector<HTMLElement>('[part=share-panel]')!;
          for (const el of [panel, ...panel.querySelectorAll<HTMLElement>('button, label, p')]) {
            const why = clipped(el);
            if (why) problems.push(`${where}: "${el.textContent!.trim().slice(0, 30)}" ${why}`);
          }
          const qr = panel.querySelector('img')!.getBoundingClientRect();
          const box = panel.getBoundingClientRect();
          if (qr.left < box.left - 0.5 || qr.right > box.right + 0.5) {
            problems.push(`${where}: the QR code is outside the panel`);
          }
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('fits "Added · View cart" in a 180 px column in every language', async () => {
    await define();
    await import('../../src/mini-cart/define.js');
    page = await hostilePage({
      header: '<kiosk-mini-cart></kiosk-mini-cart>',
      columns: [180],
      cells: [
        locales
          .flatMap((locale) =>
            ['card', 'compact'].map(
              (layout) =>
                `<kiosk-product-card product="${TEE}" layout="${layout}" locale="${locale}"></kiosk-product-card>`,
            ),
          )
          .join(''),
      ],
    });
    const cards = cardsIn(page.columns[0]!);
    await loaded(cards);
    const problems: string[] = [];
    for (const card of cards) {
      await inView(card);
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
      await until(() => !!card.shadowRoot!.querySelector('[part=view-cart]'), 'View cart');
      await card.updateComplete;
      await inView(card);
      const where = `${card.locale} ${card.layout}`;
      for (const problem of blockedControls(card)) problems.push(`${where}: ${problem}`);
      const viewCart = card.shadowRoot!.querySelector<HTMLElement>('[part=view-cart]')!;
      const label = clipped(viewCart);
      if (label) problems.push(`${where}: "${viewCart.textContent!.trim()}" ${label}`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('shares a two-up 1fr grid on a phone instead of widening it (no intrinsic width)', async () => {
    await define();
    page = await hostilePage({
      columns: [0],
      cells: [
        layouts
          .map(
            (layout) =>
              `<kiosk-product-card product="${LONG}" layout="${layout}"></kiosk-product-card>`,
          )
          .join(''),
      ],
    });
    const grid = page.columns[0]!;
    grid.style.gridTemplateColumns = 'repeat(2, 1fr)';
    grid.style.inlineSize = '348px';
    const cards = cardsIn(grid);
    await loaded(cards);
    const box = grid.getBoundingClientRect();
    const [first, second] = cards.map((c) => c.getBoundingClientRect());
    expect(second!.top, 'two cards side by side').to.equal(first!.top);
    for (const card of cards) {
      const r = card.getBoundingClientRect();
      expect(r.right, card.layout).to.be.at.most(box.right);
      expect(r.width, card.layout).to.be.closeTo((348 - 21) / 2, 1);
    }
  });

  it('takes a usable width in a flex row that gives it none (no flex-basis), controls whole', async () => {
    await define();
    page = await hostilePage({
      columns: [0],
      cells: [
        `<kiosk-product-card product="${TEE}"></kiosk-product-card><kiosk-product-card product="${LONG}"></kiosk-product-card>`,
      ],
    });
    const row = page.columns[0]!;
    row.style.display = 'flex';
    row.style.flexWrap = 'wrap';
    row.style.inlineSize = '900px';
    const cards = cardsIn(row);
    await loaded(cards);
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
    for (const card of cards) {
      await inView(card);
      expect(card.getBoundingClientRect().width, 'at least 10rem').to.be.at.least(10 * rem - 0.5);
      expect(blockedControls(card)).to.deep.equal([]);
    }
  });

  it('gives compact titles two whole lines in a 390 px phone column', async () => {
    await define();
    page = await hostilePage({
      columns: [390],
      cells: [
        locales
          .map(
            (locale) =>
              `<kiosk-product-card product="${LONG}" layout="compact" locale="${locale}"></kiosk-product-card>`,
          )
          .join(''),
      ],
    });
    const cards = cardsIn(page.columns[0]!);
    await loaded(cards);
    for (const card of cards) {
      await inView(card);
      const title = card.shadowRoot!.querySelector<HTMLElement>('[part=title]')!;
      const style = getComputedStyle(title);
      expect(style.webkitLineClamp, card.locale).to.equal('2');
      const lines = title.clientHeight / Number.parseFloat(style.lineHeight);
      expect(lines, card.locale).to.be.closeTo(2, 0.05);
      expect(clipped(title), `${card.locale}: Northern Lights Graphic Tee`).to.equal(undefined);
      expect(blockedControls(card), card.locale).to.deep.equal([]);
    }
  });
});
