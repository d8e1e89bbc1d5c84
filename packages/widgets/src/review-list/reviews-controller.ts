import type { KioskError, Product, Review, ReviewSort, ReviewSummary } from '@kiosk/sdk';
import type { ReactiveController } from 'lit';
import { LoadController } from '../controllers/load-controller.js';
import { writeJsonLd } from '../json-ld.js';
import { reviewsJsonLd } from './json-ld.js';
import { type ReviewContext, type ReviewsHost, reviewSorts, validRating } from './review-host.js';
import type { ReviewLocalize } from './review-localize.js';

export interface LoadOptions {
  /** Keep the summary and reload the reviews in place (no skeleton). */
  listOnly?: boolean;
  /** With `listOnly`: reload the summary too (the shopper's own review changed). */
  summary?: boolean;
}

/**
 * The summary and the reviews of the element's product: the first page (again when the sort,
 * the filter or the shopper changes), the next pages behind "Show more", helpful votes, and
 * the schema.org data for them in the light DOM.
 */
export class ReviewsController implements ReactiveController {
  summary: ReviewSummary | undefined;
  reviews: Review[] = [];
  cursor: string | null = null;
  loadError: KioskError | undefined;
  /** The list reloads in place (sort, filter, shopper): the old reviews stay, dimmed. */
  refreshing = false;
  loadingMore = false;
  moreError: KioskError | undefined;
  /** Reviews whose vote is on its way, and why a vote failed (by review id). */
  readonly voting = new Set<string>();
  readonly voteErrors = new Map<string, string>();

  readonly i18n: ReviewLocalize;
  /** Only for the JSON-LD's Product (batched and shared with any product card of it). */
  private productData: Product | undefined;
  /** The store and product the summary shown belongs to: other changes reload the list in place. */
  private shown = '';
  /** An explicit `load()`'s options: the loader's task takes none, and reads these as it starts. */
  private requested: LoadOptions | undefined;
  private focusReviewId: string | undefined;
  private readonly loader: LoadController;

  constructor(
    private readonly host: ReviewsHost,
    private readonly context: ReviewContext,
  ) {
    this.i18n = context.i18n;
    this.loader = new LoadController(
      host,
      () =>
        `${this.productKey()}|${this.sort}|${this.rating}|${this.pageSize}|${context.customer()?.id ?? ''}`,
      (current) => this.fetch(current),
    );
    host.addController(this);
  }

  /** The attributes in effect: an unknown sort is `recent`, an invalid rating none, pages 1–100. */
  get sort(): ReviewSort {
    return reviewSorts.includes(this.host.sort) ? this.host.sort : 'recent';
  }

  get rating(): number | undefined {
    return validRating(this.host.rating) ? this.host.rating : undefined;
  }

