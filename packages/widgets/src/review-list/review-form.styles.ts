import { css } from 'lit';

/** The write section: sign-in prompt, thanks, the shopper's own review, and the form. */
export const reviewFormStyles = css`
  /* Write a review / sign-in prompt. */
  .write {
    display: grid;
    gap: 0.75rem;
    padding-block-start: var(--_gap);
    border-block-start: var(--_divider);
  }
  .write.guest {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
  }
  .sign-in,
  .submit {
    justify-self: start;
    min-block-size: var(--_control-h);
    padding-inline: 1rem;
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .thanks {
    color: var(--_success);
    font-weight: 600;
  }
  .write > .hint {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  /* The shopper's own review: read-only, its moderation status, and Edit. */
  .own-status {
    display: grid;
    gap: 0.125rem;
    padding-block: 0.375rem;
    padding-inline: 0.75rem;
    border-inline-start: 3px solid var(--_muted);
  }
  .own-status[data-status='rejected'] {
    border-inline-start-color: var(--_danger);
  }
  .own-status span {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .own-review {
    display: grid;
    gap: 0.375rem;
  }
  .edit {
    justify-self: start;
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
