import { css } from 'lit';

/**
 * The form (write or edit a review): rating stars, fields, counters, actions. Adopted into the
 * list's shadow root when the form's code loads; the section around it is write-section.styles.ts.
 */
export const reviewFormStyles = css`
  .write > .hint {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .rate {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .rate legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  .rate-stars {
    display: inline-flex;
    gap: 0.125rem;
  }
  .rate-input {
    position: absolute;
    opacity: 0;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    pointer-events: none;
  }
  .rate-star {
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: calc(var(--_radius) * 0.75);
    font-size: 1.75rem;
    line-height: 1;
    color: var(--_border);
    cursor: pointer;
  }
  .rate-star.on {
    color: var(--_star-color);
  }
  .rate-input:focus-visible + .rate-star {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .rate-input:checked + .rate-star {
    text-shadow: 0 0 1px currentColor;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field label {
    font-weight: 600;
  }
  .counter {
    justify-self: end;
    color: var(--_muted);
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;
