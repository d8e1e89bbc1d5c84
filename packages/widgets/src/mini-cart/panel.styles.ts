import { css } from 'lit';

/**
 * The open cart, a modal <dialog> in the top layer (above any z-index of the page): a flex
 * column whose header and footer (totals, Check out) keep their size while the body (lines,
 * points) scrolls, so Check out is always in view. `data-layout="anchored"`: placed beside
 * the trigger (FloatingPanelController) with left/top set through the CSSOM, transparent until
 * placed (`data-floating="pending"`). Each part's own styles are beside it
 * (cart-lines, points-form, cart-summary); the quantity stepper's are shared with the card.
 * `data-layout="sheet"` (phones): full width across the bottom of the screen. Sizes are set
 * here on every box (the host page's `box-sizing` or `img` rules can't reach the shadow root,
 * but its root font size can: rem sizes follow it). Logical properties only: RTL mirrors it.
 */
export const styles = css`
  :host {
    --_panel-width: var(--kiosk-mini-cart-panel-width, min(24rem, 100vw - 1rem));
    --_panel-bg: var(--kiosk-mini-cart-panel-background, var(--_surface));
    --_panel-radius: var(--kiosk-mini-cart-panel-radius, var(--_radius));
    --_panel-padding: var(--kiosk-mini-cart-panel-padding, 1rem);
    --_image-size: var(--kiosk-mini-cart-image-size, 4rem);
  }

  .panel {
    position: fixed;
    inset: auto;
    margin: 0;
    inline-size: var(--_panel-width);
    max-inline-size: calc(100vw - 1rem);
    max-block-size: var(--kiosk-floating-available-height, calc(100vh - 2rem));
    overflow: hidden;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_panel-radius);
    background: var(--_panel-bg);
    color: inherit;
    box-shadow: var(--kiosk-mini-cart-panel-shadow, 0 12px 32px rgb(0 0 0 / 0.18));
    font: inherit;
  }
  .panel[open] {
    display: flex;
    flex-direction: column;
  }
  .panel[data-layout='sheet'] {
    inset-inline: 0;
    inset-block: auto 0;
    inline-size: 100%;
    max-inline-size: 100%;
    max-block-size: var(--kiosk-mini-cart-sheet-max-height, calc(100dvh - 2.5rem));
    border-inline: 0;
    border-block-end: 0;
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  .panel::backdrop {
    background: var(--kiosk-mini-cart-backdrop, rgb(0 0 0 / 0.08));
  }
  .panel[data-layout='sheet']::backdrop {
    background: var(--kiosk-mini-cart-backdrop, rgb(0 0 0 / 0.4));
  }
  .panel[data-floating='pending'] {
    opacity: 0;
  }

  .header {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: var(--_panel-padding);
    padding-block-end: 0.75rem;
  }
  .body {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding-inline: var(--_panel-padding);
  }
  .footer {
    flex: none;
    padding: 0 var(--_panel-padding) var(--_panel-padding);
    border-block-start: 1px solid var(--_border);
    background: var(--_panel-bg);
  }
  .panel[data-layout='sheet'] .footer {
    padding-block-end: max(var(--_panel-padding), env(safe-area-inset-bottom));
  }
  .title {
    margin: 0;
    font-size: 1.125rem;
  }
  button {
    cursor: pointer;
  }
  .close {
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
  }
  .close svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  .notice {
    flex: none;
    margin: 0 var(--_panel-padding) 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_panel-radius) * 0.75);
    background: var(--_skeleton);
    font-size: 0.875rem;
  }
  .empty {
    padding-block: 1.5rem;
    text-align: center;
  }
  .empty-title {
    margin: 0;
    font-weight: 600;
  }
  .hint,
  .guest {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .hint {
    margin: 0.25rem 0 0;
  }
  /* Text buttons (Remove, Stop using points) and outlined ones (Use points, Try again). */
  .remove,
  .link {
    border: 0;
    padding: 0.25rem;
    background: transparent;
    color: var(--_accent);
    text-decoration: underline;
    font-size: 0.875rem;
  }
  .redeem button,
  .retry {
    block-size: 2.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_accent);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0.5rem 0;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .body.busy {
    padding-block: 1.5rem;
    text-align: center;
  }
  .loading {
    display: grid;
    gap: 0.5rem;
    padding-block: 1rem;
  }
  .placeholder.line {
    display: inline-block;
    inline-size: 100%;
    block-size: 1rem;
    border-radius: 0.25rem;
    background: var(--_skeleton);
  }
`;
