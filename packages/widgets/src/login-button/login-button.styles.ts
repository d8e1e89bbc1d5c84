import { css } from 'lit';

/** One row: sign-in button, or avatar + name/points/tier + sign-out. Logical properties only. */
export const styles = css`
  :host {
    --_height: var(--kiosk-login-button-height, 2.5rem);
    --_gap: var(--kiosk-login-button-gap, 0.5rem);
    --_button-radius: var(--kiosk-login-button-radius, var(--_radius));
    display: inline-block;
    line-height: 1.3;
  }
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    min-block-size: var(--_height);
  }
  .button {
    min-block-size: var(--_height);
    padding-inline: 1rem;
    border-radius: var(--_button-radius);
    font-weight: 600;
    cursor: pointer;
  }
  .sign-in {
    border: 0;
    background: var(--kiosk-login-button-background, var(--_accent));
    color: var(--kiosk-login-button-color, var(--_on-accent));
  }
  .sign-out {
    border: 1px solid var(--_border);
    background: transparent;
  }
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .account {
    display: flex;
    align-items: center;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: var(--_height);
    block-size: var(--_height);
    border-radius: 50%;
    background: var(--kiosk-login-button-avatar-background, var(--_accent));
    color: var(--kiosk-login-button-avatar-color, var(--_on-accent));
    font-weight: 700;
  }
  .details {
    display: grid;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .placeholder {
    display: inline-block;
    inline-size: 6rem;
    block-size: var(--_height);
    border-radius: var(--_button-radius);
    background: var(--_skeleton);
  }
  .placeholder.short {
    inline-size: 5rem;
    block-size: 0.875rem;
  }
  .message {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875rem;
  }
  .error {
    color: var(--_danger);
  }
`;
