import {
  createClient,
  type KioskClient,
  type OwnReview,
  type Review,
  type ReviewSummary,
} from '@kiosk/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { apiRequests, endpoint, until } from '../../test/helpers.js';
import { configure } from '../config.js';
import type { KioskReviewSubmitEvent } from '../events/review-submit.js';
import './define.js';
import type { KioskReviewList } from './review-list.js';

const TEE = 'aurora-classic-tee';
/** For the own-review tests that publish reviews: no other test counts this product's reviews. */
const HENLEY = 'aurora-waffle-henley';

let client: KioskClient;
function freshClient(options: Partial<Parameters<typeof createClient>[0]> = {}) {
  client = createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null, ...options });
  configure({ client });
  return client;
}

let emails = 0;
/**
 * Signs a customer in with a single sign-on token minted by the admin API: a new one, or the
 * one with `email` again. Returns the email.
 */
async function signIn(
  c: KioskClient,
  {
    name = 'Rita Reviewer',
    email = `review-list-${Date.now()}-${++emails}@example.com`,
    secretKey = 'sk_test_aurora',
  } = {},
) {
  const res = await fetch(`${endpoint}/admin/v1/customers/session-tokens`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${secretKey}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ email, name }),
  });
  expect(res.status).to.equal(201);
  const { token } = (await res.json()) as { token: string };
  await c.auth.signInWithToken(token);
  return email;
}

/** Approves or rejects a review as the merchant would (admin API). */
async function moderate(id: string, status: 'approved' | 'rejected') {
  const res = await fetch(`${endpoint}/admin/v1/reviews/${id}/moderation`, {
    method: 'POST',
    headers: {
      Authorization: 'Bearer sk_test_aurora',
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ status }),
  });
  expect(res.status).to.equal(200);
}

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const bar = (el: Element, stars: number) =>
  $<HTMLButtonElement>(el, `[part=bar][data-stars="${stars}"]`);
const articles = (el: Element) => $$<HTMLElement>(el, 'article[part=review]');

