// <kiosk-recommendations> on the hostile CMS page: a row of cards in 180, 320 and 1000 px
// columns, on a phone and in a flex row that gives it no width, in English, German and Arabic.
// The row scrolls inside its column (never widening it or the page), its heading is whole,
// every card's controls can be seen and clicked, the keyboard scrolls it (mirrored in Arabic),
// its skeleton reserves the loaded row (no layout shift), and an empty answer or an API that is
// down shows a translated message (with Try again) rather than a blank box.
import { expect, nextFrame } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { KioskProductCard } from '../../src/product-card/product-card.js';
import type { KioskRecommendations } from '../../src/recommendations/recommendations.js';
import { endpoint, until } from '../helpers.js';
import { $, RECENTLY_VIEWED, TEE, text } from '../recommendations.js';
import { freshClient } from '../shopper.js';
import { blockedControls, clipped, hostilePage, layoutShift } from './hostile-page.js';

const columns = [180, 320, 1000];
const layouts = ['card', 'row', 'compact'] as const;
const locales = ['en', 'de', 'ar'] as const;
const PHONE = { width: 390, height: 844 };
/** Wide enough for the 1000 px column and the grid's padding; tall enough for every row. */
const DESKTOP = { width: 1100, height: 8000 };

/** The device's recently viewed products: the longest title, and three more in stock. */
const VIEWED = [
  'aurora-northern-lights-graphic-tee', // the longest title
  'aurora-slim-chinos',
  'aurora-classic-baseball-cap',
  'aurora-relaxed-jeans',
];
const boughtWith = {
  en: 'Often bought with Classic Tee',
  de: 'Wird oft mit Classic Tee gekauft',
  ar: 'يُشترى غالبًا مع Classic Tee',
};
const recentlyViewed = { en: 'Recently viewed', de: 'Zuletzt angesehen', ar: 'شوهد مؤخرًا' };
const emptyViewed = {
  en: 'Products you look at will show here.',
  de: 'Produkte, die du dir ansiehst, erscheinen hier.',
  ar: 'ستظهر هنا المنتجات التي تشاهدها.',
};
const network = {
  en: 'Can’t reach the store right now. Check your connection and try again.',
  de: 'Der Shop ist gerade nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
  ar: 'يتعذّر الوصول إلى المتجر الآن. تحقّق من اتصالك وحاول مرة أخرى.',
};
const retry = { en: 'Try again', de: 'Erneut versuchen', ar: 'إعادة المحاولة' };

/** The requests a row's products come from: held to watch its skeleton. */
const RECOMMENDATIONS = '**/v1/recommendations*';
const BATCH = '**/v1/products/batch*';
/**
 * Every request to the API, failed as offline to take it down for this page only (the
 * kiosk-outage relay is shared with the test files running beside this one).
 */
const API = `${endpoint}/**`;

const elementsIn = (root: ParentNode) => [
  ...root.querySelectorAll<KioskRecommendations>('kiosk-recommendations'),
];
const cardsOf = (el: KioskRecommendations) => [
  ...el.shadowRoot!.querySelectorAll<KioskProductCard>('kiosk-product-card'),
];
const where = (el: KioskRecommendations) =>
  `${el.closest<HTMLElement>('.grid')?.style.gridTemplateColumns} ${el.layout} ${el.locale}`;

/** Every element has its row and every card of it shows its product. */
async function loaded(els: KioskRecommendations[]) {
  await until(
    () =>
      els.every(
        (el) =>
          el.recommendationsState === 'ready' &&
          cardsOf(el).length > 0 &&
          cardsOf(el).every((c) => c.cardState === 'ready' || c.cardState === 'sold-out'),
      ),
    'every row shows its products',
  );
  for (const el of els) {
    await el.updateComplete;
    for (const c of cardsOf(el)) await c.updateComplete;
  }
  await nextFrame();
}

/**
 * The page as it shows now: after the frame that paints what was rendered (a layout shift
 * compares painted frames; a rAF callback runs before its frame's paint).
 */
async function painted() {
  await nextFrame();
  await nextFrame();
}

