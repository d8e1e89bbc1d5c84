import { css } from 'lit';

/**
 * A heading over a row of cards that scrolls sideways and snaps to each card. Logical
 * properties only: the row starts on the right in Arabic. The skeleton's placeholders take
 * their size from placeholder.styles.ts.
 */
export const styles = css`
  :host {
    --_gap: var(--kiosk-recommendations-gap, 1rem);
    --_card-size: var(--kiosk-recommendations-card-size, 14rem);
    display: block;
    line-height: 1.45;
  }
  :host([state='off']) {
    display: none;
  }
  .base {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: var(--kiosk-recommendations-heading-size, 1.25rem);
    /* A line held while the language loads (nothing shows then, not English). */
    min-block-size: 1lh;
  }
  .row {
    display: grid;
    grid-auto-flow: column;
    /* Never wider than the row: a narrow column shows one whole card at a time. */
    grid-auto-columns: min(var(--_card-size), 100%);
    gap: var(--_gap);
    margin: 0;
    padding: 0 0 0.5rem;
    list-style: none;
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    scroll-snap-type: inline mandatory;
    scroll-padding-inline: 0;
  }
  /* Rendered from their first frame: a card skips rendering until it is seen (content-visibility:
     auto) and stands in with a generic size meanwhile, which here would shrink the row once. */
  kiosk-product-card {
    content-visibility: visible;
  }
  .row:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  /* Its size, not its content's, gives the row its natural width: a flex row that sets no
     width gives it the line, up to every card. */
  .row > * {
    inline-size: var(--_card-size);
    max-inline-size: 100%;
    scroll-snap-align: start;
  }
  kiosk-card-placeholder {
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  .message {
    color: var(--_muted);
  }
  .error {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    color: var(--_danger);
  }
  .retry {
    min-block-size: 2.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: no-preference) {
    .row {
      scroll-behavior: smooth;
    }
  }
`;
