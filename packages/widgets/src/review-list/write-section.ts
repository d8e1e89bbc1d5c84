import type { OwnReview } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import { stars } from '../stars.js';
import type { WriteController } from './write-controller.js';

/**
 * The write section under the list: a sign-in prompt for guests; for a signed-in shopper the
 * thanks after posting, their own review with Edit, "Write a review", or the form once asked
 * for (its code loads then: review-form-controller.ts).
 */
export function renderWrite(write: WriteController, signedIn: boolean) {
  const { i18n } = write;
  if (!signedIn) {
    return html`<div class="write guest" part="write">
      <p>${i18n.t('signInHint')}</p>
      <button type="button" class="sign-in" part="button" @click=${() => write.signIn()}>
        ${i18n.t('signIn')}
      </button>
    </div>`;
  }
  if (write.submitted && !write.mine) {
    return html`<div class="write thanks" part="write">
      <p>${i18n.t(write.submitted === 'approved' ? 'thanks.published' : 'thanks.pending')}</p>
    </div>`;
  }
  if (write.mineLoading) {
    return html`<div class="write" part="write" aria-hidden="true">
      <span class="placeholder line short"></span>
      <span class="placeholder control"></span>
    </div>`;
  }
  if (write.mineError) {
    // Not a blank form: posting one would silently replace the review we couldn't load.
    return html`<div class="write error" part="write" role="alert">
      <p>${i18n.error(write.mineError, 'own.loadFailed')}</p>
      <button class="retry" type="button" @click=${() => write.retry()}>
        ${i18n.t('retry')}
      </button>
    </div>`;
  }
  if (write.open && write.form) return write.form.render();
  if (write.mine) return renderOwn(write, write.mine);
  return html`<div class="write" part="write">${opener(write, 'write')}</div>`;
}

/**
 * "Write a review" or "Edit your review". The first press loads the form's code: the button is
 * busy meanwhile (still focusable); if that fails (offline) a message says so and the same
 * button, keeping focus, becomes Try again.
 */
function opener(write: WriteController, kind: 'write' | 'edit') {
  const { i18n, formLoad } = write;
  const busy = formLoad === 'loading' ? 'true' : 'false';
  const failed = formLoad === 'failed';
  return html`${failed ? html`<p class="error" role="alert">${i18n.t('formFailed')}</p>` : nothing}
    <button
      type="button"
      class=${kind === 'write' ? 'start' : 'edit'}
      part=${kind === 'write' ? 'button' : 'edit'}
      aria-busy=${busy}
      aria-disabled=${busy}
      @click=${() => (kind === 'write' ? write.write() : write.startEdit())}
    >
      ${failed ? i18n.t('retry') : i18n.t(kind === 'write' ? 'write' : 'own.edit')}
    </button>`;
}

/** The shopper's own review, read-only, with its moderation status unless published. */
function renderOwn(write: WriteController, r: OwnReview) {
  const { i18n } = write;
  const edited = r.updatedAt !== r.createdAt;
  return html`<div class="write own" part="write">
    ${
      write.submitted
        ? html`<p class="thanks">
            ${i18n.t(write.submitted === 'approved' ? 'thanks.published' : 'thanks.pending')}
          </p>`
        : nothing
    }
    <h3>${i18n.t('own.heading')}</h3>
    ${
      r.status === 'approved'
        ? nothing
        : html`<p class="own-status" part="own-status" data-status=${r.status}>
            <strong>${i18n.t(`own.status.${r.status}`)}</strong>
            <span>${i18n.t(`own.status.${r.status}Hint`)}</span>
          </p>`
    }
    <article class="own-review" part="own-review" aria-labelledby="own-title">
      <header class="review-head">
        ${stars(r.rating, i18n.t('rated', { rating: i18n.num(r.rating) }), 'stars')}
        <h4 class="review-title" part="review-title" id="own-title" dir="auto">${r.title}</h4>
      </header>
      <p class="meta">
        <time datetime=${r.createdAt}>${i18n.date(r.createdAt)}</time>
        ${
          edited
            ? html`<time datetime=${r.updatedAt}
                >${i18n.t('own.edited', { date: i18n.date(r.updatedAt) })}</time
              >`
            : nothing
        }
      </p>
      <p class="review-body" part="review-body" dir="auto">${r.body}</p>
    </article>
    ${opener(write, 'edit')}
  </div>`;
}
