import { css } from 'lit';

/**
 * Global tokens and helpers every element includes first in `static styles`. Elements read
 * `--kiosk-*` tokens with their own `--kiosk-<element>-*` in front, e.g.
 * `var(--kiosk-product-card-radius, var(--kiosk-radius, 0.5rem))`.
 */
export const sharedStyles = css`
  :host {
    font-family: var(--kiosk-font, inherit);
    color: var(--kiosk-color-text, inherit);
    --_accent: var(--kiosk-color-accent, #1d4ed8);
    --_on-accent: var(--kiosk-color-on-accent, #ffffff);
    --_surface: var(--kiosk-color-surface, #ffffff);
    --_muted: var(--kiosk-color-muted, #5b6170);
    --_border: var(--kiosk-color-border, #d0d4dc);
    --_danger: var(--kiosk-color-danger, #b42318);
    --_success: var(--kiosk-color-success, #067647);
    --_radius: var(--kiosk-radius, 0.5rem);
    --_skeleton: var(--kiosk-color-skeleton, #eceef2);
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--kiosk-color-accent, #8ab4ff);
      --_on-accent: var(--kiosk-color-on-accent, #0b1020);
      --_surface: var(--kiosk-color-surface, #17191f);
      --_muted: var(--kiosk-color-muted, #a7adba);
      --_border: var(--kiosk-color-border, #3a3f4b);
      --_danger: var(--kiosk-color-danger, #ff8a80);
      --_success: var(--kiosk-color-success, #6ce9a6);
      --_skeleton: var(--kiosk-color-skeleton, #2a2e37);
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  /* A server rendering (@kiosk/widgets/ssr: a second .base) shows while the own one is a skeleton. */
  .skeleton:has(~ .base) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    margin: -1px;
    padding: 0;
    border: 0;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
