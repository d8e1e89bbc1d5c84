import { createClient, type OwnReview, type Review, type ReviewSummary } from '@kiosk/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { apiRequests, endpoint, until } from '../../test/helpers.js';
import { $, $$, articles, list, loaded, shadow, TEE, text } from '../../test/review-list.js';
import { client, freshClient, signIn } from '../../test/review-shopper.js';
import type { KioskReviewSubmitEvent } from '../events/review-submit.js';
import type { KioskReviewList } from './review-list.js';

/** For the own-review tests that publish reviews: no other test counts this product's reviews. */
const HENLEY = 'aurora-waffle-henley';

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

// The write section: the form, and the shopper's own review with its edit.
describe('<kiosk-review-list>', () => {
  beforeEach(() => {
    freshClient();
  });

  it('signed in: writes a review with the keyboard-operated star radio group and sees the pending message', async () => {
    await signIn(client);
    const el = await list();
    await loaded(el);
    // "Write a review" opens the form (its code loads then: review-form-load.test.ts).
    await until(() => !!$(el, 'button.start'), 'Write a review');
    expect(text($(el, 'button.start'))).to.equal('Write a review');
    $<HTMLButtonElement>(el, 'button.start').click();
    await until(() => !!$(el, 'form[part=write]'), 'form');
    expect(shadow(el).activeElement, 'focus on the rating').to.equal($(el, '#rate-1'));
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
      // This shopper has no review yet: "Write a review".
      await until(() => !!$(el, 'button.start'), 'Write a review');
      expect(text($(el, 'button.start'))).to.equal('Write a review');
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
