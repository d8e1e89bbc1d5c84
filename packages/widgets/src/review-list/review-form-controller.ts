import type { KioskError, OwnReview } from '@kiosk/sdk';
import { adoptStyles, type ReactiveElement } from 'lit';
import { LocalizeController } from '../controllers/localize-controller.js';
import { KioskReviewSubmitEvent } from '../events/review-submit.js';
import { reviewFormStrings } from './i18n/form/index.js';
import { renderForm } from './review-form.js';
import { reviewFormStyles } from './review-form.styles.js';
import {
  BODY_MAX,
  type ReviewContext,
  type ReviewsHost,
  TITLE_MAX,
  validRating,
} from './review-host.js';
import type { ReviewLocalize } from './review-localize.js';
import type { ReviewsController } from './reviews-controller.js';
import type { WriteController } from './write-controller.js';

export type FieldErrors = Partial<Record<'rating' | 'title' | 'body', string>>;

/**
 * The form that writes the shopper's review or edits it: the draft, its validation (here and
 * the server's), submitting, and where focus goes after each step. This module, the form's
 * fields and styles are imported the first time a shopper asks for the form
 * (write-controller.ts): a visitor who only reads reviews never downloads them.
 */
export class ReviewFormController {
  rating = 0;
  title = '';
  body = '';
  fieldErrors: FieldErrors = {};
  submitError = '';
  submitting = false;

  /** The list's strings and formats (stars, numbers) and the form's own (its namespace). */
  readonly i18n: ReviewLocalize;
  readonly strings: LocalizeController<typeof reviewFormStrings.en>;

  constructor(
    private readonly host: ReviewsHost,
    private readonly context: ReviewContext,
    private readonly write: WriteController,
    private readonly list: ReviewsController,
  ) {
    this.i18n = context.i18n;
    this.strings = new LocalizeController(host, reviewFormStrings);
    const element = host.constructor as typeof ReactiveElement;
    adoptStyles(host.shadowRoot!, [...element.elementStyles, reviewFormStyles]);
  }

  /** Editing the shopper's own review (Save and Cancel), not writing a new one. */
  get editing(): boolean {
    return this.write.open === 'edit';
  }

  render() {
    return renderForm(this);
  }

  /** Puts the shopper's review in the draft (to edit it). */
  fill(mine: OwnReview): void {
    this.rating = mine.rating;
    this.title = mine.title;
    this.body = mine.body;
  }

  clear(): void {
    this.rating = 0;
    this.title = '';
    this.body = '';
    this.fieldErrors = {};
    this.submitError = '';
  }

  cancelEdit(): void {
    if (this.submitting) return;
    this.write.resetDraft();
    this.write.open = undefined;
    void this.write.focusEditButton();
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

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.context.kiosk.client;
    const product = this.host.product;
    if (!client || !product || this.submitting) return;
    const errors = this.validate();
    this.fieldErrors = errors;
    this.submitError = '';
    if (Object.keys(errors).length) {
      await this.write.rendered();
      this.write.focus(
        errors.rating ? 'input[name=rating]' : errors.title ? '#review-title' : '#review-body',
      );
      return;
    }
    this.submitting = true;
    this.host.requestUpdate();
    const editing = this.editing;
    const previous = this.write.mine;
    // Signed out or moved to another product meanwhile: that view is gone already.
    const current = this.write.current();
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
      this.write.resetDraft();
      const submitted = review.status === 'approved' ? 'approved' : 'pending';
      this.write.submitted = submitted;
      this.context.announce(
        this.i18n.t(submitted === 'approved' ? 'thanks.published' : 'thanks.pending'),
      );
      // The form gives way to the review just written, which the shopper can edit from here.
      if (current()) {
        this.write.mine = review;
        this.write.open = undefined;
        void this.write.focusEditButton();
      }
      if (review.status === 'approved') void this.list.load({ listOnly: true, summary: true });
    } catch (error) {
      const e = this.context.report(error);
      this.submitError = this.strings.error(
        e,
        e.status === 401 ? 'errors.signedOut' : 'errors.failed',
        { validation_failed: 'errors.invalid', unauthenticated: 'errors.signedOut' },
      );
      this.fieldErrors = this.serverFieldErrors(e);
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  private validate(): FieldErrors {
    const errors: FieldErrors = {};
    const tooLong = (max: number) => this.strings.t('errors.tooLong', { max: this.i18n.num(max) });
    if (!validRating(this.rating)) errors.rating = this.strings.t('errors.rating');
    const title = this.title.trim();
    const body = this.body.trim();
    if (!title) errors.title = this.strings.t('errors.title');
    else if (title.length > TITLE_MAX) errors.title = tooLong(TITLE_MAX);
    if (!body) errors.body = this.strings.t('errors.body');
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
        if (path.endsWith(field)) errors[field] = this.strings.t(`errors.${field}`);
    }
    return errors;
  }

  /** Back from the form to the saved review: announced, and focus on its Edit button. */
  private async showEdited(review: OwnReview, previous: OwnReview | null | undefined) {
    this.write.resetDraft();
    this.write.mine = review;
    this.write.open = undefined;
    const published = review.status === 'approved';
    this.context.announce(this.strings.t(published ? 'saved' : 'savedPending'));
    await this.write.focusEditButton();
    // Editing a published review, or publishing an edit, changes the public list and summary.
    if (published || previous?.status === 'approved') {
      await this.list.load({ listOnly: true, summary: true });
      // Into or out of "no reviews yet" the write section is drawn anew and focus fell to the body.
      if ((document.activeElement ?? document.body) === document.body) {
        await this.write.focusEditButton();
      }
    }
  }
}
