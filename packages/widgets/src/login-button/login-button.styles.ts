import { css } from 'lit';
import { HISTORY_ROWS } from './account-summary.js';

/**
 * One fixed box in every state (the same as placeholder.ts reserves before upgrade; the hostile
 * header test measures both): "Sign in", or a menu button with the avatar
 * and the points balance; the account's details open in a floating menu. Nothing here may
 * grow the box: labels stay on one line, messages float below it. Logical properties only.
 */
export const styles = css`
  :host {
    --_height: var(--kiosk-login-button-height, 2.5rem);
    --_gap: var(--kiosk-login-button-gap, 0.5rem);
    --_button-radius: var(--kiosk-login-button-radius, var(--_radius));
    display: inline-block;
    position: relative;
    vertical-align: middle;
    flex-shrink: 0;
    inline-size: var(--kiosk-login-button-width, 8em);
    block-size: var(--_height);
    line-height: 1.2;
  }
  /* A page's "* { box-sizing: content-box }" reaches the host, and through it everything
     inheriting from the host; the box's parts are sized for border-box. */
  .base {
    box-sizing: border-box;
    display: flex;
    inline-size: 100%;
    block-size: 100%;
  }
  .button {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    padding-block: 0;
    padding-inline: 0.6em;
    border-radius: var(--_button-radius);
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    cursor: pointer;
  }
  .label {
    font-size: 0.875em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sign-in {
    border: 0;
    background: var(--kiosk-login-button-background, var(--_accent));
    color: var(--kiosk-login-button-color, var(--_on-accent));
  }
  .trigger {
    justify-content: flex-start;
    padding-inline: 0.25em 0.6em;
    border: 1px solid var(--_border);
    background: transparent;
  }
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
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
  .placeholder {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border-radius: var(--_button-radius);
    background: var(--_skeleton);
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

  /* Errors float under the box instead of pushing the header down. */
  .message {
    position: absolute;
    inset-block-start: calc(100% + 0.25rem);
    inset-inline-end: 0;
    z-index: 1;
    inline-size: max-content;
    max-inline-size: min(18rem, calc(100vw - 1rem));
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.15);
    font-size: 0.875rem;
    white-space: normal;
  }
  .error {
    color: var(--_danger);
  }
`;
