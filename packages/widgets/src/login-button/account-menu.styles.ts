import { css } from 'lit';

/** How many recent ledger entries the menu shows (and reserves room for while they load). */
export const HISTORY_ROWS = 3;

/**
 * The signed-in parts: the menu button (avatar and balance, in the element's fixed box) and
 * its menu, adopted with account-menu.ts at the first sign-in, the open menu's with the
 * button's (the menu's code, account-panel.ts, loads when it first opens: its styles are here
 * so that it shows styled at once). Logical properties only.
 */
export const accountStyles = css`
  .trigger {
    justify-content: flex-start;
    padding-inline: 0.25em 0.6em;
    border: 1px solid var(--_border);
    background: transparent;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2.4em;
    block-size: 2.4em;
    border-radius: 50%;
    background: var(--kiosk-login-button-avatar-background, var(--_accent));
    color: var(--kiosk-login-button-avatar-color, var(--_on-accent));
    font-size: 0.75em;
    font-weight: 700;
    letter-spacing: 0;
  }
  .balance {
    display: flex;
    flex: 1;
    align-items: center;
    justify-content: center;
    gap: 0.2em;
    min-inline-size: 0;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .star {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
  }
  .placeholder.short {
    inline-size: 3em;
    block-size: 1em;
  }

  /* The menu: a popover (top layer, so no host overflow or z-index can clip it), placed by
     the floating panel controller. Transparent until placed (focusable
     meanwhile), so it never shows in the wrong spot. */
  .panel {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    inline-size: var(--kiosk-login-button-menu-width, min(20rem, calc(100vw - 1rem)));
    max-block-size: var(--kiosk-floating-available-height, 80vh);
    overflow: auto;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--kiosk-login-button-menu-background, var(--_surface));
    color-scheme: light dark;
    color: var(--kiosk-login-button-menu-color, var(--kiosk-color-text, CanvasText));
    box-shadow: var(--kiosk-login-button-menu-shadow, 0 0.5rem 1.5rem rgb(0 0 0 / 0.18));
    font-family: var(--kiosk-font, inherit);
    line-height: 1.35;
    text-align: start;
  }
  .panel:not([popover]) {
    z-index: 2147483000;
  }
  .panel[hidden],
  .panel:not([popover]):not([data-open]) {
    display: none;
  }
  .panel[data-floating='pending'] {
    opacity: 0;
  }
  .panel[data-floating='unanchored'] {
    inset-block-start: 4rem;
    inset-inline-end: 0.5rem;
  }
  .who {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .who .avatar {
    font-size: 1rem;
  }
  .who-text {
    display: grid;
    min-inline-size: 0;
  }
  .name {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .points {
    margin-block: 0.75rem 0;
    font-size: 1.125rem;
    font-weight: 700;
  }
  .progress {
    display: grid;
    gap: 0.25rem;
    margin-block-start: 0.5rem;
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.5rem;
    border: 0;
    border-radius: 999px;
    overflow: hidden;
    background: var(--_skeleton);
    color: var(--_accent);
  }
  progress::-webkit-progress-bar {
    background: var(--_skeleton);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
    border-radius: 999px;
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  .history {
    margin-block-start: 1rem;
  }
  .section-title {
    margin: 0 0 0.25rem;
    font-weight: 600;
    font-size: 0.875rem;
  }
  /* Always as tall as the rows it asks for: the menu does not move when they arrive. */
  .entries {
    display: grid;
    align-content: start;
    min-block-size: calc(${HISTORY_ROWS} * var(--_row));
    margin: 0;
    padding: 0;
    list-style: none;
    --_row: 1.75rem;
  }
  .entry {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    align-items: center;
    gap: 0.5rem;
    block-size: var(--_row);
    font-size: 0.875rem;
  }
  .entry .what {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .entry .delta {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .entry.skeleton::before {
    content: '';
    grid-column: 1 / -1;
    block-size: 0.75rem;
    border-radius: 999px;
    background: var(--_skeleton);
  }
  .entries .note {
    margin: 0;
    font-size: 0.875rem;
  }
  .menu {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
    padding-block-start: 0.75rem;
    border-block-start: 1px solid var(--_border);
  }
  .menu-item {
    display: block;
    inline-size: 100%;
    min-block-size: 2.75rem;
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_button-radius);
    background: transparent;
    font-weight: 600;
    text-align: center;
    cursor: pointer;
  }
  .menu-item:focus-visible,
  .menu-item:hover {
    background: var(--_skeleton);
  }

`;
