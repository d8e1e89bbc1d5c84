import type {
  KioskError,
  OwnReview,
  Product,
  Review,
  ReviewSort,
  ReviewSummary,
  Session,
} from '@kiosk/sdk';
import { MAX_REVIEW_BODY, MAX_REVIEW_TITLE } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController, type MessageKey } from '../controllers/localize-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { KioskReviewSubmitEvent } from '../events/review-submit.js';
import { formatNumber } from '../format.js';
import { writeJsonLd } from '../json-ld.js';
import { KioskElement } from '../kiosk-element.js';
import { starStyles, stars } from '../stars.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { reviewListStrings } from './i18n/index.js';
import { reviewsJsonLd } from './json-ld.js';
import { styles } from './review-list.styles.js';

export type ReviewListState = 'loading' | 'ready' | 'empty' | 'unavailable' | 'error';

export const reviewSorts: readonly ReviewSort[] = [
  'recent',
  'helpful',
  'rating_desc',
  'rating_asc',
];
const STARS = [5, 4, 3, 2, 1] as const;
/** The server's limits (WriteReview): shown beside the fields and enforced by maxlength. */
export const TITLE_MAX = MAX_REVIEW_TITLE;
export const BODY_MAX = MAX_REVIEW_BODY;

type Field = 'rating' | 'title' | 'body';
type FieldErrors = Partial<Record<Field, string>>;

const validRating = (n: number | undefined): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;

