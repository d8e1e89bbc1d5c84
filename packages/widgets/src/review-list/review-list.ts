import type { Page, Review, ReviewSort, ReviewSummary, Session } from '@kiosk/sdk';
import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskElement } from '../kiosk-element.js';
import { starStyles } from '../stars.js';
import { sharedStyles } from '../styles/shared.styles.js';
import type { ReviewContext, ReviewListState } from './review-host.js';
import { styles } from './review-list.styles.js';
import { ReviewLocalize } from './review-localize.js';
import { renderReviews, renderToolbar, reviewsSkeleton } from './reviews.js';
import { reviewsStyles } from './reviews.styles.js';
import { ReviewsController } from './reviews-controller.js';
import { fillBars, renderSummary, summarySkeleton } from './summary.js';
import { summaryStyles } from './summary.styles.js';
import { WriteController } from './write-controller.js';
import { renderWrite } from './write-section.js';
import { writeSectionStyles } from './write-section.styles.js';

export { BODY_MAX, type ReviewListState, reviewSorts, TITLE_MAX } from './review-host.js';

/**
 * @summary A product's reviews: average, count and a star histogram that filters, sorting,
 * reviews (rendered as text only) with verified and incentivized badges, merchant replies and
 * helpful votes, cursor pages behind "Show more", and a write-a-review form for signed-in
 * shoppers (its code downloads when the shopper first presses "Write a review" or "Edit"). A shopper who already reviewed the product sees their own review (with its
 * moderation status) and can edit it. Writes schema.org AggregateRating and Review JSON-LD into
 * the light DOM.
 *
 * @event {KioskReviewSubmitEvent} kiosk-review-submit - A signed-in shopper submitted or edited their review: `{ review }` (check `review.status`: `pending` until moderated).
 * @event {KioskErrorEvent} kiosk-error - Loading, voting or submitting failed: `{ error }` (a KioskError). The list shows it too.
 *
 * @csspart base - The list's box (a section).
 * @csspart heading - The "Customer reviews" heading (an h2).
 * @csspart summary - The average, count and histogram.
 * @csspart average - The average rating as a number.
 * @csspart stars - Every row of rating stars (summary and reviews).
 * @csspart count - The number of reviews.
 * @csspart histogram - The list of star bars.
 * @csspart bar - One histogram bar (a toggle button; `aria-pressed` when it filters).
 * @csspart sort - The sort select.
 * @csspart list - The list of reviews (an ol).
 * @csspart review - One review (an article).
 * @csspart review-title - A review's title (an h3; an h4 in your own review).
 * @csspart review-body - A review's text.
 * @csspart badge - The verified-buyer and free-product badges.
 * @csspart reply - The store's reply to a review.
 * @csspart helpful - The helpful vote button (signed in) or count (guests).
 * @csspart more - The "Show more reviews" button.
 * @csspart write - The write-a-review section ("Write a review", the form, sign-in prompt, thanks or the shopper's own review).
 * @csspart own-review - The signed-in shopper's own review (an article): rating, title, text and date.
 * @csspart own-status - The own review's moderation status, when it is not published: awaiting moderation or not published.
 * @csspart edit - The "Edit your review" button.
 * @csspart cancel - The form's Cancel button while editing your review.
 * @csspart rating-input - The star rating radio group of the form.
 * @csspart button - The "Write a review" button, the form's submit button and the sign-in button.
 * @csspart status - The live region announcing results.
 *
 * @cssprop --kiosk-color-accent - Buttons, bars and focus ring (global token).
 * @cssprop --kiosk-radius - Corner radius (global token).
 * @cssprop --kiosk-font - Font family; inherits the page's font by default (global token).
 * @cssprop --kiosk-review-list-background - Background of the list.
 * @cssprop --kiosk-review-list-border - Border around the list (default: 1px solid the border token).
 * @cssprop --kiosk-review-list-padding - Inner padding (default 1rem).
 * @cssprop --kiosk-review-list-gap - Space between sections and reviews (default 1rem).
 * @cssprop --kiosk-review-list-star-color - Filled star colour.
 * @cssprop --kiosk-review-list-bar-color - Histogram bar fill (default: the accent token).
 * @cssprop --kiosk-review-list-bar-track - Histogram bar track (default: the skeleton token).
 * @cssprop --kiosk-review-list-badge-background - Badge background.
 * @cssprop --kiosk-review-list-badge-color - Badge text colour.
 * @cssprop --kiosk-review-list-reply-background - Background of the store's reply.
 * @cssprop --kiosk-review-list-divider - Line between reviews.
 */
export class KioskReviewList extends KioskElement {
  static override styles = [
    sharedStyles,
    starStyles,
    styles,
    summaryStyles,
    reviewsStyles,
    writeSectionStyles,
  ];

  /** The product's handle or id. */
  @property({ reflect: true }) product?: string;

