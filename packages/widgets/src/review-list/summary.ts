import { html } from 'lit';
import { stars } from '../stars.js';
import type { ReviewsController } from './reviews-controller.js';

const STARS = [5, 4, 3, 2, 1] as const;

/** The average, the count, and a bar per star rating that filters the list (a toggle). */
export function renderSummary(list: ReviewsController) {
  const { i18n } = list;
  const summary = list.summary!;
  const average = i18n.num(summary.average, 1);
  return html`<div class="summary" part="summary">
    <div class="overview">
      <span class="average" part="average" aria-hidden="true">${average}</span>
      ${stars(summary.average, i18n.t('rated', { rating: average }), 'stars')}
      <span class="count" part="count">${i18n.count('reviewCount', summary.count)}</span>
    </div>
    <ul class="histogram" part="histogram" aria-label=${i18n.t('summary.histogram')}>
      ${STARS.map((stars) => {
        const n = summary.histogram[stars] ?? 0;
        const pct = summary.count > 0 ? (n / summary.count) * 100 : 0;
        const label = i18n.t('summary.bar', {
          stars: i18n.count('starCount', stars),
          reviews: i18n.count('reviewCount', n),
          percent: i18n.percent(n, summary.count),
        });
        return html`<li>
          <button
            type="button"
            part="bar"
            class="bar"
            data-stars=${stars}
            aria-pressed=${list.rating === stars ? 'true' : 'false'}
            @click=${() => list.filterBy(stars)}
          >
            <span class="bar-stars" aria-hidden="true">${i18n.num(stars)} ★</span>
            <span class="track" aria-hidden="true"
              ><span class="fill" data-fill=${pct.toFixed(1)}></span
            ></span>
            <span class="bar-count" aria-hidden="true">${i18n.num(n)}</span>
            <span class="visually-hidden">${label}</span>
          </button>
        </li>`;
      })}
    </ul>
  </div>`;
}

/** The summary's placeholder: the same box, so the loaded summary starts where it was. */
export const summarySkeleton = html`<div class="summary skeleton" aria-hidden="true">
  <div class="overview"><span class="placeholder big"></span><span class="placeholder line"></span></div>
  <div class="histogram">${STARS.map(() => html`<span class="placeholder bar-line"></span>`)}</div>
</div>`;

/** Sets the bars' lengths through the CSSOM: a style attribute would need 'unsafe-inline' under a CSP. */
export function fillBars(root: ParentNode | null): void {
  for (const fill of root?.querySelectorAll<HTMLElement>('.fill[data-fill]') ?? []) {
    fill.style.setProperty('--_fill', `${fill.dataset.fill}%`);
  }
}
