import { css } from 'lit';

/**
 * Logical properties only (the list flips for Arabic). The skeleton uses the summary's and the
 * reviews' own boxes, so the loaded list starts where the placeholder was.
 */
export const styles = css`
  :host {
    --_gap: var(--kiosk-review-list-gap, 1rem);
    --_padding: var(--kiosk-review-list-padding, 1rem);
    --_star-color: var(--kiosk-review-list-star-color, #b45309);
    --_bar-color: var(--kiosk-review-list-bar-color, var(--_accent));
    --_bar-track: var(--kiosk-review-list-bar-track, var(--_skeleton));
    --_badge-bg: var(--kiosk-review-list-badge-background, var(--_skeleton));
    --_badge-color: var(--kiosk-review-list-badge-color, inherit);
    --_reply-bg: var(--kiosk-review-list-reply-background, var(--_skeleton));
    --_divider: var(--kiosk-review-list-divider, 1px solid var(--_border));
    --_control-h: 2.25rem;
    display: block;
    line-height: 1.45;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_star-color: var(--kiosk-review-list-star-color, #fbbf24);
    }
  }

  .base {
    display: grid;
    gap: var(--_gap);
    padding: var(--_padding);
    background: var(--kiosk-review-list-background, var(--_surface));
    border: var(--kiosk-review-list-border, 1px solid var(--_border));
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
  }

  /* Summary: overview beside the histogram when there is room. */
  .summary {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: minmax(0, 1fr);
    min-block-size: 9.5rem;
  }
  @container (min-width: 32rem) {
    .summary {
      grid-template-columns: 10rem minmax(0, 1fr);
    }
  }
  .base {
    container-type: inline-size;
  }
  .overview {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .average {
    font-size: 2.25rem;
    font-weight: 700;
    line-height: 1.1;
  }
  .count {
    color: var(--_muted);
  }
  .stars {
    display: inline-flex;
    gap: 0.05em;
    letter-spacing: 0;
  }

  .histogram {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .bar {
    display: grid;
    grid-template-columns: 3rem minmax(0, 1fr) 3rem;
    align-items: center;
    gap: 0.5rem;
    inline-size: 100%;
    min-block-size: 1.75rem;
    padding-block: 0.125rem;
    padding-inline: 0.375rem;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) * 0.75);
    background: none;
    cursor: pointer;
    text-align: start;
  }
  .bar:hover {
    border-color: var(--_border);
  }
  .bar[aria-pressed='true'] {
    border-color: var(--_accent);
    font-weight: 700;
  }
  .track {
    display: block;
    block-size: 0.625rem;
    border-radius: 999px;
    background: var(--_bar-track);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--_fill, 0%);
    background: var(--_bar-color);
    border-radius: inherit;
  }
  .bar-count {
    text-align: end;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  /* Toolbar: sort and the active filter. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    min-block-size: var(--_control-h);
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  select,
  input,
  textarea {
    block-size: var(--_control-h);
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
  }
  textarea {
    block-size: auto;
    padding-block: 0.5rem;
    resize: vertical;
    font: inherit;
    color: inherit;
  }
  .filter {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .clear,
  .more,
  .retry,
  .helpful,
  .edit,
  .cancel {
    min-block-size: var(--_control-h);
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    cursor: pointer;
  }
  .helpful {
    min-block-size: 2rem;
  }
  .helpful[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  /* Reviews. */
  .reviews {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .reviews.refreshing {
    opacity: 0.55;
  }
  .reviews > li + li {
    border-block-start: var(--_divider);
  }
  .review {
    display: grid;
    gap: 0.375rem;
    padding-block: 0.875rem;
    min-block-size: 6.5rem;
    border-radius: calc(var(--_radius) * 0.5);
  }
  .review:focus-visible {
    outline-offset: 4px;
  }
  .review-head {
    display: grid;
    gap: 0.125rem;
  }
  .review-title {
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .author {
    color: var(--kiosk-color-text, inherit);
    font-weight: 600;
  }
  .badge {
    padding-inline: 0.5rem;
    border-radius: 999px;
    background: var(--_badge-bg);
    color: var(--_badge-color);
    font-size: 0.75rem;
  }
  .badge.verified {
    color: var(--kiosk-review-list-badge-color, var(--_success));
  }
  .review-body,
  .reply-body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .reply {
    display: grid;
    gap: 0.25rem;
    padding: 0.625rem 0.75rem;
    border-inline-start: 3px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_reply-bg);
    font-size: 0.9375rem;
  }
  .reply-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  .reply-head time {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .helpful-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .vote-error,
  .field-error,
  .error {
    color: var(--_danger);
  }
  .more-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .error {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .message {
    color: var(--_muted);
  }
  .message.empty {
    font-size: 1.0625rem;
    color: inherit;
  }
  .hint {
    font-size: 0.875rem;
  }

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

  /* Skeleton. */
  .placeholder {
    display: block;
    border-radius: 0.25rem;
    background: var(--_skeleton);
    animation: pulse 1.5s ease-in-out infinite;
  }
  .placeholder.line {
    block-size: 1rem;
  }
  .placeholder.short {
    inline-size: 40%;
  }
  .placeholder.big {
    block-size: 2.5rem;
    inline-size: 4rem;
  }
  .placeholder.bar-line {
    block-size: 1.5rem;
  }
  .placeholder.control {
    block-size: var(--_control-h);
    inline-size: 12rem;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