async function list(attrs: Record<string, string> = {}, product = TEE) {
  const el = await fixture<KioskReviewList>(
    html`<kiosk-review-list product=${product}></kiosk-review-list>`,
  );
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

async function loaded(el: KioskReviewList) {
  await until(() => el.listState !== 'loading', 'list loaded');
  await el.updateComplete;
}

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

  it('signed in: writes a review with the keyboard-operated star radio group and sees the pending message', async () => {
    await signIn(client);
    const el = await list();
    await loaded(el);
    await until(() => !!$(el, 'form[part=write]'), 'form');
    await expect(el).to.be.accessible();

    // Submitting empty shows translated errors and moves focus to the rating group.
    $<HTMLButtonElement>(el, 'form [type=submit]').click();
    await until(() => $$(el, '.field-error').length === 3, 'errors');
    expect($$(el, '.field-error').map((e) => text(e))).to.deep.equal([
      'Choose a star rating.',
      'Add a title.',
      'Write your review.',
    ]);
    expect($(el, '#review-title').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement).to.equal($(el, '#rate-1'));
    await expect(el).to.be.accessible();

    // One tab stop: Shift+Tab from the title lands on the group, arrows move and select.
    $<HTMLInputElement>(el, '#review-title').focus();
    await sendKeys({ press: 'Shift+Tab' });
    const active = () => shadow(el).activeElement as HTMLInputElement;
    expect(active().name).to.equal('rating');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await until(() => active().checked, 'checked by arrow');
    const picked = Number(active().value);
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => Number(active().value) === picked - 1 && active().checked, 'moved back');
    expect($$<HTMLInputElement>(el, 'input[name=rating]').filter((r) => r.checked).length).to.equal(
      1,
    );
    expect(getComputedStyle(active().nextElementSibling!).outlineStyle).to.equal('solid');
    expect($$(el, '.rate-star.on').length).to.equal(picked - 1);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal($(el, '#review-title'));
    await sendKeys({ type: 'Soft and <i>sturdy</i>' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal($(el, '#review-body'));
    await sendKeys({ type: 'Washed ten times, still great.' });
    await until(() => text($(el, '#body-count [aria-hidden]')) === '30 / 5,000', 'counter');
    expect(text($(el, '#title-count [aria-hidden]'))).to.equal('22 / 150');

    const submitted = oneEvent(el, 'kiosk-review-submit') as Promise<KioskReviewSubmitEvent>;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.bubbles && event.composed).to.equal(true);
    const review = event.detail.review as Review & { status: string };
    expect(review.status).to.equal('pending');
    expect(review.rating).to.equal(picked - 1);
    expect(review.title).to.equal('Soft and <i>sturdy</i>');
    await until(
      () => text($(el, '.thanks')) === 'Thanks — your review will appear after moderation.',
      'pending message',
    );
    expect($(el, 'form')).to.equal(null);
    // The review just written shows in place of the form, awaiting moderation, ready to edit.
    expect(text($(el, '[part=own-review] [part=review-title]'))).to.equal('Soft and <i>sturdy</i>');
    expect($(el, '[part=own-status]').dataset.status).to.equal('pending');
    await until(() => shadow(el).activeElement === $(el, '[part=edit]'), 'focus on Edit');
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

  describe('your own review', () => {
    const own = (el: Element) => $(el, '[part=own-review]');
    const editButton = (el: Element) => $<HTMLButtonElement>(el, 'button[part=edit]');
    const active = (el: Element) => shadow(el).activeElement as HTMLInputElement | null;
    const longDate = (iso: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(iso));
    /** The server's summary now, past the browser's HTTP cache (it may hold one for 30 s). */
    const freshSummary = async (product: string, storeKey = 'pk_test_aurora') => {
      const res = await fetch(`${endpoint}/v1/products/${product}/reviews/summary`, {
        headers: { 'X-Kiosk-Key': storeKey },
        cache: 'no-store',
      });
      expect(res.status).to.equal(200);
      return (await res.json()) as ReviewSummary;
    };
    /** Ids of the product's published reviews, as a guest sees them. */
    const publicIds = async (product: string) =>
      (
        await createClient({ endpoint, storeKey: 'pk_test_aurora', storage: null }).reviews.list(
          product,
          { first: 100 },
        )
      ).items.map((r) => r.id);

    it('shows the shopper’s review with its rating, text, date and status instead of a blank form', async () => {
      await signIn(client, { name: 'Owen Owner' });
      const written = await client.reviews.submit(HENLEY, {
        rating: 3,
        title: 'Fits <b>well</b>',
        body: 'Line one. <img src=x onerror=alert(1)> Line two.',
      });
      const el = await list({}, HENLEY);
      await loaded(el);
      await until(() => !!own(el), 'own review');
      expect($(el, 'form')).to.equal(null);
      expect(text($(el, '[part=write] h3'))).to.equal('Your review');
      expect(own(el).querySelector('[role=img]')!.getAttribute('aria-label')).to.equal(
        'Rated 3 out of 5',
      );
      const title = own(el).querySelector('[part=review-title]')!;
      expect(title.tagName).to.equal('H4');
      expect(title.textContent).to.equal(written.title);
      const body = own(el).querySelector('[part=review-body]')!;
      expect(body.textContent).to.equal(written.body);
      expect(own(el).querySelector('b, img')).to.equal(null);
      const time = own(el).querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(written.createdAt);
      expect(text(time)).to.equal(longDate(written.createdAt));
      const status = $(el, '[part=own-status]');
      expect(status.dataset.status).to.equal('pending');
      expect(text(status)).to.equal(
        'Awaiting moderation Other shoppers will see your review once the store has approved it.',
      );
      expect(text(editButton(el))).to.equal('Edit your review');
      // Pending: not in the public list yet.
      expect(articles(el).map((a) => a.dataset.review)).not.to.include(written.id);
      await expect(el).to.be.accessible();

      await moderate(written.id, 'rejected');
      const rejected = await list({}, HENLEY);
      await until(() => !!$(rejected, '[part=own-status]'), 'rejected status');
      expect($(rejected, '[part=own-status]').dataset.status).to.equal('rejected');
      expect(text($(rejected, '[part=own-status]'))).to.equal(
        'Not published The store didn’t publish this review. You can edit it and send it again.',
      );
      await expect(rejected).to.be.accessible();

      await moderate(written.id, 'approved');
      const approved = await list({}, HENLEY);
      await loaded(approved);
      await until(() => !!own(approved), 'approved own review');
      expect($(approved, '[part=own-status]')).to.equal(null);
      expect(articles(approved).map((a) => a.dataset.review)).to.include(written.id);
    });

    it('edits with the keyboard only: Save shows the edited review, pending again, and the server has it', async () => {
      await signIn(client, { name: 'Edda Editor' });
      const original = await client.reviews.submit(HENLEY, {
        rating: 4,
        title: 'Warm',
        body: 'Cosy on cold mornings.',
      });
      await moderate(original.id, 'approved');
      const el = await list({}, HENLEY);
      await loaded(el);
      await until(() => !!editButton(el), 'edit button');
      expect(articles(el).map((a) => a.dataset.review)).to.include(original.id);
      const countBefore = el.reviewSummary!.count;

      // Edit moves focus into the form, onto the checked star: the form holds the review.
      editButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => active(el)?.id === 'rate-4', 'focus on the checked rating');
      expect(active(el)!.checked).to.equal(true);
      expect(text($(el, '#write-heading'))).to.equal('Edit your review');
      expect($<HTMLInputElement>(el, '#review-title').value).to.equal('Warm');
      expect($<HTMLTextAreaElement>(el, '#review-body').value).to.equal('Cosy on cold mornings.');
      expect(text($(el, '#title-count [aria-hidden]'))).to.equal('4 / 150');
      expect(text($(el, '#body-count [aria-hidden]'))).to.equal('22 / 5,000');
      expect(text($(el, 'form [type=submit]'))).to.equal('Save changes');
      expect(text($(el, 'button[part=cancel]'))).to.equal('Cancel');
      expect(own(el)).to.equal(null);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'ArrowLeft' });
      await until(() => active(el)?.id === 'rate-3' && active(el)!.checked, 'rated 3');
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal($(el, '#review-title'));
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' and <i>soft</i>' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal($(el, '#review-body'));
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' Runs small.' });
      await until(() => text($(el, '#body-count [aria-hidden]')) === '34 / 5,000', 'counter');

      const submitted = oneEvent(el, 'kiosk-review-submit') as Promise<KioskReviewSubmitEvent>;
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal($(el, 'form [type=submit]'));
      await sendKeys({ press: 'Enter' });
      const review = (await submitted).detail.review as OwnReview;
      expect(review).to.include({
        id: original.id,
        rating: 3,
        title: 'Warm and <i>soft</i>',
        body: 'Cosy on cold mornings. Runs small.',
        status: 'pending',
      });

      // Back to the read-only view, with the new text, its status, focus on Edit, announced.
      await until(() => !!own(el), 'own review again');
      expect($(el, 'form')).to.equal(null);
      expect(text(own(el).querySelector('[part=review-title]'))).to.equal('Warm and <i>soft</i>');
      expect(text(own(el).querySelector('[part=review-body]'))).to.equal(
        'Cosy on cold mornings. Runs small.',
      );
      expect(own(el).querySelector('[role=img]')!.getAttribute('aria-label')).to.equal(
        'Rated 3 out of 5',
      );
      expect($(el, '[part=own-status]').dataset.status).to.equal('pending');
      const edited = own(el).querySelector(`time[datetime="${review.updatedAt}"]`);
      expect(text(edited)).to.equal(`Edited ${longDate(review.updatedAt)}`);
      await until(() => active(el) === editButton(el), 'focus back on Edit');
      await until(
        () =>
          text($(el, '[part=status]')) ===
          'Your review was updated. It will appear after moderation.',
        'announced',
      );

      // The server has the edit, moderated again: out of the public list until approved.
      const mine = await client.reviews.mine(HENLEY);
      expect(mine).to.include({
        id: original.id,
        rating: 3,
        title: 'Warm and <i>soft</i>',
        body: 'Cosy on cold mornings. Runs small.',
        status: 'pending',
      });
      expect(await publicIds(HENLEY)).not.to.include(original.id);
      // The list and summary here follow, in place, and focus stays on Edit.
      await until(
        () => !el.loadedReviews.some((r) => r.id === original.id) && !$(el, '.refreshing'),
        'list reloaded',
      );
      expect(el.reviewSummary!.count).to.equal(countBefore - 1);
      expect(el.reviewSummary).to.deep.equal(await freshSummary(HENLEY));
      expect(text($(el, '[part=count]'))).to.equal(`${countBefore - 1} reviews`);
      expect(active(el)).to.equal(editButton(el));
      await expect(el).to.be.accessible();
    });

    it('Cancel discards the changes, shows the review again and returns focus to Edit', async () => {
      await signIn(client, { name: 'Cora Canceller' });
      const written = await client.reviews.submit(TEE, {
        rating: 5,
        title: 'Perfect',
        body: 'Exactly as pictured.',
      });
      const el = await list();
      await loaded(el);
      await until(() => !!editButton(el), 'edit button');
      editButton(el).click();
      await until(() => active(el)?.id === 'rate-5', 'focus on the checked rating');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' (not really)' });
      await until(() => $<HTMLInputElement>(el, '#review-title').value.endsWith(')'), 'typed');
      // Title → text → Save → Cancel.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal($(el, 'button[part=cancel]'));
      await sendKeys({ press: 'Enter' });

      await until(() => !!own(el) && active(el) === editButton(el), 'view and focus restored');
      expect($(el, 'form')).to.equal(null);
      expect(text(own(el).querySelector('[part=review-title]'))).to.equal('Perfect');
      expect(own(el).querySelector('[role=img]')!.getAttribute('aria-label')).to.equal(
        'Rated 5 out of 5',
      );
      expect(await client.reviews.mine(TEE)).to.include({
        id: written.id,
        rating: 5,
        title: 'Perfect',
      });
      // Editing again starts from the saved review, not the discarded draft.
      await sendKeys({ press: 'Enter' });
      await until(() => active(el)?.id === 'rate-5', 'form again');
      expect($<HTMLInputElement>(el, '#review-title').value).to.equal('Perfect');
    });

    it('guests cause no request for it; signing in on the page loads it, signing out clears it', async () => {
      const path = `/v1/products/${TEE}/reviews/mine`;
      const mineRequests = () => apiRequests(path).filter((e) => new URL(e.name).pathname === path);
      const email = await signIn(client, { name: 'Gus Guest' });
      const written = await client.reviews.submit(TEE, {
        rating: 4,
        title: 'Good value',
        body: 'Nice and thick.',
      });
      await client.auth.logout();
      // Earlier tests may have filled the resource timing buffer (entries then go unrecorded).
      performance.clearResourceTimings();

      const el = await list();
      await loaded(el);
      expect(text($(el, '[part=write]'))).to.contain('Sign in to write a review');
      expect(own(el)).to.equal(null);
      // The list's requests are recorded, so the absence of `mine` means something.
      await until(
        () => apiRequests(`/v1/products/${TEE}/reviews/summary`).length > 0,
        'summary request',
      );
      expect(mineRequests()).to.have.length(0);

      await signIn(client, { name: 'Gus Guest', email });
      await until(() => !!own(el), 'own review after signing in');
      expect(text(own(el).querySelector('[part=review-title]'))).to.equal(written.title);
      await until(() => mineRequests().length === 1, 'one mine request');

      await client.auth.logout();
      await until(() => !own(el) && !!$(el, '.sign-in'), 'signed out');
      expect($(el, 'form')).to.equal(null);
      expect(mineRequests()).to.have.length(1);
    });

    it('if it can’t be loaded: the list works, the write section says so with Try again', async () => {
      let down = true;
      freshClient({
        fetch: (input, init) => {
          const url = String(input instanceof Request ? input.url : input);
          const mine = new URL(url).pathname.endsWith('/reviews/mine');
          return fetch(down && mine ? url.replace(endpoint, 'http://127.0.0.1:9') : url, init);
        },
      });
      await signIn(client);
      const errors: Event[] = [];
      const el = await fixture<KioskReviewList>(
        html`<kiosk-review-list product=${TEE} @kiosk-error=${(e: Event) => errors.push(e)}></kiosk-review-list>`,
      );
      await loaded(el);
      await until(() => !!$(el, '[part=write] .retry'), 'error in the write section');
      expect(el.listState).to.equal('ready');
      expect(articles(el).length).to.equal(5);
      expect(text($(el, '[part=write] p'))).to.contain('Can’t reach the store right now');
      expect($(el, '[part=write]').getAttribute('role')).to.equal('alert');
      expect($(el, 'form')).to.equal(null);
      expect(errors.length).to.equal(1);
      await expect(el).to.be.accessible();

      down = false;
      $<HTMLButtonElement>(el, '[part=write] .retry').click();
      // This shopper has no review yet: the blank form.
      await until(() => !!$(el, 'form[part=write]'), 'form');
      expect(text($(el, '#write-heading'))).to.equal('Write a review');
      expect($(el, '[part=write] .retry')).to.equal(null);
    });

    it('an edit in a store that approves automatically is published and the list shows it', async () => {
      const BOREALIS = { endpoint, storeKey: 'pk_test_borealis', storage: null } as const;
      const JACKET = 'borealis-expedition-down-jacket';
      freshClient(BOREALIS);
      await signIn(client, { name: 'Ada Auto', secretKey: 'sk_test_borealis' });
      const written = await client.reviews.submit(JACKET, {
        rating: 2,
        title: 'Too warm',
        body: 'Great for winter only.',
      });
      expect(written.status).to.equal('approved');
      const el = await list({}, JACKET);
      await loaded(el);
      await until(() => !!editButton(el), 'edit button');
      expect($(el, '[part=own-status]')).to.equal(null);

      editButton(el).click();
      await until(() => active(el)?.id === 'rate-2', 'form');
      await sendKeys({ press: 'ArrowRight' });
      await until(() => active(el)?.id === 'rate-3' && active(el)!.checked, 'rated 3');
      const submitted = oneEvent(el, 'kiosk-review-submit') as Promise<KioskReviewSubmitEvent>;
      $<HTMLButtonElement>(el, 'form [type=submit]').click();
      expect((await submitted).detail.review).to.include({ rating: 3, status: 'approved' });

      await until(
        () => text($(el, '[part=status]')) === 'Your review was updated.',
        'announced as published',
      );
      await until(
        () => el.loadedReviews.find((r) => r.id === written.id)?.rating === 3,
        'the list shows the edit',
      );
      expect($(el, '[part=own-status]')).to.equal(null);
      expect(active(el)).to.equal(editButton(el));
      const published = (
        await createClient(BOREALIS).reviews.list(JACKET, { first: 100 })
      ).items.find((r) => r.id === written.id);
      expect(published?.rating).to.equal(3);
      expect(el.reviewSummary).to.deep.equal(await freshSummary(JACKET, 'pk_test_borealis'));
    });
  });
});
