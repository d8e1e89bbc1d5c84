import { createClient, type KioskClient, type Review, type ReviewSummary } from '@kiosk/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { endpoint, until } from '../../test/helpers.js';
import { $, $$, articles, list, loaded, shadow, TEE, text } from '../../test/review-list.js';
import { client, freshClient, signIn } from '../../test/review-shopper.js';
import type { KioskReviewList } from './review-list.js';

const bar = (el: Element, stars: number) =>
  $<HTMLButtonElement>(el, `[part=bar][data-stars="${stars}"]`);

/** Review data as the API returns it (another client, so the element's requests aren't counted). */
async function apiReviews(options: Parameters<KioskClient['reviews']['list']>[1] = {}) {
  const reader = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null });
  const items: Review[] = [];
  let after: string | undefined;
  do {
    const page = await reader.reviews.list(TEE, {
      first: 100,
      ...options,
      ...(after ? { after } : {}),
    });
    items.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  return items;
}
async function apiSummary(): Promise<ReviewSummary> {
  return createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null }).reviews.summary(TEE);
}

describe('<kiosk-review-list>', () => {
  beforeEach(() => {
    freshClient();
  });

  it('shows a size-reserving skeleton, then the summary, histogram and first page', async () => {
    const el = await list();
    expect(el.getAttribute('state')).to.equal('loading');
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(el).to.be.accessible();

    await loaded(el);
    const summary = await apiSummary();
    expect(el.getAttribute('state')).to.equal('ready');
    expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('false');
    expect(text($(el, '[part=heading]'))).to.equal('Customer reviews');
    expect(text($(el, '[part=average]'))).to.equal(summary.average.toFixed(1));
    expect(text($(el, '[part=count]'))).to.equal(`${summary.count} reviews`);
    expect($(el, '[part=summary] [role=img]').getAttribute('aria-label')).to.equal(
      `Rated ${summary.average.toFixed(1)} out of 5`,
    );
    const bars = $$<HTMLButtonElement>(el, '[part=bar]');
    expect(bars.map((b) => b.dataset.stars)).to.deep.equal(['5', '4', '3', '2', '1']);
    for (const b of bars) {
      const n = summary.histogram[Number(b.dataset.stars) as 1];
      expect(b.getAttribute('aria-pressed')).to.equal('false');
      expect(text(b.querySelector('.visually-hidden'))).to.match(
        new RegExp(`^${b.dataset.stars} stars?: ${n} reviews? \\(\\d+%\\)$`),
      );
    }
    // Default page size 5, newest first, as the API orders them.
    const first = (await apiReviews({ sort: 'recent' })).slice(0, 5);
    expect(articles(el).map((a) => a.dataset.review)).to.deep.equal(first.map((r) => r.id));
    const one = articles(el)[0]!;
    expect(text(one.querySelector('[part=review-title]'))).to.equal(first[0]!.title);
    expect(text(one.querySelector('.author'))).to.equal(first[0]!.author.name);
    expect(one.querySelector('time')!.getAttribute('datetime')).to.equal(first[0]!.createdAt);
    expect(!!one.querySelector('.badge.verified')).to.equal(first[0]!.verified);
    expect(text($(el, '.shown'))).to.equal(`Showing 5 of ${summary.count} reviews`);
    await expect(el).to.be.accessible();
  });

  it('shows badges, the store’s reply and helpful counts as the API has them', async () => {
    const all = await apiReviews();
    const replied = all.find((r) => r.reply)!;
    const verified = all.find((r) => r.verified)!;
    const el = await list({ 'page-size': '100' });
    await loaded(el);
    const article = (id: string) => $(el, `article[data-review="${id}"]`);
    const reply = article(replied.id).querySelector('[part=reply]')!;
    expect(text(reply)).to.contain('Response from the store');
    expect(text(reply.querySelector('.reply-body'))).to.equal(replied.reply!.body);
    expect(text(article(verified.id).querySelector('.badge.verified'))).to.equal('Verified buyer');
    expect(text(article(verified.id).querySelector('[part=helpful]'))).to.match(
      new RegExp(`^${verified.helpfulCount} (person|people) found this helpful$`),
    );
    expect(articles(el).length).to.equal(all.length);
    expect($(el, '[part=more]')).to.equal(null);
  });

  it('renders review text as text: the <script> review shows literally and creates nothing', async () => {
    const alerts: unknown[] = [];
    const realAlert = window.alert;
    window.alert = (m?: unknown) => void alerts.push(m);
    try {
      const el = await list({ 'page-size': '100' });
      await loaded(el);
      const markup = articles(el).find(
        (a) => text(a.querySelector('[part=review-title]')) === 'Nice <b>tee</b>',
      );
      expect(markup, 'the markup review').to.exist;
      const body = markup!.querySelector('[part=review-body]')!;
      expect(body.textContent).to.equal(
        'Great shirt. <script>alert(1)</script> If you can read the tag, rendering is text-only.',
      );
      expect(body.children.length).to.equal(0);
      expect(markup!.querySelector('script, b')).to.equal(null);
      expect(shadow(el).querySelector('script')).to.equal(null);
      // The JSON-LD in the light DOM is the only script, a data block with `<` escaped.
      await until(() => !!el.querySelector('script[type="application/ld+json"]'), 'JSON-LD');
      const scripts = [...el.querySelectorAll('script')];
      expect(scripts.map((s) => s.type)).to.deep.equal(['application/ld+json']);
      expect(scripts[0]!.textContent).not.to.contain('<');
      expect(alerts).to.deep.equal([]);
    } finally {
      window.alert = realAlert;
    }
  });

  it('puts Product AggregateRating and a few Reviews as JSON-LD into the light DOM', async () => {
    const el = await list();
    await loaded(el);
    await until(() => !!el.querySelector('script[type="application/ld+json"]'), 'JSON-LD');
    const summary = await apiSummary();
    const data = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(data['@type']).to.equal('Product');
    expect(data.name).to.equal('Classic Tee');
    expect(data.aggregateRating).to.include({
      '@type': 'AggregateRating',
      ratingValue: summary.average,
      reviewCount: summary.count,
    });
    expect(data.review.length).to.equal(3);
    expect(data.review[0]['@type']).to.equal('Review');
    expect(data.review[0].reviewRating.ratingValue).to.equal(el.loadedReviews[0]!.rating);
    expect(data.review[0].author.name).to.equal(el.loadedReviews[0]!.author.name);
  });

  it('filters by a star rating from the histogram by click; clicking again clears', async () => {
    const el = await list();
    await loaded(el);
    const summary = await apiSummary();
    bar(el, 5).click();
    await until(() => el.getAttribute('rating') === '5' && !$(el, '.refreshing'), 'filtered');
    await el.updateComplete;
    expect(bar(el, 5).getAttribute('aria-pressed')).to.equal('true');
    expect(bar(el, 4).getAttribute('aria-pressed')).to.equal('false');
    expect(el.loadedReviews.length).to.equal(Math.min(5, summary.histogram[5]));
    expect(el.loadedReviews.every((r) => r.rating === 5)).to.equal(true);
    expect(text($(el, '.filter'))).to.contain('Showing reviews rated 5 stars');
    await until(
      () => text($(el, '[part=status]')) === 'Showing reviews rated 5 stars',
      'announced',
    );
    await expect(el).to.be.accessible();

    bar(el, 5).click();
    await until(() => !el.hasAttribute('rating') && !$(el, '.refreshing'), 'cleared');
    await el.updateComplete;
    expect(bar(el, 5).getAttribute('aria-pressed')).to.equal('false');
    expect(new Set(el.loadedReviews.map((r) => r.rating)).size).to.be.greaterThan(1);
    expect($(el, '.filter')).to.equal(null);
  });

  it('filters with the keyboard (Enter and Space on a bar) and follows the rating attribute', async () => {
    const el = await list();
    await loaded(el);
    bar(el, 4).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.rating === 4 && !$(el, '.refreshing'), 'filtered by 4');
    expect(el.loadedReviews.every((r) => r.rating === 4)).to.equal(true);
    expect(bar(el, 4).getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(bar(el, 4));
    await sendKeys({ press: 'Space' });
    await until(() => el.rating === undefined && !el.hasAttribute('rating'), 'cleared');

    el.setAttribute('rating', '3');
    await until(
      () => bar(el, 3)?.getAttribute('aria-pressed') === 'true' && !$(el, '.refreshing'),
      '3',
    );
    await until(() => el.loadedReviews.every((r) => r.rating === 3), 'only 3-star reviews');
  });

  it('sorts by the translated select and reflects sort', async () => {
    const el = await list({ 'page-size': '8' });
    await loaded(el);
    const select = $<HTMLSelectElement>(el, 'select[part=sort]');
    expect([...select.options].map((o) => text(o))).to.deep.equal([
      'Most recent',
      'Most helpful',
      'Highest rating',
      'Lowest rating',
    ]);
    expect(select.labels?.[0] ?? select.closest('label')).to.exist;
    select.focus();
    await sendKeys({ press: 'End' });
    await until(
      () => el.getAttribute('sort') === 'rating_asc' && !$(el, '.refreshing'),
      'rating_asc',
    );
    await el.updateComplete;
    const ratings = el.loadedReviews.map((r) => r.rating);
    expect(ratings).to.deep.equal([...ratings].sort((a, b) => a - b));
    expect(ratings[0]).to.equal(Math.min(...(await apiReviews()).map((r) => r.rating)));

    el.sort = 'helpful';
    await until(() => el.getAttribute('sort') === 'helpful' && !$(el, '.refreshing'), 'helpful');
    await until(() => select.value === 'helpful', 'select follows');
    const helpful = el.loadedReviews.map((r) => r.helpfulCount);
    expect(helpful).to.deep.equal([...helpful].sort((a, b) => b - a));
  });

  it('walks every page with "Show more" and moves focus to the first new review', async () => {
    const summary = await apiSummary();
    const el = await list({ 'page-size': '4' });
    await loaded(el);
    expect(articles(el).length).to.equal(4);
    let pages = 1;
    while ($(el, '[part=more]')) {
      const before = articles(el).length;
      $<HTMLButtonElement>(el, '[part=more]').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => articles(el).length > before, 'next page');
      pages++;
      await until(() => shadow(el).activeElement === articles(el)[before], 'focus on first new');
      expect(text($(el, '[part=status]'))).to.match(/^Showing \d+ of \d+ reviews$/);
    }
    const ids = articles(el).map((a) => a.dataset.review);
    expect(ids.length).to.equal(summary.count);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(pages).to.equal(Math.ceil(summary.count / 4));
    expect(text($(el, '.shown'))).to.equal(`Showing ${summary.count} of ${summary.count} reviews`);
    await expect(el).to.be.accessible();
  });

  it('formats dates with Intl in German', async () => {
    const el = await list({ locale: 'de' });
    await until(() => text($(el, '[part=heading]')) === 'Kundenbewertungen', 'de');
    await loaded(el);
    const review = el.loadedReviews[0]!;
    const time = $(el, `article[data-review="${review.id}"] time`);
    const expected = new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(
      new Date(review.createdAt),
    );
    expect(text(time)).to.equal(expected);
    expect(expected).to.match(
      /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/,
    );
    expect(text($(el, '[part=count]'))).to.match(/^\d+ Bewertungen$/);
    expect(text($(el, '[part=sort] option'))).to.equal('Neueste zuerst');
  });

  it('is right-to-left and translated in Arabic, with Arabic dates', async () => {
    const el = await list({ locale: 'ar' });
    await until(() => text($(el, '[part=heading]')) === 'مراجعات العملاء', 'ar');
    await loaded(el);
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '[part=base]')).direction).to.equal('rtl');
    const review = el.loadedReviews[0]!;
    const expected = new Intl.DateTimeFormat('ar', { dateStyle: 'long' }).format(
      new Date(review.createdAt),
    );
    expect(text($(el, `article[data-review="${review.id}"] time`))).to.equal(expected);
    expect(expected).to.match(/[\u0600-\u06ff]/);
    expect(text($(el, '[part=more]'))).to.equal('عرض مزيد من المراجعات');
    // The bars grow from the right: the fill starts at the track's inline start.
    const track = $(el, '[part=bar] .track').getBoundingClientRect();
    const fill = $(el, '[part=bar] .fill').getBoundingClientRect();
    expect(Math.round(fill.right)).to.equal(Math.round(track.right));
    await expect(el).to.be.accessible();
  });

  it('isolates shoppers’ text in Arabic: titles, bodies and replies dir=auto, names in <bdi>', async () => {
    const el = await list({ locale: 'ar', 'page-size': '100' });
    await until(() => text($(el, '[part=heading]')) === 'مراجعات العملاء', 'ar');
    await loaded(el);
    const all = articles(el);
    expect(all.length).to.be.greaterThan(5);
    for (const a of all) {
      for (const part of a.querySelectorAll(
        '[part=review-title], [part=review-body], .reply-body',
      )) {
        expect(part.getAttribute('dir'), part.className).to.equal('auto');
      }
      expect(a.querySelector('.author')!.tagName).to.equal('BDI');
    }
    expect(all.some((a) => a.querySelector('.reply-body'))).to.equal(true);

    // An English review in the Arabic page reads left to right, its full stop at its end (the
    // right): without isolation the page's direction would put the "." on the left.
    const english = all
      .map((a) => a.querySelector<HTMLElement>('[part=review-body]')!)
      .find((b) => /^[A-Z][\x20-\x7e]+\.$/.test(b.textContent!))!;
    expect(english, 'an English review').to.exist;
    expect(getComputedStyle(english).direction).to.equal('ltr');
    const node = [...english.childNodes].find((n): n is Text => n instanceof Text && !!n.data)!;
    const charBox = (i: number) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    const end = node.length - 1;
    expect(node.data[end]).to.equal('.');
    expect(charBox(end).left).to.be.at.least(charBox(end - 1).right - 1);
    await expect(el).to.be.accessible();
  });

  it('guests see counts and a sign-in prompt that calls auth.login() from the click', async () => {
    const el = await list();
    await loaded(el);
    expect($(el, 'form')).to.equal(null);
    expect($(el, 'button[part=helpful]')).to.equal(null);
    expect(text($(el, '[part=write]'))).to.contain('Sign in to write a review');
    const calls: unknown[] = [];
    client.auth.login = ((options?: unknown) => {
      calls.push(options);
      return new Promise(() => {});
    }) as typeof client.auth.login;
    $<HTMLButtonElement>(el, '.sign-in').click();
    expect(calls.length).to.equal(1); // synchronously, inside the click (popup blockers)
    await expect(el).to.be.accessible();
  });

  it('signed in: a helpful vote adds one to the count shown (aria-pressed); voting again takes it back', async () => {
    const el = await list({ sort: 'helpful' });
    await loaded(el);
    await signIn(client);
    await until(() => !!$(el, 'button[part=helpful]') && !$(el, '.refreshing'), 'vote buttons');
    await el.updateComplete;
    // The most helpful review: a count of several votes, which a vote must add to.
    const id = el.loadedReviews[0]!.id;
    const count = el.loadedReviews[0]!.helpfulCount;
    expect(count).to.be.greaterThan(1);
    const button = () => $<HTMLButtonElement>(el, `article[data-review="${id}"] [part=helpful]`);
    const serverView = async () =>
      (await client.reviews.list(TEE, { sort: 'helpful', first: 100 })).items.find(
        (r) => r.id === id,
      )!;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(text(button())).to.equal(`Helpful (${count})`);
    button().focus();
    await sendKeys({ press: 'Enter' });
    await until(() => button().getAttribute('aria-pressed') === 'true', 'voted');
    expect(text(button())).to.equal(`Helpful (${count + 1})`);
    // The server agrees: the viewer's vote, on top of the votes it had.
    expect(await serverView()).to.include({ viewerVote: true, helpfulCount: count + 1 });
    await sendKeys({ press: 'Enter' });
    await until(() => button().getAttribute('aria-pressed') === 'false', 'unvoted');
    expect(text(button())).to.equal(`Helpful (${count})`);
    expect(await serverView()).to.include({ viewerVote: null, helpfulCount: count });
    await expect(el).to.be.accessible();
  });

  it('says so when the product has no reviews yet', async () => {
    const products = await createClient({
      endpoint,
      storeKey: 'pk_test_aurora',
      storage: null,
    }).products.list({ first: 100 });
    const quiet = products.items.find((p) => p.rating.count === 0)!;
    const el = await list({}, quiet.handle);
    await loaded(el);
    expect(el.getAttribute('state')).to.equal('empty');
    expect(text($(el, '.empty'))).to.equal('No reviews yet — be the first');
    expect(el.querySelector('script')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says clearly when the product does not exist', async () => {
    const el = await list({}, 'no-such-product-anywhere');
    await until(() => el.listState === 'unavailable', 'unavailable');
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.message'))).to.contain('This product isn’t available');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry while the API is down, and recovers', async () => {
    // "Down" = requests go to a port nobody listens on (a real connection failure in
    // Chromium); "up" = the real server again. The shared kiosk-outage server is not used: it
    // seeds a new database per start, which outlasts the command timeout when test files run
    // in parallel, and two files toggling it at once would race.
    let down = true;
    freshClient({
      fetch: (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        return fetch(down ? url.replace(endpoint, 'http://127.0.0.1:9') : url, init);
      },
    });
    const errors: Event[] = [];
    const el = await fixture<KioskReviewList>(
      html`<kiosk-review-list product=${TEE} @kiosk-error=${(e: Event) => errors.push(e)}></kiosk-review-list>`,
    );
    await until(() => el.listState === 'error', 'error state');
    await el.updateComplete;
    expect(errors.length).to.be.greaterThan(0);
    expect(text($(el, '[role=alert]'))).to.contain('Can’t reach the store right now');
    expect(el.querySelector('script')).to.equal(null);
    await expect(el).to.be.accessible();
    down = false;
    $<HTMLButtonElement>(el, '.retry').click();
    await until(() => el.listState === 'ready', 'recovered');
    await el.updateComplete;
    expect(articles(el).length).to.equal(5);
    expect($(el, '[role=alert]')).to.equal(null);
  });
});