  /** Order of the reviews: `recent`, `helpful`, `rating_desc` or `rating_asc`. Reflects the shopper's choice. */
  @property({ reflect: true }) sort: ReviewSort = 'recent';

  /** Only reviews with this many stars (1–5); absent for all. Reflects the histogram filter. */
  @property({ type: Number, reflect: true }) rating?: number;

  /** Reviews per page (1–100, default 5). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 5;

  /** What the list shows: loading, ready, empty, unavailable or error. Read-only. */
  @property({ reflect: true, attribute: 'state' }) listState: ReviewListState = 'loading';

  /** @internal Set by `@kiosk/widgets/ssr`: the summary (and first page) the server renders. */
  declare serverReviews?: { summary: ReviewSummary; page?: Page<Review> };

  @state() private announcement = '';

  private readonly i18n = new ReviewLocalize(this);
  private readonly session = new StoreController<Session | null>(
    this,
    this.kiosk,
    (c) => c.auth.$session,
  );
  private readonly context: ReviewContext = {
    kiosk: this.kiosk,
    i18n: this.i18n,
    customer: () => this.session.value?.customer ?? null,
    report: (error) => this.emitError(error),
    announce: (message) => void this.announce(message),
  };
  // The list loads before the shopper's own review: its controller comes first.
  private readonly list = new ReviewsController(this, this.context);
  private readonly write = new WriteController(this, this.context, this.list);

  /** The reviews shown so far (all loaded pages). */
  get loadedReviews(): readonly Review[] {
    return this.list.reviews;
  }

  /** The review summary (average, count, histogram), once loaded. */
  get reviewSummary(): ReviewSummary | undefined {
    return this.list.summary;
  }

  /**
   * Loads (or reloads, after an error) the summary and the first page. With `listOnly`, the
   * summary stays and only the reviews reload (sort, filter or session changed), in place
   * (no skeleton); add `summary` to reload it too (the shopper's own review changed).
   */
  load(options: { listOnly?: boolean; summary?: boolean } = {}): Promise<void> {
    return this.list.load(options);
  }

  /** Loads the next page and moves focus to its first review. */
  loadMore(): Promise<void> {
    return this.list.loadMore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // On the server nothing connects the list: no controller runs and nothing loads.
    // (lit types isServer as false: its Node build says true)
    if ((isServer as boolean) && this.serverReviews) {
      this.i18n.hostUpdate();
      const { summary, page } = this.serverReviews;
      this.list.summary = summary;
      this.list.reviews = page?.items ?? [];
      this.list.cursor = page?.nextCursor ?? null;
      this.listState = summary.count > 0 ? 'ready' : 'empty';
    }
  }

  protected override updated(): void {
    fillBars(this.shadowRoot);
  }

  /** Says `message` in the status region (emptied first, so a repeat is announced again). */
  private async announce(message: string) {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  protected override render() {
    const loading = !this.i18n.ready || this.listState === 'loading';
    return html`<section
      part="base"
      class="base ${loading ? 'skeleton' : ''}"
      aria-labelledby="heading"
      aria-busy=${loading || this.list.refreshing || this.write.mineLoading ? 'true' : 'false'}
      lang=${this.i18n.lang}
    >
      <h2 id="heading" part="heading">${this.i18n.t('heading')}</h2>
      ${loading ? this.renderSkeleton() : this.renderContent()}
      <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderContent() {
    const signedIn = !!this.context.customer();
    const write = () => renderWrite(this.write, signedIn);
    switch (this.listState) {
      case 'unavailable':
        return html`<div class="message">
          <p>${this.i18n.t('unavailable')}</p>
          <p class="hint">${this.i18n.t('unavailableHint')}</p>
        </div>`;
      case 'error':
        return this.renderError();
      case 'empty':
        return html`<p class="message empty">${this.i18n.t('empty')}</p>
          ${write()}`;
      default:
        // A server rendering of the summary alone: the reviews come with the element's code.
        return isServer && !this.serverReviews?.page
          ? html`${renderSummary(this.list)} ${write()}`
          : html`${renderSummary(this.list)} ${renderToolbar(this.list)} ${renderReviews(this.list, signedIn)}
        ${write()}`;
    }
  }

  private renderSkeleton() {
    return html`<span class="visually-hidden">${this.i18n.t('loading')}</span>
      ${summarySkeleton} ${reviewsSkeleton(Math.min(this.list.pageSize, 5))}`;
  }

  private renderError() {
    const e = this.list.loadError;
    return html`<div class="error" role="alert">
      <p>${this.i18n.error(e, 'loadFailed')}</p>
      ${
        e?.code === 'not_configured'
          ? nothing
          : html`<button class="retry" type="button" @click=${() => this.load()}>
              ${this.i18n.t('retry')}
            </button>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-review-list': KioskReviewList;
  }
}
