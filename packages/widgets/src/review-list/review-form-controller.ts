import type { KioskError, OwnReview } from '@kiosk/sdk';
import { MAX_REVIEW_BODY, MAX_REVIEW_TITLE } from '@kiosk/sdk';
import { LoadController } from '../controllers/load-controller.js';
import { KioskReviewSubmitEvent } from '../events/review-submit.js';
import { type ReviewContext, type ReviewsHost, validRating } from './review-host.js';
import type { ReviewLocalize } from './review-localize.js';
import type { ReviewsController } from './reviews-controller.js';

/** The server's limits (WriteReview): shown beside the fields and enforced by maxlength. */
export const TITLE_MAX = MAX_REVIEW_TITLE;
export const BODY_MAX = MAX_REVIEW_BODY;

export type FieldErrors = Partial<Record<'rating' | 'title' | 'body', string>>;

/**
 * The signed-in shopper's part of the list: their own review of the product (loaded for each
 * product and shopper), and the form that writes it or edits it: the draft, its validation
 * (here and the server's), submitting, and where focus goes after each step.
 */
export class ReviewFormController {
  /** The shopper's own review: undefined until loaded (or for guests), null when they have none. */
  mine: OwnReview | null | undefined;
  mineLoading = false;
  mineError: KioskError | undefined;
  editing = false;
  rating = 0;
  title = '';
  body = '';
  fieldErrors: FieldErrors = {};
  submitError = '';
  submitting = false;
  /** A review was just posted: the thanks (published or awaiting moderation) shows. */
  submitted: 'pending' | 'approved' | undefined;

  readonly i18n: ReviewLocalize;
  private readonly loader: LoadController;

  constructor(
    private readonly host: ReviewsHost,
    private readonly context: ReviewContext,
    private readonly list: ReviewsController,
  ) {
    this.i18n = context.i18n;
    this.loader = new LoadController(
      host,
      () => `${list.productKey()}|${context.customer()?.id ?? ''}`,
      (current) => this.loadMine(current),
    );
  }

  /** Loads the own review again (after it failed to load). */
  retry(): void {
    void this.loader.reload();
  }

