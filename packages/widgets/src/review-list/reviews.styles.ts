import { css } from 'lit';

/** The toolbar (sort, active filter), the reviews, their replies and votes, and Show more. */
export const reviewsStyles = css`
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
  .filter {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .helpful {
    min-block-size: 2rem;
  }
  .helpful[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
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
  .more-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
`;
