import type { Review } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import { stars } from '../stars.js';
import { reviewSorts } from './review-host.js';
import type { ReviewsController } from './reviews-controller.js';

/** The sort select, and the active rating filter with a way out of it. */
export function renderToolbar(list: ReviewsController) {
  const { i18n, rating } = list;
  return html`<div class="toolbar">
    <label class="sort">
      <span>${i18n.t('sort.label')}</span>
      <select part="sort" @change=${(e: Event) => list.setSort((e.target as HTMLSelectElement).value)}>
        ${reviewSorts.map(
          (s) =>
            html`<option value=${s} ?selected=${s === list.sort}>
              ${i18n.t(`sort.${s}`)}
            </option>`,
        )}
      </select>
    </label>
    ${
      rating
        ? html`<p class="filter">
            <span>${i18n.t('filter.active', { stars: i18n.count('starCount', rating) })}</span>
            <button type="button" class="clear" @click=${() => list.filterBy(rating)}>
              ${i18n.t('filter.clear')}
            </button>
          </p>`
        : nothing
    }
  </div>`;
}

/** The reviews loaded so far, "Show more" while there are more, and why more didn't load. */
export function renderReviews(list: ReviewsController, signedIn: boolean) {
  const { i18n, rating } = list;
  if (!list.reviews.length && !list.refreshing) {
    return html`<p class="message">
      ${rating ? i18n.t('filter.none', { stars: i18n.count('starCount', rating) }) : i18n.t('empty')}
    </p>`;
  }
  return html`<ol class="reviews ${list.refreshing ? 'refreshing' : ''}" part="list">
      ${list.reviews.map((r) => html`<li>${renderReview(list, r, signedIn)}</li>`)}
    </ol>
    <div class="more-row">
      <span class="shown">${list.shownText()}</span>
      ${
        list.cursor
          ? html`<button
              type="button"
              class="more"
              part="more"
              aria-disabled=${list.loadingMore ? 'true' : 'false'}
              @click=${() => list.loadMore()}
            >
              ${i18n.t(list.loadingMore ? 'loadingMore' : 'more')}
            </button>`
          : nothing
      }
    </div>
    ${
      list.moreError
        ? html`<p class="error" role="alert">${i18n.error(list.moreError, 'moreFailed')}</p>`
        : nothing
    }`;
}

/** One review as text only: badges, the store's reply, and the helpful vote (a count for guests). */
function renderReview(list: ReviewsController, r: Review, signedIn: boolean) {
  const { i18n } = list;
  const titleId = `review-${r.id}`;
  const voteError = list.voteErrors.get(r.id);
  return html`<article
    class="review"
    part="review"
    data-review=${r.id}
    tabindex="-1"
    aria-labelledby=${titleId}
  >
    <header class="review-head">
      ${stars(r.rating, i18n.t('rated', { rating: i18n.num(r.rating) }), 'stars')}
      <h3 class="review-title" part="review-title" id=${titleId} dir="auto">${r.title}</h3>
    </header>
    <p class="meta">
      <bdi class="author">${r.author.name}</bdi>
      <time datetime=${r.createdAt}>${i18n.date(r.createdAt)}</time>
      ${
        r.verified
          ? html`<span class="badge verified" part="badge">${i18n.t('review.verified')}</span>`
          : nothing
      }
      ${
        r.incentivized
          ? html`<span class="badge incentivized" part="badge"
              >${i18n.t('review.incentivized')}</span
            >`
          : nothing
      }
    </p>
    <p class="review-body" part="review-body" dir="auto">${r.body}</p>
    ${
      r.reply
        ? html`<div class="reply" part="reply">
            <p class="reply-head">
              <strong>${i18n.t('review.replyHeading')}</strong>
              <time datetime=${r.reply.createdAt}>${i18n.date(r.reply.createdAt)}</time>
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
              aria-disabled=${list.voting.has(r.id) ? 'true' : 'false'}
              @click=${() => list.vote(r)}
            >
              ${i18n.t('review.helpful')}
              (${i18n.num(r.helpfulCount)})
            </button>`
          : html`<span class="helpful-count" part="helpful"
              >${i18n.count('review.helpfulCount', r.helpfulCount)}</span
            >`
      }
      ${voteError ? html`<span class="vote-error" role="alert">${voteError}</span>` : nothing}
    </div>
  </article>`;
}

/** The toolbar's and the reviews' placeholders, in their own boxes. */
export function reviewsSkeleton(count: number) {
  return html`<div class="toolbar skeleton" aria-hidden="true"><span class="placeholder control"></span></div>
    <ol class="reviews skeleton" aria-hidden="true">
      ${Array.from(
        { length: count },
        () => html`<li class="review">
          <span class="placeholder line short"></span>
          <span class="placeholder line"></span>
          <span class="placeholder line"></span>
        </li>`,
      )}
    </ol>`;
}
