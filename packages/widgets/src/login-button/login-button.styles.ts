import { css } from 'lit';

/**
 * One fixed box in every state (the same as placeholder.ts reserves before upgrade; the hostile
 * header test measures both): "Sign in", a placeholder, or the account's menu button
 * (account-menu.styles.ts, loaded with it once signed in). Nothing here may grow the box:
 * labels stay on one line, messages float below it. Logical properties only.
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
    gap: var(--_gap);
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
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .placeholder {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border-radius: var(--_button-radius);
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
