import { css } from 'lit';

/**
 * The element's frame and what its parts share: the custom properties, controls, secondary
 * buttons, messages and the skeleton's placeholders. Logical properties only (the list flips
 * for Arabic). Each part's own rules sit beside it (summary, reviews, review-form .styles.ts).
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
    /* The summary sets the histogram beside the average when the list is wide enough. */
    container-type: inline-size;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
  }
  .stars {
    display: inline-flex;
    gap: 0.05em;
    letter-spacing: 0;
  }

  /* Controls, secondary buttons and messages of every part. */
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
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .vote-error,
  .field-error,
  .error {
    color: var(--_danger);
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