/** The page has no horizontal scroll: nothing widened a column past the viewport. */
function pageOverflow() {
  const html = document.documentElement;
  return html.scrollWidth > html.clientWidth
    ? `the page is ${html.scrollWidth} px wide in a ${html.clientWidth} px viewport`
    : undefined;
}

/**
 * Problems with the cards of `el`'s row: each brought into the row's view (as scrolling the
 * row does) and the page's, its controls checked against the card's box and the row's visible
 * part, and clicked where they show (blockedControls).
 */
async function rowProblems(el: KioskRecommendations): Promise<string[]> {
  const row = $(el, '[part=list]');
  const problems: string[] = [];
  for (const [i, card] of cardsOf(el).entries()) {
    card.scrollIntoView({ block: 'end', inline: 'start', behavior: 'instant' });
    await painted();
    const seen = row.getBoundingClientRect();
    const name = `${where(el)} card ${i + 1}`;
    for (const problem of blockedControls(card)) problems.push(`${name}: ${problem}`);
    for (const control of card.shadowRoot!.querySelectorAll('button, input, select, a')) {
      const r = control.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < seen.left - 0.5 || r.right > seen.right + 0.5) {
        problems.push(`${name}: ${control.localName} is cut off by the row`);
      }
    }
  }
  return problems;
}

