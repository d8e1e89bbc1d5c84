import { css } from 'lit';

/** The "Notify me" panel under a sold-out card's button (notify-panel.ts). */
export const notifyStyles = css`
  .notify {
    display: grid;
    gap: 0.5rem;
    /* In the compact layout's grid: a row of its own across the card. */
    grid-column: 1 / -1;
    padding-block: 0.5rem;
    border-block-start: 1px solid var(--_border);
    font-size: 0.875rem;
  }
  .notify p {
    margin: 0;
  }
  .notify form {
    display: grid;
    gap: 0.375rem;
  }
  .notify input {
    min-inline-size: 0;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .notify-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .notify-submit {
    justify-self: start;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    cursor: pointer;
  }
  .notify-switch {
    padding: 0.5rem 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .notify .error {
    color: var(--_danger);
  }
`;
