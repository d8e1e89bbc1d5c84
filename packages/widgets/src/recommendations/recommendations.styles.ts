import { css } from 'lit';

/**
 * A heading over a row of cards that scrolls sideways and snaps to each card. Logical
 * properties only: the row starts on the right in Arabic.
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
  }
  .row {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: var(--_card-size);
    gap: var(--_gap);
    margin: 0;
    padding: 0 0 0.5rem;
    list-style: none;
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    scroll-snap-type: inline mandatory;
    scroll-padding-inline: 0;
  }
  .row:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .row > li {
    scroll-snap-align: start;
    min-inline-size: 0;
  }
  .placeholder {
    display: block;
    block-size: var(--kiosk-recommendations-placeholder-height, 22rem);
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