describe('<kiosk-recommendations> on a hostile host page', () => {
  let page: Awaited<ReturnType<typeof hostilePage>> | undefined;

  beforeEach(async () => {
    freshClient();
    localStorage.setItem(RECENTLY_VIEWED, JSON.stringify(VIEWED));
    await setViewport(DESKTOP);
  });

  afterEach(async () => {
    page?.remove();
    page = undefined;
    localStorage.removeItem(RECENTLY_VIEWED);
    await executeServerCommand('kiosk-route', { glob: RECOMMENDATIONS, mode: 'pass' });
    await executeServerCommand('kiosk-route', { glob: BATCH, mode: 'pass' });
    await executeServerCommand('kiosk-route', { glob: API, mode: 'pass' });
  });

  /** Mounts a row of `kind` for each layout, then a paragraph, in each column. */
  async function mount(attrs: string, widths = columns) {
    page = await hostilePage({
      columns: widths,
      cells: widths.map(
        () =>
          `${layouts.map((layout) => `<kiosk-recommendations ${attrs} layout="${layout}"></kiosk-recommendations>`).join('')}<p>After the row</p>`,
      ),
    });
    return elementsIn(page.columns[0]!.parentElement!);
  }

  /** Each element's block size, and what its heading leaves of it (the row's reservation). */
  const sizes = (els: KioskRecommendations[]) =>
    els.map((el) => {
      const box = el.getBoundingClientRect().height;
      return { box, row: box - $(el, '[part=heading]').getBoundingClientRect().height };
    });

  for (const locale of locales) {
    it(`reserves the loaded row in its skeleton: no layout shift (recently viewed; ${locale}; 180, 320, 1000 px; card, row, compact)`, async () => {
      // The heading is known before the products arrive: the whole element keeps its size.
      await executeServerCommand('kiosk-route', { glob: BATCH, mode: 'hold' });
      const els = await mount(`kind="recently-viewed" locale="${locale}"`);
      await until(
        () =>
          els.every(
            (el) =>
              el.recommendationsState === 'loading' &&
              text($(el, '[part=heading]')) === recentlyViewed[locale] &&
              el.shadowRoot!.querySelectorAll('kiosk-card-placeholder').length === 4,
          ),
        'every skeleton in its language',
      );
      await painted();
      const bottom = page!.columns.at(-1)!.getBoundingClientRect().bottom;
      expect(bottom, 'every row in the viewport (shifts count there)').to.be.at.most(innerHeight);
      const skeleton = sizes(els);
      const score = await layoutShift(async () => {
        await executeServerCommand('kiosk-route', { glob: BATCH, mode: 'pass' });
        await loaded(els);
      });
      const problems = els.flatMap((el, i) => {
        const height = el.getBoundingClientRect().height;
        return Math.abs(height - skeleton[i]!.box) > 0.1
          ? [`${where(el)}: ${height} px, its skeleton ${skeleton[i]!.box} px`]
          : [];
      });
      expect(problems).to.deep.equal([]);
      expect(score).to.equal(0);
    });
  }

  it('shows no English while its language loads: a blank heading line over the skeleton (French)', async () => {
    // French: no other test here loads it, so its bundles are requested now, and held.
    const FRENCH = '**/i18n/fr.ts*';
    await executeServerCommand('kiosk-route', { glob: FRENCH, mode: 'hold' });
    try {
      const [el] = await mount('kind="recently-viewed" locale="fr"', [320]);
      await until(() => !!el!.shadowRoot?.querySelector('kiosk-card-placeholder'), 'skeleton');
      await painted();
      const heading = $(el!, '[part=heading]');
      expect(text(heading), 'nothing in English').to.equal('');
      expect($(el!, '[part=base]').getAttribute('aria-busy')).to.equal('true');
      const line = heading.getBoundingClientRect().height;
      expect(line, 'a line held').to.be.closeTo(
        Number.parseFloat(getComputedStyle(heading).lineHeight),
        0.5,
      );
      await executeServerCommand('kiosk-route', { glob: FRENCH, mode: 'pass' });
      await loaded([el!]);
      expect(text(heading)).to.equal('Consultés récemment');
      expect(heading.getBoundingClientRect().height, 'the same line').to.be.closeTo(line, 0.1);
    } finally {
      await executeServerCommand('kiosk-route', { glob: FRENCH, mode: 'pass' });
    }
  });

  for (const locale of locales) {
    it(`keeps the row's size from skeleton to cards when the heading names the product (bought together; ${locale})`, async () => {
      await executeServerCommand('kiosk-route', { glob: RECOMMENDATIONS, mode: 'hold' });
      const els = await mount(`kind="bought-together" product="${TEE}" locale="${locale}"`);
      await until(
        () =>
          els.every(
            (el) =>
              el.recommendationsState === 'loading' &&
              el.shadowRoot!.querySelector('kiosk-card-placeholder') &&
              $(el, '.base').getAttribute('lang') === locale &&
              text($(el, '[part=heading]')) !== '',
          ),
        'every skeleton in its language',
      );
      await painted();
      const skeleton = sizes(els);
      await executeServerCommand('kiosk-route', { glob: RECOMMENDATIONS, mode: 'pass' });
      await loaded(els);
      // Only the heading may take another line: it names the product once it is known.
      const problems = els.flatMap((el, i) => {
        const { row } = sizes([el])[0]!;
        return Math.abs(row - skeleton[i]!.row) > 0.1
          ? [`${where(el)}: the row takes ${row} px, its skeleton ${skeleton[i]!.row} px`]
          : [];
      });
      expect(problems).to.deep.equal([]);
    });
  }

  for (const locale of locales) {
    it(`scrolls inside its column with the heading whole and every card's controls clickable (${locale}; 180, 320, 1000 px; card, row, compact)`, async () => {
      const els = await mount(`kind="bought-together" product="${TEE}" locale="${locale}"`);
      await loaded(els);
      expect(pageOverflow()).to.equal(undefined);
      const problems: string[] = [];
      for (const [i, column] of page!.columns.entries()) {
        for (const el of elementsIn(column)) {
          const width = el.getBoundingClientRect().width;
          if (Math.abs(width - columns[i]!) > 0.5) {
            problems.push(`${where(el)}: ${width} px wide in its ${columns[i]} px column`);
          }
          const heading = $(el, '[part=heading]');
          if (text(heading) !== boughtWith[locale]) {
            problems.push(`${where(el)}: heading "${text(heading)}"`);
          }
          const why = clipped(heading);
          if (why) problems.push(`${where(el)}: the heading ${why}`);
          const row = $(el, '[part=list]');
          if (row.scrollWidth > row.clientWidth && row.tabIndex !== 0) {
            problems.push(`${where(el)}: the row scrolls but the keyboard can't reach it`);
          }
          problems.push(...(await rowProblems(el)));
        }
      }
      expect(problems).to.deep.equal([]);
      expect(pageOverflow(), 'after scrolling every row').to.equal(undefined);
    });
  }

  for (const locale of ['en', 'ar'] as const) {
    it(`scrolls with the arrow keys from a labelled list, mirrored in ${locale === 'ar' ? 'Arabic' : 'English'}`, async () => {
      // A control of the page before it: Tab goes from there into the element.
      page = await hostilePage({
        columns: [320],
        cells: [
          `<button type="button">Before</button><kiosk-recommendations kind="bought-together" product="${TEE}" locale="${locale}"></kiosk-recommendations>`,
        ],
      });
      const els = elementsIn(page.columns[0]!);
      await loaded(els);
      const el = els[0]!;
      const region = $(el, '[part=base]');
      const heading = $(el, '[part=heading]');
      const row = $(el, '[part=list]');
      expect(region.localName, 'a region').to.equal('section');
      expect(region.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(row.getAttribute('role'), 'a list (Safari drops it without markers)').to.equal('list');
      expect(row.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect([...row.children].every((li) => li.localName === 'li')).to.equal(true);
      await expect(el).to.be.accessible();

      // Right to left in Arabic: the heading and the first card start at the right.
      const rtl = locale === 'ar';
      expect(getComputedStyle(row).direction).to.equal(rtl ? 'rtl' : 'ltr');
      const box = row.getBoundingClientRect();
      const [first, second] = cardsOf(el).map((c) => c.getBoundingClientRect());
      const start = (r: DOMRect) => (rtl ? box.right - r.right : r.left - box.left);
      expect(start(first!), 'the first card at the row’s start').to.be.closeTo(0, 0.5);
      expect(rtl ? second!.right < first!.left : second!.left > first!.right, 'then the next').to.be
        .true;
      const range = document.createRange();
      range.selectNodeContents(heading);
      const words = range.getBoundingClientRect();
      const headingBox = heading.getBoundingClientRect();
      expect(
        rtl ? headingBox.right - words.right : words.left - headingBox.left,
        'the heading at the start',
      ).to.be.closeTo(0, 0.5);

      // The row is a tab stop before the cards' controls; the arrow keys scroll it, towards
      // the end (left in Arabic: scrollLeft goes negative) and back.
      expect(row.scrollWidth, 'more cards than fit').to.be.greaterThan(row.clientWidth);
      row.scrollIntoView({ block: 'center', behavior: 'instant' });
      page!.columns[0]!.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'the row takes focus first').to.equal(row);
      const toEnd = rtl ? 'ArrowLeft' : 'ArrowRight';
      const toStart = rtl ? 'ArrowRight' : 'ArrowLeft';
      await sendKeys({ press: toStart });
      await nextFrame();
      expect(row.scrollLeft, 'nothing before the first card').to.equal(0);
      await sendKeys({ press: toEnd });
      await until(() => Math.abs(row.scrollLeft) > 0, `scrolled by ${toEnd}`);
      expect(Math.sign(row.scrollLeft)).to.equal(rtl ? -1 : 1);
      await sendKeys({ press: toStart });
      await until(() => row.scrollLeft === 0, `back by ${toStart}`);
    });
  }

  it('fits a 390 px phone in a 1fr column, in English, German and Arabic', async () => {
    await setViewport(PHONE);
    page = await hostilePage({
      columns: [0],
      cells: [
        locales
          .map(
            (locale) =>
              `<kiosk-recommendations kind="bought-together" product="${TEE}" locale="${locale}"></kiosk-recommendations>`,
          )
          .join(''),
      ],
    });
    const grid = page.columns[0]!;
    // A theme's single column: 1fr, which content wider than the phone would widen.
    grid.style.gridTemplateColumns = '1fr';
    const els = elementsIn(grid);
    await loaded(els);
    expect(pageOverflow()).to.equal(undefined);
    const content = grid.clientWidth - 2 * Number.parseFloat(getComputedStyle(grid).paddingLeft);
    const problems: string[] = [];
    for (const el of els) {
      const width = el.getBoundingClientRect().width;
      if (Math.abs(width - content) > 0.5) problems.push(`${el.locale}: ${width} px wide`);
      const heading = $(el, '[part=heading]');
      const why = clipped(heading);
      if (why) problems.push(`${el.locale}: the heading ${why}`);
      problems.push(...(await rowProblems(el)));
    }
    expect(problems).to.deep.equal([]);
    expect(pageOverflow(), 'after scrolling every row').to.equal(undefined);
  });

  it('takes the width of a flex row that gives it none (no flex-basis), cards clickable', async () => {
    page = await hostilePage({
      columns: [0],
      cells: [
        `<kiosk-recommendations kind="bought-together" product="${TEE}"></kiosk-recommendations>`,
      ],
    });
    const flex = page.columns[0]!;
    flex.style.display = 'flex';
    flex.style.inlineSize = '700px';
    const els = elementsIn(flex);
    await loaded(els);
    expect(pageOverflow()).to.equal(undefined);
    const el = els[0]!;
    expect(el.getBoundingClientRect().width, 'the row’s width').to.be.closeTo(700, 0.5);
    expect(flex.scrollWidth, 'nothing sticks out of the row').to.be.at.most(flex.clientWidth);
    expect(await rowProblems(el)).to.deep.equal([]);
  });

  it('says there is nothing yet in a 180 px column, in every language (empty, not a blank box)', async () => {
    localStorage.removeItem(RECENTLY_VIEWED);
    page = await hostilePage({
      columns: [180],
      cells: [
        locales
          .map(
            (locale) =>
              `<kiosk-recommendations kind="recently-viewed" locale="${locale}"></kiosk-recommendations>`,
          )
          .join(''),
      ],
    });
    const els = elementsIn(page.columns[0]!);
    await until(() => els.every((el) => el.recommendationsState === 'empty'), 'empty');
    for (const [i, el] of els.entries()) {
      await el.updateComplete;
      const locale = locales[i]!;
      const message = $(el, '[part=message]');
      expect(text(message), locale).to.equal(emptyViewed[locale]);
      expect(clipped(message), `${locale} message`).to.equal(undefined);
      expect(clipped($(el, '[part=heading]')), `${locale} heading`).to.equal(undefined);
      expect(message.getBoundingClientRect().height, `${locale}: shown`).to.be.greaterThan(0);
      expect(el.getBoundingClientRect().width).to.be.closeTo(180, 0.5);
    }
    expect(pageOverflow()).to.equal(undefined);
  });

  it('shows why and Try again while the API is down, whole and clickable in a 180 px column, and recovers', async () => {
    await executeServerCommand('kiosk-route', { glob: API, mode: 'fail' });
    page = await hostilePage({
      columns: [180],
      cells: [
        locales
          .map(
            (locale) =>
              `<kiosk-recommendations kind="bought-together" product="${TEE}" locale="${locale}"></kiosk-recommendations>`,
          )
          .join(''),
      ],
    });
    const els = elementsIn(page.columns[0]!);
    await until(() => els.every((el) => el.recommendationsState === 'error'), 'errors');
    for (const [i, el] of els.entries()) {
      await el.updateComplete;
      const locale = locales[i]!;
      el.scrollIntoView({ block: 'end', behavior: 'instant' });
      await nextFrame();
      const alert = $(el, '[role=alert]');
      const message = alert.querySelector<HTMLElement>('p')!;
      expect(text(message), locale).to.equal(network[locale]);
      expect(clipped(message), `${locale} message`).to.equal(undefined);
      const button = alert.querySelector<HTMLButtonElement>('button')!;
      expect(text(button), locale).to.equal(retry[locale]);
      expect(clipped(button), `${locale} Try again`).to.equal(undefined);
      expect(blockedControls(el), locale).to.deep.equal([]);
      expect(el.getBoundingClientRect().width).to.be.closeTo(180, 0.5);
    }
    expect(pageOverflow()).to.equal(undefined);
    await executeServerCommand('kiosk-route', { glob: API, mode: 'pass' });
    for (const el of els) $<HTMLButtonElement>(el, '[role=alert] button').click();
    await loaded(els);
    for (const [i, el] of els.entries()) {
      expect(text($(el, '[part=heading]'))).to.equal(boughtWith[locales[i]!]);
    }
  });
});
