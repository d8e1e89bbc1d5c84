import { css } from 'lit';

/** A card's share panel under its buttons (share-panel.ts). */
export const shareStyles = css`
  .share {
    display: grid;
    gap: 0.5rem;
    /* In the compact layout's grid: a row of its own across the card. */
    grid-column: 1 / -1;
    padding-block: 0.5rem;
    border-block-start: 1px solid var(--_border);
    font-size: 0.875rem;
  }
  .share p {
    margin: 0;
  }
  .share input {
    min-inline-size: 0;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    /* A URL reads left to right in any language. */
    direction: ltr;
  }
  .share-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .share-actions button {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .share-actions .share-primary {
    border-color: transparent;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .share img {
    inline-size: 8rem;
    block-size: 8rem;
    max-inline-size: 100%;
    /* The code needs its quiet zone light, whatever the page's theme. */
    background: #fff;
  }
  .share .error {
    color: var(--_danger);
  }
`;