/**
 * @summary A product's reviews: average, count and a star histogram that filters, sorting,
 * reviews (rendered as text only) with verified and incentivized badges, merchant replies and
 * helpful votes, cursor pages behind "Show more", and a write-a-review form for signed-in
 * shoppers. A shopper who already reviewed the product sees their own review (with its
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
 * @csspart write - The write-a-review section (form, sign-in prompt, thanks or the shopper's own review).
 * @csspart own-review - The signed-in shopper's own review (an article): rating, title, text and date.
 * @csspart own-status - The own review's moderation status, when it is not published: awaiting moderation or not published.
 * @csspart edit - The "Edit your review" button.
 * @csspart cancel - The form's Cancel button while editing your review.
 * @csspart rating-input - The star rating radio group of the form.
 * @csspart button - The form's submit button and the sign-in button.
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
  static override styles = [sharedStyles, starStyles, styles];

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

  @state() private summary: ReviewSummary | undefined;
  @state() private reviews: Review[] = [];
  @state() private cursor: string | null = null;
  @state() private productData: Product | undefined;
  @state() private loadError: KioskError | undefined;
  @state() private refreshing = false;
  @state() private loadingMore = false;
  @state() private moreError: KioskError | undefined;
  @state() private voting = new Set<string>();
  @state() private voteErrors = new Map<string, string>();
  @state() private announcement = '';
  @state() private draftRating = 0;
  @state() private draftTitle = '';
  @state() private draftBody = '';
  @state() private fieldErrors: FieldErrors = {};
  @state() private submitError = '';
  @state() private submitting = false;
  @state() private submitted: 'pending' | 'approved' | undefined;
  /** The shopper's own review: undefined until loaded (or for guests), null when they have none. */
  @state() private mine: OwnReview | null | undefined;
  @state() private mineLoading = false;
  @state() private mineError: KioskError | undefined;
  @state() private editing = false;

  private readonly i18n = new LocalizeController(this, reviewListStrings);
  private readonly session = new StoreController<Session | null>(
    this,
    this.kiosk,
    (c) => c.auth.$session,
  );
  private productKey = '';
  private listKey = '';
  private mineKey = '';
  private loadSeq = 0;
  private focusReviewId: string | undefined;

  /** The reviews shown so far (all loaded pages). */
  get loadedReviews(): readonly Review[] {
    return this.reviews;
  }

  /** The review summary (average, count, histogram), once loaded. */
  get reviewSummary(): ReviewSummary | undefined {
    return this.summary;
  }

  private get effectiveSort(): ReviewSort {
    return reviewSorts.includes(this.sort) ? this.sort : 'recent';
  }

  private get effectiveRating(): number | undefined {
    return validRating(this.rating) ? this.rating : undefined;
  }

  private get effectivePageSize(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 5;
  }

  private get customer() {
    return this.session.value?.customer ?? null;
  }

  protected override willUpdate(): void {
    const client = this.kiosk.client;
    const productKey = `${client?.endpoint}|${client?.storeKey}|${this.product}`;
    const listKey = `${productKey}|${this.effectiveSort}|${this.effectiveRating}|${this.effectivePageSize}|${this.customer?.id ?? ''}`;
    if (productKey !== this.productKey) {
      this.productKey = productKey;
      this.listKey = listKey;
      this.resetDraft();
      void this.load();
    } else if (listKey !== this.listKey) {
      this.listKey = listKey;
      void this.load({ listOnly: this.listState === 'ready' || this.listState === 'empty' });
    }
    const mineKey = `${productKey}|${this.customer?.id ?? ''}`;
    if (mineKey !== this.mineKey) {
      this.mineKey = mineKey;
      // Another product or shopper (sign-in, sign-out): nothing of the last one's review or draft stays.
      this.resetDraft();
      this.mine = undefined;
      this.mineError = undefined;
      this.mineLoading = false;
      this.editing = false;
      if (this.customer) void this.loadMine();
    }
  }

  protected override updated(): void {
    this.writeJsonLd();
    // Bar lengths through the CSSOM: a style attribute would need 'unsafe-inline' under a CSP.
    for (const fill of this.shadowRoot?.querySelectorAll<HTMLElement>('.fill[data-fill]') ?? []) {
      fill.style.setProperty('--_fill', `${fill.dataset.fill}%`);
    }
    if (this.focusReviewId) {
      const article = this.shadowRoot?.querySelector<HTMLElement>(
        `article[data-review="${CSS.escape(this.focusReviewId)}"]`,
      );
      if (article) {
        this.focusReviewId = undefined;
        article.focus();
      }
    }
  }

  /**
   * Loads (or reloads, after an error) the summary and the first page. With `listOnly`, the
   * summary stays and only the reviews reload (sort, filter or session changed), in place
   * (no skeleton); add `summary` to reload it too (the shopper's own review changed).
   */
  async load(options: { listOnly?: boolean; summary?: boolean } = {}): Promise<void> {
    const seq = ++this.loadSeq;
    const client = this.kiosk.client;
    this.loadError = undefined;
    this.moreError = undefined;
    if (!client) {
      this.listState = 'error';
      this.loadError = this.kiosk.error ?? undefined;
      if (this.kiosk.error) this.emitError(this.kiosk.error);
      return;
    }
    const product = this.product;
    if (!product) {
      this.summary = undefined;
      this.reviews = [];
      this.listState = 'unavailable';
      return;
    }
    if (options.listOnly) this.refreshing = true;
    else this.listState = 'loading';
    if (!options.listOnly || !this.productData) {
      // Only for the JSON-LD's Product (batched and shared with any product card of it).
      client.products.get(product).then(
        (p) => {
          if (this.product === product) this.productData = p;
        },
        () => undefined,
      );
    }
    try {
      const listing = client.reviews.list(product, {
        sort: this.effectiveSort,
        first: this.effectivePageSize,
        ...(this.effectiveRating ? { rating: this.effectiveRating } : {}),
      });
      const [summary, page] = await Promise.all([
        options.listOnly && !options.summary && this.summary
          ? this.summary
          : client.reviews.summary(product),
        listing,
      ]);
      if (seq !== this.loadSeq) return;
      this.summary = summary;
      this.reviews = page.items;
      this.cursor = page.nextCursor;
      this.voteErrors = new Map();
      this.listState = summary.count > 0 ? 'ready' : 'empty';
    } catch (error) {
      if (seq !== this.loadSeq) return;
      const e = this.emitError(error);
      this.reviews = [];
      this.cursor = null;
      if (e.code === 'product_not_found' || e.code === 'not_found') {
        this.summary = undefined;
        this.productData = undefined;
        this.listState = 'unavailable';
      } else {
        this.loadError = e;
        this.listState = 'error';
      }
    } finally {
      if (seq === this.loadSeq) this.refreshing = false;
    }
  }

  /** Loads the signed-in shopper's own review of the product, if they wrote one. */
  private async loadMine(): Promise<void> {
    const client = this.kiosk.client;
    const product = this.product;
    const key = this.mineKey;
    if (!client || !product || !this.customer) return;
    this.mineLoading = true;
    this.mineError = undefined;
    try {
      const review = await client.reviews.mine(product);
      if (key === this.mineKey) this.mine = review;
    } catch (error) {
      if (key !== this.mineKey) return;
      const e = error as KioskError;
      // An unknown product is the list's to report (it shows "unavailable" and no write section).
      this.mineError = e?.code === 'product_not_found' ? e : this.emitError(error);
    } finally {
      if (key === this.mineKey) this.mineLoading = false;
    }
  }

  /** Opens the form with the shopper's review in it and moves focus to its rating. */
  private async startEdit() {
    const mine = this.mine;
    if (!mine) return;
    this.resetDraft();
    this.draftRating = mine.rating;
    this.draftTitle = mine.title;
    this.draftBody = mine.body;
    this.editing = true;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLInputElement>('input[name=rating]:checked')?.focus();
  }

  private cancelEdit() {
    if (this.submitting) return;
    this.resetDraft();
    this.editing = false;
    void this.focusEditButton();
  }

  private async focusEditButton() {
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLButtonElement>('button.edit')?.focus();
  }

  /** Loads the next page and moves focus to its first review. */
  async loadMore(): Promise<void> {
    const client = this.kiosk.client;
    const product = this.product;
    if (!client || !product || !this.cursor || this.loadingMore) return;
    const seq = this.loadSeq;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await client.reviews.list(product, {
        sort: this.effectiveSort,
        first: this.effectivePageSize,
        after: this.cursor,
        ...(this.effectiveRating ? { rating: this.effectiveRating } : {}),
      });
      if (seq !== this.loadSeq) return;
      const known = new Set(this.reviews.map((r) => r.id));
      const fresh = page.items.filter((r) => !known.has(r.id));
      this.reviews = [...this.reviews, ...fresh];
      this.cursor = page.nextCursor;
      this.focusReviewId = fresh[0]?.id;
      void this.announce(this.shownText());
    } catch (error) {
      if (seq === this.loadSeq) this.moreError = this.emitError(error);
    } finally {
      this.loadingMore = false;
    }
  }

  private t(
    key: MessageKey<typeof reviewListStrings.en>,
    options?: Record<string, unknown>,
  ): string {
    return this.i18n.t(key, options);
  }

  private num(n: number, digits = 0): string {
    return formatNumber(n, this.i18n.locale, digits);
  }

  private count(key: MessageKey<typeof reviewListStrings.en>, n: number): string {
    return this.t(key, { count: n, formatted: this.num(n) });
  }

  private date(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'long' }).format(d);
  }

  private percent(part: number, whole: number): string {
    return new Intl.NumberFormat(this.i18n.locale, { style: 'percent' }).format(
      whole > 0 ? part / whole : 0,
    );
  }

  private async announce(message: string) {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  private shownText(): string {
    const total = this.effectiveRating
      ? (this.summary?.histogram[this.effectiveRating as 1] ?? 0)
      : (this.summary?.count ?? 0);
    return this.t('shown', {
      shown: this.num(this.reviews.length),
      total: this.count('reviewCount', total),
    });
  }

  private filterBy(stars: number) {
    const next = this.effectiveRating === stars ? undefined : stars;
    this.rating = next;
    void this.announce(
      next
        ? this.t('filter.active', { stars: this.count('starCount', next) })
        : this.t('filter.clear'),
    );
  }

  private setSort(value: string) {
    const sort = reviewSorts.find((s) => s === value);
    if (sort) this.sort = sort;
  }

  private signIn() {
    const client = this.kiosk.client;
    if (!client) return;
    // Called straight from the click, so the popup isn't blocked.
    client.auth.login().catch((error: unknown) => {
      const e = error as KioskError;
      if (e?.code !== 'login_cancelled') this.emitError(error);
    });
  }

  private async vote(review: Review) {
    const client = this.kiosk.client;
    if (!client || !this.customer || this.voting.has(review.id)) return;
    this.voting = new Set(this.voting).add(review.id);
    const errors = new Map(this.voteErrors);
    errors.delete(review.id);
    this.voteErrors = errors;
    try {
      // Pressing "Helpful" again takes the vote back (it is a toggle, not a "not helpful" vote).
      const result =
        review.viewerVote === true
          ? await client.reviews.unvote(review.id)
          : await client.reviews.vote(review.id, true);
      this.reviews = this.reviews.map((r) =>
        r.id === review.id
          ? { ...r, helpfulCount: result.helpfulCount, viewerVote: result.viewerVote }
          : r,
      );
    } catch (error) {
      const e = this.emitError(error);
      this.voteErrors = new Map(this.voteErrors).set(
        review.id,
        e.code === 'forbidden'
          ? this.t('review.ownReview')
          : e.status === 0
            ? this.t('error.network')
            : this.t('review.voteFailed'),
      );
    } finally {
      const voting = new Set(this.voting);
      voting.delete(review.id);
      this.voting = voting;
    }
  }

  private resetDraft() {
    this.draftRating = 0;
    this.draftTitle = '';
    this.draftBody = '';
    this.fieldErrors = {};
    this.submitError = '';
    this.submitted = undefined;
  }

  private validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!validRating(this.draftRating)) errors.rating = this.t('form.errors.rating');
    const title = this.draftTitle.trim();
    const body = this.draftBody.trim();
    if (!title) errors.title = this.t('form.errors.title');
    else if (title.length > TITLE_MAX)
      errors.title = this.t('form.errors.tooLong', { max: this.num(TITLE_MAX) });
    if (!body) errors.body = this.t('form.errors.body');
    else if (body.length > BODY_MAX)
      errors.body = this.t('form.errors.tooLong', { max: this.num(BODY_MAX) });
    return errors;
  }

  private async focusFirstInvalid(errors: FieldErrors) {
    await this.updateComplete;
    const root = this.shadowRoot;
    if (errors.rating) {
      root?.querySelector<HTMLInputElement>('input[name=rating]')?.focus();
    } else if (errors.title) {
      root?.querySelector<HTMLInputElement>('#review-title')?.focus();
    } else if (errors.body) {
      root?.querySelector<HTMLTextAreaElement>('#review-body')?.focus();
    }
  }

  private async submit(event: Event) {
    event.preventDefault();
    const client = this.kiosk.client;
    const product = this.product;
    if (!client || !product || this.submitting) return;
    const errors = this.validate();
    this.fieldErrors = errors;
    this.submitError = '';
    if (Object.keys(errors).length) {
      void this.focusFirstInvalid(errors);
      return;
    }
    this.submitting = true;
    const editing = this.editing;
    const previous = this.mine;
    const mineKey = this.mineKey;
    try {
      const review = await client.reviews.submit(product, {
        rating: this.draftRating,
        title: this.draftTitle.trim(),
        body: this.draftBody.trim(),
      });
      this.dispatchEvent(new KioskReviewSubmitEvent({ review }));
      if (editing) {
        // Signed out or moved to another product meanwhile: that view is gone already.
        if (mineKey === this.mineKey) void this.showEdited(review, previous);
        return;
      }
      this.resetDraft();
      this.submitted = review.status === 'approved' ? 'approved' : 'pending';
      void this.announce(this.t(this.submitted === 'approved' ? 'form.published' : 'form.pending'));
      // The form gives way to the review just written, which the shopper can edit from here.
      if (mineKey === this.mineKey) {
        this.mine = review;
        void this.focusEditButton();
      }
      if (review.status === 'approved') void this.load({ listOnly: true, summary: true });
    } catch (error) {
      const e = this.emitError(error);
      this.submitError =
        e.code === 'validation_failed'
          ? this.t('form.errors.invalid')
          : e.code === 'unauthenticated' || e.status === 401
            ? this.t('form.errors.signedOut')
            : e.status === 0
              ? this.t('error.network')
              : this.t('form.errors.failed');
      this.fieldErrors = this.serverFieldErrors(e);
    } finally {
      this.submitting = false;
    }
  }

  /** Back from the form to the saved review: announced, and focus on its Edit button. */
  private async showEdited(review: OwnReview, previous: OwnReview | null | undefined) {
    this.resetDraft();
    this.mine = review;
    this.editing = false;
    const published = review.status === 'approved';
    void this.announce(this.t(published ? 'own.saved' : 'own.savedPending'));
    await this.focusEditButton();
    // Editing a published review, or publishing an edit, changes the public list and summary.
    if (published || previous?.status === 'approved') {
      await this.load({ listOnly: true, summary: true });
      // Into or out of "no reviews yet" the write section is drawn anew and focus fell to the body.
      if ((document.activeElement ?? document.body) === document.body) {
        await this.focusEditButton();
      }
    }
  }

  /** Field issues of a validation error ([{ path, message }]), translated by field. */
  private serverFieldErrors(e: KioskError): FieldErrors {
    if (e.code !== 'validation_failed' || !Array.isArray(e.details)) return {};
    const errors: FieldErrors = {};
    for (const issue of e.details as { path?: unknown }[]) {
      const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
      if (path.endsWith('rating')) errors.rating = this.t('form.errors.rating');
      if (path.endsWith('title')) errors.title = this.t('form.errors.title');
      if (path.endsWith('body')) errors.body = this.t('form.errors.body');
    }
    return errors;
  }

  private writeJsonLd() {
    const { productData, summary } = this;
    writeJsonLd(
      this,
      'reviews',
      productData && summary && this.listState === 'ready'
        ? reviewsJsonLd(productData, summary, this.reviews)
        : null,
    );
  }

  protected override render() {
    const loading = !this.i18n.ready || this.listState === 'loading';
    return html`<section
      part="base"
      class="base"
      aria-labelledby="heading"
      aria-busy=${loading || this.refreshing || this.mineLoading ? 'true' : 'false'}
      lang=${this.i18n.lang}
    >
      <h2 id="heading" part="heading">${this.t('heading')}</h2>
      ${loading ? this.renderSkeleton() : this.renderContent()}
      <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderContent() {
    switch (this.listState) {
      case 'unavailable':
        return html`<div class="message">
          <p>${this.t('unavailable')}</p>
          <p class="hint">${this.t('unavailableHint')}</p>
        </div>`;
      case 'error':
        return this.renderError();
      case 'empty':
        return html`<p class="message empty">${this.t('empty')}</p>
          ${this.renderWrite()}`;
      default:
        return html`${this.renderSummary()} ${this.renderToolbar()} ${this.renderReviews()}
        ${this.renderWrite()}`;
    }
  }

  private renderSkeleton() {
    return html`<span class="visually-hidden">${this.t('loading')}</span>
      <div class="summary skeleton" aria-hidden="true">
        <div class="overview"><span class="placeholder big"></span><span class="placeholder line"></span></div>
        <div class="histogram">
          ${STARS.map(() => html`<span class="placeholder bar-line"></span>`)}
        </div>
      </div>
      <div class="toolbar skeleton" aria-hidden="true"><span class="placeholder control"></span></div>
      <ol class="reviews skeleton" aria-hidden="true">
        ${Array.from(
          { length: Math.min(this.effectivePageSize, 5) },
          () => html`<li class="review">
            <span class="placeholder line short"></span>
            <span class="placeholder line"></span>
            <span class="placeholder line"></span>
          </li>`,
        )}
      </ol>`;
  }

  private renderError() {
    const e = this.loadError;
    const notConfigured = e?.code === 'not_configured';
    const message = notConfigured
      ? this.t('error.notConfigured')
      : e?.status === 0
        ? this.t('error.network')
        : this.t('loadFailed');
    return html`<div class="error" role="alert">
      <p>${message}</p>
      ${
        notConfigured
          ? nothing
          : html`<button class="retry" type="button" @click=${() => this.load()}>
              ${this.t('retry')}
            </button>`
      }
    </div>`;
  }

  private renderSummary() {
    const summary = this.summary!;
    const average = this.num(summary.average, 1);
    return html`<div class="summary" part="summary">
      <div class="overview">
        <span class="average" part="average" aria-hidden="true">${average}</span>
        ${stars(summary.average, this.t('rated', { rating: average }), 'stars')}
        <span class="count" part="count">${this.count('reviewCount', summary.count)}</span>
      </div>
      <ul class="histogram" part="histogram" aria-label=${this.t('summary.histogram')}>
        ${STARS.map((stars) => {
          const n = summary.histogram[stars] ?? 0;
          const pct = summary.count > 0 ? (n / summary.count) * 100 : 0;
          const label = this.t('summary.bar', {
            stars: this.count('starCount', stars),
            reviews: this.count('reviewCount', n),
            percent: this.percent(n, summary.count),
          });
          return html`<li>
            <button
              type="button"
              part="bar"
              class="bar"
              data-stars=${stars}
              aria-pressed=${this.effectiveRating === stars ? 'true' : 'false'}
              @click=${() => this.filterBy(stars)}
            >
              <span class="bar-stars" aria-hidden="true">${this.num(stars)} ★</span>
              <span class="track" aria-hidden="true"
                ><span class="fill" data-fill=${pct.toFixed(1)}></span
              ></span>
              <span class="bar-count" aria-hidden="true">${this.num(n)}</span>
              <span class="visually-hidden">${label}</span>
            </button>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderToolbar() {
    const rating = this.effectiveRating;
    return html`<div class="toolbar">
      <label class="sort">
        <span>${this.t('sort.label')}</span>
        <select
          part="sort"
          @change=${(e: Event) => this.setSort((e.target as HTMLSelectElement).value)}
        >
          ${reviewSorts.map(
            (s) =>
              html`<option value=${s} ?selected=${s === this.effectiveSort}>
                ${this.t(`sort.${s}`)}
              </option>`,
          )}
        </select>
      </label>
      ${
        rating
          ? html`<p class="filter">
              <span>${this.t('filter.active', { stars: this.count('starCount', rating) })}</span>
              <button type="button" class="clear" @click=${() => this.filterBy(rating)}>
                ${this.t('filter.clear')}
              </button>
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderReviews() {
    const rating = this.effectiveRating;
    if (!this.reviews.length && !this.refreshing) {
      return html`<p class="message">
        ${rating ? this.t('filter.none', { stars: this.count('starCount', rating) }) : this.t('empty')}
      </p>`;
    }
    const signedIn = !!this.customer;
    return html`<ol class="reviews ${this.refreshing ? 'refreshing' : ''}" part="list">
        ${this.reviews.map((r) => html`<li>${this.renderReview(r, signedIn)}</li>`)}
      </ol>
      <div class="more-row">
        <span class="shown">${this.shownText()}</span>
        ${
          this.cursor
            ? html`<button
                type="button"
                class="more"
                part="more"
                aria-disabled=${this.loadingMore ? 'true' : 'false'}
                @click=${() => this.loadMore()}
              >
                ${this.loadingMore ? this.t('loadingMore') : this.t('more')}
              </button>`
            : nothing
        }
      </div>
      ${
        this.moreError
          ? html`<p class="error" role="alert">
              ${this.moreError.status === 0 ? this.t('error.network') : this.t('moreFailed')}
            </p>`
          : nothing
      }`;
  }

  private renderReview(r: Review, signedIn: boolean) {
    const titleId = `review-${r.id}`;
    const voteError = this.voteErrors.get(r.id);
    return html`<article
      class="review"
      part="review"
      data-review=${r.id}
      tabindex="-1"
      aria-labelledby=${titleId}
    >
      <header class="review-head">
        ${stars(r.rating, this.t('rated', { rating: this.num(r.rating) }), 'stars')}
        <h3 class="review-title" part="review-title" id=${titleId} dir="auto">${r.title}</h3>
      </header>
      <p class="meta">
        <bdi class="author">${r.author.name}</bdi>
        <time datetime=${r.createdAt}>${this.date(r.createdAt)}</time>
        ${
          r.verified
            ? html`<span class="badge verified" part="badge">${this.t('review.verified')}</span>`
            : nothing
        }
        ${
          r.incentivized
            ? html`<span class="badge incentivized" part="badge"
                >${this.t('review.incentivized')}</span
              >`
            : nothing
        }
      </p>
      <p class="review-body" part="review-body" dir="auto">${r.body}</p>
      ${
        r.reply
          ? html`<div class="reply" part="reply">
              <p class="reply-head">
                <strong>${this.t('review.replyHeading')}</strong>
                <time datetime=${r.reply.createdAt}>${this.date(r.reply.createdAt)}</time>
              </p>
              <p class="reply-body" dir="auto">${r.reply.body}</p>
            </div>`
          : nothing
      }
      <div class="helpful-row">
        ${
          signedIn
            ? html`<button
                type="button"
                class="helpful"
                part="helpful"
                aria-pressed=${r.viewerVote === true ? 'true' : 'false'}
                aria-disabled=${this.voting.has(r.id) ? 'true' : 'false'}
                @click=${() => this.vote(r)}
              >
                ${this.t('review.helpful')}
                (${this.num(r.helpfulCount)})
              </button>`
            : html`<span class="helpful-count" part="helpful"
                >${this.count('review.helpfulCount', r.helpfulCount)}</span
              >`
        }
        ${voteError ? html`<span class="vote-error" role="alert">${voteError}</span>` : nothing}
      </div>
    </article>`;
  }

  private renderWrite() {
    if (!this.customer) {
      return html`<div class="write guest" part="write">
        <p>${this.t('signInHint')}</p>
        <button type="button" class="sign-in" part="button" @click=${() => this.signIn()}>
          ${this.t('signIn')}
        </button>
      </div>`;
    }
    if (this.submitted && !this.mine) {
      return html`<div class="write thanks" part="write">
        <p>${this.t(this.submitted === 'approved' ? 'form.published' : 'form.pending')}</p>
      </div>`;
    }
    if (this.mineLoading) {
      return html`<div class="write" part="write" aria-hidden="true">
        <span class="placeholder line short"></span>
        <span class="placeholder control"></span>
      </div>`;
    }
    if (this.mineError) {
      // Not a blank form: posting one would silently replace the review we couldn't load.
      return html`<div class="write error" part="write" role="alert">
        <p>${this.mineError.status === 0 ? this.t('error.network') : this.t('own.loadFailed')}</p>
        <button class="retry" type="button" @click=${() => this.loadMine()}>
          ${this.t('retry')}
        </button>
      </div>`;
    }
    if (this.mine && !this.editing) return this.renderOwn(this.mine);
    return this.renderForm();
  }

  private renderOwn(r: OwnReview) {
    const edited = r.updatedAt !== r.createdAt;
    return html`<div class="write own" part="write">
      ${
        this.submitted
          ? html`<p class="thanks">
              ${this.t(this.submitted === 'approved' ? 'form.published' : 'form.pending')}
            </p>`
          : nothing
      }
      <h3>${this.t('own.heading')}</h3>
      ${
        r.status === 'approved'
          ? nothing
          : html`<p class="own-status" part="own-status" data-status=${r.status}>
              <strong>${this.t(`own.status.${r.status}`)}</strong>
              <span>${this.t(`own.status.${r.status}Hint`)}</span>
            </p>`
      }
      <article class="own-review" part="own-review" aria-labelledby="own-title">
        <header class="review-head">
          ${stars(r.rating, this.t('rated', { rating: this.num(r.rating) }), 'stars')}
          <h4 class="review-title" part="review-title" id="own-title" dir="auto">${r.title}</h4>
        </header>
        <p class="meta">
          <time datetime=${r.createdAt}>${this.date(r.createdAt)}</time>
          ${
            edited
              ? html`<time datetime=${r.updatedAt}
                  >${this.t('own.edited', { date: this.date(r.updatedAt) })}</time
                >`
              : nothing
          }
        </p>
        <p class="review-body" part="review-body" dir="auto">${r.body}</p>
      </article>
      <button type="button" class="edit" part="edit" @click=${() => this.startEdit()}>
        ${this.t('own.edit')}
      </button>
    </div>`;
  }

  private renderForm() {
    const errors = this.fieldErrors;
    const locale = this.i18n.locale;
    const counter = (value: string, max: number) => ({
      visible: this.t('form.chars', {
        count: formatNumber(value.length, locale),
        max: formatNumber(max, locale),
      }),
      label: this.t('form.charsLabel', {
        count: formatNumber(value.length, locale),
        max: formatNumber(max, locale),
      }),
    });
    const titleCount = counter(this.draftTitle, TITLE_MAX);
    const bodyCount = counter(this.draftBody, BODY_MAX);
    const describedBy = (field: Field, extra: string) =>
      errors[field] ? `${field}-error ${extra}` : extra;
    const editing = this.editing;
    return html`<form class="write" part="write" novalidate aria-labelledby="write-heading" @submit=${this.submit}>
      <h3 id="write-heading">${this.t(editing ? 'form.editHeading' : 'form.heading')}</h3>
      ${editing ? html`<p class="hint">${this.t('form.editHint')}</p>` : nothing}
      <fieldset
        class="rate"
        part="rating-input"
        aria-describedby=${errors.rating ? 'rating-error' : nothing}
      >
        <legend>${this.t('form.rating')}</legend>
        <div class="rate-stars">
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<input
                type="radio"
                class="rate-input"
                name="rating"
                id=${`rate-${n}`}
                value=${n}
                required
                .checked=${this.draftRating === n}
                @change=${() => {
                  this.draftRating = n;
                  if (this.fieldErrors.rating)
                    this.fieldErrors = { ...this.fieldErrors, rating: undefined };
                }}
              /><label for=${`rate-${n}`} class="rate-star ${n <= this.draftRating ? 'on' : ''}"
                ><span aria-hidden="true">★</span
                ><span class="visually-hidden">${this.count('starCount', n)}</span></label
              >`,
          )}
        </div>
        ${errors.rating ? html`<p id="rating-error" class="field-error">${errors.rating}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="review-title">${this.t('form.title')}</label>
        <input
          id="review-title"
          name="title"
          type="text"
          required
          maxlength=${TITLE_MAX}
          autocomplete="off"
          dir="auto"
          .value=${this.draftTitle}
          aria-invalid=${errors.title ? 'true' : 'false'}
          aria-describedby=${describedBy('title', 'title-count')}
          @input=${(e: Event) => {
            this.draftTitle = (e.target as HTMLInputElement).value;
          }}
        />
        <span class="counter" id="title-count"
          ><span aria-hidden="true">${titleCount.visible}</span
          ><span class="visually-hidden">${titleCount.label}</span></span
        >
        ${errors.title ? html`<p id="title-error" class="field-error">${errors.title}</p>` : nothing}
      </div>
      <div class="field">
        <label for="review-body">${this.t('form.body')}</label>
        <textarea
          id="review-body"
          name="body"
          rows="5"
          required
          maxlength=${BODY_MAX}
          dir="auto"
          .value=${this.draftBody}
          aria-invalid=${errors.body ? 'true' : 'false'}
          aria-describedby=${describedBy('body', 'body-count')}
          @input=${(e: Event) => {
            this.draftBody = (e.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        <span class="counter" id="body-count"
          ><span aria-hidden="true">${bodyCount.visible}</span
          ><span class="visually-hidden">${bodyCount.label}</span></span
        >
        ${errors.body ? html`<p id="body-error" class="field-error">${errors.body}</p>` : nothing}
      </div>
      ${this.submitError ? html`<p class="error" role="alert">${this.submitError}</p>` : nothing}
      <div class="actions">
        <button
          type="submit"
          class="submit"
          part="button"
          aria-disabled=${this.submitting ? 'true' : 'false'}
        >
          ${
            editing
              ? this.t(this.submitting ? 'form.saving' : 'form.save')
              : this.t(this.submitting ? 'form.submitting' : 'form.submit')
          }
        </button>
        ${
          editing
            ? html`<button
                type="button"
                class="cancel"
                part="cancel"
                aria-disabled=${this.submitting ? 'true' : 'false'}
                @click=${() => this.cancelEdit()}
              >
                ${this.t('form.cancel')}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-review-list': KioskReviewList;
  }
}
