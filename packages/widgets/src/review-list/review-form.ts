import { html, nothing } from 'lit';
import { formatNumber } from '../format.js';
import type { ReviewFormController } from './review-form-controller.js';
import { BODY_MAX, TITLE_MAX } from './review-host.js';

/** The title or the text: its control, a character counter against the server's limit, its error. */
function renderField(form: ReviewFormController, field: 'title' | 'body', max: number) {
  const { i18n, strings } = form;
  const value = form[field];
  const error = form.fieldErrors[field];
  const invalid = error ? 'true' : 'false';
  const describedBy = error ? `${field}-error ${field}-count` : `${field}-count`;
  const input = (e: Event) => form.setText(field, (e.target as HTMLInputElement).value);
  // `count` is the formatted number here: the counter has no plural forms.
  const counts: Record<string, unknown> = {
    count: formatNumber(value.length, i18n.locale),
    max: formatNumber(max, i18n.locale),
  };
  return html`<div class="field">
    <label for="review-${field}">${strings.t(field)}</label>
    ${
      field === 'title'
        ? html`<input
            id="review-title"
            name="title"
            type="text"
            required
            maxlength=${max}
            autocomplete="off"
            dir="auto"
            .value=${value}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @input=${input}
          />`
        : html`<textarea
            id="review-body"
            name="body"
            rows="5"
            required
            maxlength=${max}
            dir="auto"
            .value=${value}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @input=${input}
          ></textarea>`
    }
    <span class="counter" id="${field}-count"
      ><span aria-hidden="true">${strings.t('chars', counts)}</span
      ><span class="visually-hidden">${strings.t('charsLabel', counts)}</span></span
    >
    ${error ? html`<p id="${field}-error" class="field-error">${error}</p>` : nothing}
  </div>`;
}

/** The form that writes the shopper's review, or edits it (then with Save and Cancel). */
export function renderForm(form: ReviewFormController) {
  const { i18n, strings } = form;
  const errors = form.fieldErrors;
  const { editing, submitting } = form;
  const rating = (n: number) => html`<input
      type="radio"
      class="rate-input"
      name="rating"
      id=${`rate-${n}`}
      value=${n}
      required
      .checked=${form.rating === n}
      @change=${() => form.setRating(n)}
    /><label for=${`rate-${n}`} class="rate-star ${n <= form.rating ? 'on' : ''}"
      ><span aria-hidden="true">★</span
      ><span class="visually-hidden">${i18n.count('starCount', n)}</span></label
    >`;
  return html`<form
    class="write"
    part="write"
    novalidate
    aria-labelledby="write-heading"
    @submit=${(e: Event) => form.submit(e)}
  >
    <h3 id="write-heading">${strings.t(editing ? 'editHeading' : 'heading')}</h3>
    ${editing ? html`<p class="hint">${strings.t('editHint')}</p>` : nothing}
    <fieldset
      class="rate"
      part="rating-input"
      aria-describedby=${errors.rating ? 'rating-error' : nothing}
    >
      <legend>${strings.t('rating')}</legend>
      <div class="rate-stars">${[1, 2, 3, 4, 5].map(rating)}</div>
      ${errors.rating ? html`<p id="rating-error" class="field-error">${errors.rating}</p>` : nothing}
    </fieldset>
    ${renderField(form, 'title', TITLE_MAX)} ${renderField(form, 'body', BODY_MAX)}
    ${form.submitError ? html`<p class="error" role="alert">${form.submitError}</p>` : nothing}
    <div class="actions">
      <button
        type="submit"
        class="submit"
        part="button"
        aria-disabled=${submitting ? 'true' : 'false'}
      >
        ${
          editing
            ? strings.t(submitting ? 'saving' : 'save')
            : strings.t(submitting ? 'submitting' : 'submit')
        }
      </button>
      ${
        editing
          ? html`<button
              type="button"
              class="cancel"
              part="cancel"
              aria-disabled=${submitting ? 'true' : 'false'}
              @click=${() => form.cancelEdit()}
            >
              ${strings.t('cancel')}
            </button>`
          : nothing
      }
    </div>
  </form>`;
}