  /**
   * Another product or shopper (sign-in, sign-out): nothing of the last one's review or draft
   * stays. Then loads the signed-in shopper's review of the product, if they wrote one.
   */
  private async loadMine(current: () => boolean): Promise<void> {
    this.resetDraft();
    this.mine = undefined;
    this.mineError = undefined;
    this.mineLoading = false;
    this.editing = false;
    this.host.requestUpdate();
    const client = this.context.kiosk.client;
    const product = this.host.product;
    if (!client || !product || !this.context.customer()) return;
    this.mineLoading = true;
    try {
      const review = await client.reviews.mine(product);
      if (current()) this.mine = review;
    } catch (error) {
      if (!current()) return;
      const e = error as KioskError;
      // An unknown product is the list's to report (it shows "unavailable" and no write section).
      this.mineError = e?.code === 'product_not_found' ? e : this.context.report(error);
    } finally {
      if (current()) {
        this.mineLoading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Opens the form with the shopper's review in it and moves focus to its rating. */
  async startEdit(): Promise<void> {
    const mine = this.mine;
    if (!mine) return;
    this.resetDraft();
    this.rating = mine.rating;
    this.title = mine.title;
    this.body = mine.body;
    this.editing = true;
    await this.rendered();
    this.focus('input[name=rating]:checked');
  }

  cancelEdit(): void {
    if (this.submitting) return;
    this.resetDraft();
    this.editing = false;
    void this.focusEditButton();
  }

  /** The shopper picked a rating: it clears the rating's error. */
  setRating(rating: number): void {
    this.rating = rating;
    if (this.fieldErrors.rating) this.fieldErrors = { ...this.fieldErrors, rating: undefined };
    this.host.requestUpdate();
  }

  /** The shopper typed in the title or the text (its counter follows). */
  setText(field: 'title' | 'body', value: string): void {
    this[field] = value;
    this.host.requestUpdate();
  }

  /** Signs in (called straight from the click, so the popup isn't blocked). */
  signIn(): void {
    this.context.kiosk.client?.auth.login().catch((error: unknown) => {
      if ((error as KioskError)?.code !== 'login_cancelled') this.context.report(error);
    });
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.context.kiosk.client;
    const product = this.host.product;
    if (!client || !product || this.submitting) return;
    const errors = this.validate();
    this.fieldErrors = errors;
    this.submitError = '';
    if (Object.keys(errors).length) {
      await this.rendered();
      this.focus(
        errors.rating ? 'input[name=rating]' : errors.title ? '#review-title' : '#review-body',
      );
      return;
    }
    this.submitting = true;
    this.host.requestUpdate();
    const editing = this.editing;
    const previous = this.mine;
    // Signed out or moved to another product meanwhile: that view is gone already.
    const current = this.loader.current();
    try {
      const review = await client.reviews.submit(product, {
        rating: this.rating,
        title: this.title.trim(),
        body: this.body.trim(),
      });
      this.host.dispatchEvent(new KioskReviewSubmitEvent({ review }));
      if (editing) {
        if (current()) void this.showEdited(review, previous);
        return;
      }
      this.resetDraft();
      this.submitted = review.status === 'approved' ? 'approved' : 'pending';
      this.context.announce(
        this.i18n.t(this.submitted === 'approved' ? 'form.published' : 'form.pending'),
      );
      // The form gives way to the review just written, which the shopper can edit from here.
      if (current()) {
        this.mine = review;
        void this.focusEditButton();
      }
      if (review.status === 'approved') void this.list.load({ listOnly: true, summary: true });
    } catch (error) {
      const e = this.context.report(error);
      this.submitError = this.i18n.error(
        e,
        e.status === 401 ? 'form.errors.signedOut' : 'form.errors.failed',
        { validation_failed: 'form.errors.invalid', unauthenticated: 'form.errors.signedOut' },
      );
      this.fieldErrors = this.serverFieldErrors(e);
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  private resetDraft() {
    this.rating = 0;
    this.title = '';
    this.body = '';
    this.fieldErrors = {};
    this.submitError = '';
    this.submitted = undefined;
  }

  private validate(): FieldErrors {
    const errors: FieldErrors = {};
    const tooLong = (max: number) =>
      this.i18n.t('form.errors.tooLong', { max: this.i18n.num(max) });
    if (!validRating(this.rating)) errors.rating = this.i18n.t('form.errors.rating');
    const title = this.title.trim();
    const body = this.body.trim();
    if (!title) errors.title = this.i18n.t('form.errors.title');
    else if (title.length > TITLE_MAX) errors.title = tooLong(TITLE_MAX);
    if (!body) errors.body = this.i18n.t('form.errors.body');
    else if (body.length > BODY_MAX) errors.body = tooLong(BODY_MAX);
    return errors;
  }

  /** Field issues of a validation error ([{ path, message }]), translated by field. */
  private serverFieldErrors(e: KioskError): FieldErrors {
    if (e.code !== 'validation_failed' || !Array.isArray(e.details)) return {};
    const errors: FieldErrors = {};
    for (const issue of e.details as { path?: unknown }[]) {
      const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
      for (const field of ['rating', 'title', 'body'] as const)
        if (path.endsWith(field)) errors[field] = this.i18n.t(`form.errors.${field}`);
    }
    return errors;
  }

  /** Back from the form to the saved review: announced, and focus on its Edit button. */
  private async showEdited(review: OwnReview, previous: OwnReview | null | undefined) {
    this.resetDraft();
    this.mine = review;
    this.editing = false;
    const published = review.status === 'approved';
    this.context.announce(this.i18n.t(published ? 'own.saved' : 'own.savedPending'));
    await this.focusEditButton();
    // Editing a published review, or publishing an edit, changes the public list and summary.
    if (published || previous?.status === 'approved') {
      await this.list.load({ listOnly: true, summary: true });
      // Into or out of "no reviews yet" the write section is drawn anew and focus fell to the body.
      if ((document.activeElement ?? document.body) === document.body) {
        await this.focusEditButton();
      }
    }
  }

  private async focusEditButton() {
    await this.rendered();
    this.focus('button.edit');
  }

  private rendered(): Promise<boolean> {
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  private focus(selector: string) {
    this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}
