import { css } from 'lit';

/**
 * The account menu's views (menu-view.ts: membership, passkeys, notifications), adopted when one first
 * opens. Inside the menu's panel, so its width and colours are the menu's; logical properties
 * only. Long names and long translations wrap (German in a 390px menu): nothing here is on one
 * line by force.
 */
export const menuViewStyles = css`
  /* The view takes the panel's place of the account's details and menu (kept in the DOM: the
     menu button's aria-controls names the menu). */
  .panel:has(> .view) > :not(.view) {
    display: none;
  }
  .view-head {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .view-head .section-title {
    margin: 0;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .back,
  .action {
    flex: none;
    min-block-size: 2.75rem;
    margin: 0;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_button-radius);
    background: transparent;
    font-weight: 600;
    cursor: pointer;
  }
  /* ‹ is mirrored right to left by the bidi algorithm; the empty alt keeps it out of the name. */
  .back::before {
    content: '‹' / '';
    margin-inline-end: 0.25em;
  }
  .back:hover,
  .action:hover {
    background: var(--_skeleton);
  }
  .view-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .view-item {
    display: grid;
    gap: 0.125rem;
    padding-block: 0.75rem;
    border-block-start: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .item-name {
    font-weight: 600;
  }
  .view-section {
    margin-block-start: 1rem;
  }
  .item-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.375rem;
  }
  .remove[aria-describedby*='-confirm-'] {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .action[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .note {
    margin-block: 0.5rem;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
`;
