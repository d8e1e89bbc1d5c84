import { css, html, nothing } from 'lit';

/**
 * Five stars for a 0–5 rating, rounded to halves, read out as one image with `label`
 * ("Rated 4.3 out of 5"). Colours come from the element's `--_star-color` and `--_border`.
 */
export function stars(rating: number, label: string, part?: string) {
  const rounded = Math.round(rating * 2) / 2;
  return html`<span class="stars" part=${part ?? nothing} role="img" aria-label=${label}
    >${[1, 2, 3, 4, 5].map(
      (n) =>
        html`<span
          class="star ${rounded >= n ? 'full' : rounded >= n - 0.5 ? 'half' : 'empty'}"
          aria-hidden="true"
          >★</span
        >`,
    )}</span
  >`;
}

/** The stars' colours: full, empty, and a half star filled from the inline start. */
export const starStyles = css`
  .star.full {
    color: var(--_star-color);
  }
  .star.empty {
    color: var(--_border);
  }
  .star.half {
    background: linear-gradient(to right, var(--_star-color) 50%, var(--_border) 50%);
    background-clip: text;
    -webkit-background-clip: text;
    color: transparent;
  }
  :host([dir='rtl']) .star.half {
    background: linear-gradient(to left, var(--_star-color) 50%, var(--_border) 50%);
    background-clip: text;
    -webkit-background-clip: text;
  }
`;
