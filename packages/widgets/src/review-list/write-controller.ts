import type { KioskError, OwnReview } from '@kiosk/sdk';
import { LoadController } from '../controllers/load-controller.js';
import { loadError } from '../load-error.js';
import type { ReviewFormController } from './review-form-controller.js';
import type { ReviewContext, ReviewsHost } from './review-host.js';
import type { ReviewLocalize } from './review-localize.js';
import type { ReviewsController } from './reviews-controller.js';

type FormModule = typeof import('./review-form-controller.js');
let formModule: Promise<FormModule> | undefined;

/**
 * The form's code (its draft, validation, submitting, fields, styles and strings), imported once per
 * page the first time a shopper asks to write or edit a review: most visitors only read. A
 * failed load (offline) is forgotten so the next press tries again.
 */
function loadForm(): Promise<FormModule> {
  formModule ??= import('./review-form-controller.js').catch((error: unknown) => {
    formModule = undefined;
    throw error;
  });
  return formModule;
}

/**
 * The signed-in shopper's part of the list: their own review of the product (loaded for each
 * product and shopper), and opening the form that writes or edits it. The form itself
 * (review-form-controller.ts) loads when first asked for: "Write a review" or "Edit your
 * review" is busy meanwhile, and says so with Try again if it can't load.
 */
export class WriteController {
  /** The shopper's own review: undefined until loaded (or for guests), null when they have none. */
  mine: OwnReview | null | undefined;
  mineLoading = false;
  mineError: KioskError | undefined;
  /** What the form is open for: a new review, or editing the shopper's own. */
  open: 'write' | 'edit' | undefined;
  /** The form's code is loading (the shopper asked for it), or it failed to load. */
  formLoad: 'loading' | 'failed' | undefined;
  /** A review was just posted: the thanks (published or awaiting moderation) shows. */
  submitted: 'pending' | 'approved' | undefined;
  /** The form, once its code has loaded. */
  form: ReviewFormController | undefined;

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

  /** False once another product or shopper is shown (a late answer is dropped). */
  current(): () => boolean {
    return this.loader.current();
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
    this.open = undefined;
    this.formLoad = undefined;
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

  /** "Write a review": opens the empty form (once its code is loaded), focus on its rating. */
  async write(): Promise<void> {
    const form = await this.loadForm();
    if (!form) return;
    this.resetDraft();
    this.open = 'write';
    await this.rendered();
    this.focus('input[name=rating]');
  }

  /** Opens the form with the shopper's review in it and moves focus to its rating. */
  async startEdit(): Promise<void> {
    const mine = this.mine;
    const form = mine && (await this.loadForm());
    if (!mine || !form) return;
    this.resetDraft();
    form.fill(mine);
    this.open = 'edit';
    await this.rendered();
    this.focus('input[name=rating]:checked');
  }

  /** The draft and the thanks go (a new product or shopper, an edit started or done). */
  resetDraft(): void {
    this.form?.clear();
    this.submitted = undefined;
  }

  /** Signs in (called straight from the click, so the popup isn't blocked). */
  signIn(): void {
    this.context.kiosk.client?.auth.login().catch((error: unknown) => {
      if ((error as KioskError)?.code !== 'login_cancelled') this.context.report(error);
    });
  }

  async focusEditButton(): Promise<void> {
    await this.rendered();
    this.focus('button.edit');
  }

  rendered(): Promise<boolean> {
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  focus(selector: string): void {
    this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * The form, its code loaded on the first call; undefined while a load is out, when it failed
   * (the section then says so, and the button that asked becomes Try again), or when the
   * shopper or product changed meanwhile.
   */
  private async loadForm(): Promise<ReviewFormController | undefined> {
    if (this.form) return this.form;
    if (this.formLoad === 'loading') return undefined;
    const current = this.current();
    this.formLoad = 'loading';
    this.host.requestUpdate();
    try {
      const { ReviewFormController } = await loadForm();
      this.form ??= new ReviewFormController(this.host, this.context, this, this.list);
      // In another language, the form's strings too: it opens translated, never half English.
      await this.rendered();
      await this.form.strings.whenReady();
    } catch (error) {
      if (current()) {
        this.formLoad = 'failed';
        this.context.report(loadError('The review form', error));
        this.host.requestUpdate();
      }
      return undefined;
    }
    if (!current()) return undefined;
    this.formLoad = undefined;
    return this.form;
  }
}