  get pageSize(): number {
    const n = Math.trunc(Number(this.host.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 5;
  }

  /** Loads (or reloads) the summary and the first page; see LoadOptions. */
  load(options: LoadOptions = {}): Promise<void> {
    this.requested = options;
    return this.loader.reload();
  }

  hostUpdated(): void {
    writeJsonLd(
      this.host,
      'reviews',
      this.productData && this.summary && this.host.listState === 'ready'
        ? reviewsJsonLd(this.productData, this.summary, this.reviews)
        : null,
    );
    // After "Show more": focus on the first new review once it is drawn.
    if (this.focusReviewId) {
      const article = this.host.shadowRoot?.querySelector<HTMLElement>(
        `article[data-review="${CSS.escape(this.focusReviewId)}"]`,
      );
      if (article) {
        this.focusReviewId = undefined;
        article.focus();
      }
    }
  }

  /** The store and the product: what the summary and the shopper's own review belong to. */
  productKey(): string {
    const client = this.context.kiosk.client;
    return `${client?.endpoint}|${client?.storeKey}|${this.host.product}`;
  }

  private query() {
    return {
      sort: this.sort,
      first: this.pageSize,
      ...(this.rating ? { rating: this.rating } : {}),
    };
  }

  private async fetch(current: () => boolean): Promise<void> {
    const productKey = this.productKey();
    const options = this.requested ?? {
      listOnly:
        productKey === this.shown &&
        (this.host.listState === 'ready' || this.host.listState === 'empty'),
    };
    this.requested = undefined;
    this.shown = productKey;
    const client = this.context.kiosk.client;
    const error = this.context.kiosk.error ?? undefined;
    this.loadError = undefined;
    this.moreError = undefined;
    this.host.requestUpdate();
    if (!client) {
      this.host.listState = 'error';
      this.loadError = error;
      if (error) this.context.report(error);
      return;
    }
    const product = this.host.product;
    if (!product) {
      this.summary = undefined;
      this.reviews = [];
      this.host.listState = 'unavailable';
      return;
    }
    if (options.listOnly) this.refreshing = true;
    else this.host.listState = 'loading';
    if (!options.listOnly || !this.productData) {
      client.products.get(product).then(
        (p) => {
          if (this.host.product === product) {
            this.productData = p;
            this.host.requestUpdate();
          }
        },
        () => undefined,
      );
    }
    try {
      const [summary, page] = await Promise.all([
        options.listOnly && !options.summary && this.summary
          ? this.summary
          : client.reviews.summary(product),
        client.reviews.list(product, this.query()),
      ]);
      if (!current()) return;
      this.summary = summary;
      this.reviews = page.items;
      this.cursor = page.nextCursor;
      this.voteErrors.clear();
      this.host.listState = summary.count > 0 ? 'ready' : 'empty';
    } catch (error) {
      if (!current()) return;
      const e = this.context.report(error);
      this.reviews = [];
      this.cursor = null;
      if (e.code === 'product_not_found' || e.code === 'not_found') {
        this.summary = undefined;
        this.productData = undefined;
        this.host.listState = 'unavailable';
      } else {
        this.loadError = e;
        this.host.listState = 'error';
      }
    } finally {
      if (current()) {
        this.refreshing = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Loads the next page and moves focus to its first review. */
  async loadMore(): Promise<void> {
    const client = this.context.kiosk.client;
    const product = this.host.product;
    if (!client || !product || !this.cursor || this.loadingMore) return;
    const current = this.loader.current();
    this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const page = await client.reviews.list(product, { ...this.query(), after: this.cursor });
      if (!current()) return;
      const known = new Set(this.reviews.map((r) => r.id));
      const fresh = page.items.filter((r) => !known.has(r.id));
      this.reviews = [...this.reviews, ...fresh];
      this.cursor = page.nextCursor;
      this.focusReviewId = fresh[0]?.id;
      this.context.announce(this.shownText());
    } catch (error) {
      if (current()) this.moreError = this.context.report(error);
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** "Showing 5 of 12": of the reviews with the filtered rating, when filtered. */
  shownText(): string {
    const total = this.rating
      ? (this.summary?.histogram[this.rating as 1] ?? 0)
      : (this.summary?.count ?? 0);
    return this.i18n.t('shown', {
      shown: this.i18n.num(this.reviews.length),
      total: this.i18n.count('reviewCount', total),
    });
  }

  /** Shows only reviews with `stars` stars; again on the same rating shows all. */
  filterBy(stars: number): void {
    const next = this.rating === stars ? undefined : stars;
    this.host.rating = next;
    this.context.announce(
      next
        ? this.i18n.t('filter.active', { stars: this.i18n.count('starCount', next) })
        : this.i18n.t('filter.clear'),
    );
  }

  setSort(value: string): void {
    const sort = reviewSorts.find((s) => s === value);
    if (sort) this.host.sort = sort;
  }

  /** Marks a review helpful, or takes the vote back when the shopper had (a toggle). */
  async vote(review: Review): Promise<void> {
    const { client } = this.context.kiosk;
    if (!client || !this.context.customer() || this.voting.has(review.id)) return;
    this.voting.add(review.id);
    this.voteErrors.delete(review.id);
    this.host.requestUpdate();
    try {
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
      this.voteErrors.set(
        review.id,
        this.i18n.error(this.context.report(error), 'review.voteFailed', {
          forbidden: 'review.ownReview',
        }),
      );
    } finally {
      this.voting.delete(review.id);
      this.host.requestUpdate();
    }
  }
}
