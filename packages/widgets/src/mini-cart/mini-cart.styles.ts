import { css } from 'lit';

/**
 * The closed cart: the trigger, inline in the host page, with its count badge. The panel's
 * styles (panel.styles.ts) load with the panel. Logical properties only: RTL mirrors it.
 */
export const styles = css`
  :host {
    --_trigger-size: var(--kiosk-mini-cart-trigger-size, 2.75rem);
    /* The same box as before the element loads (placeholder.ts): the header never moves. */
    display: inline-block;
    vertical-align: middle;
    flex-shrink: 0;
    inline-size: var(--_trigger-size);
    block-size: var(--_trigger-size);
    line-height: 1.4;
  }

  .anchor {
    position: relative;
    display: block;
  }
  .badge,
  .pending {
    pointer-events: none;
  }
  .trigger {
    display: inline-grid;
    place-items: center;
    inline-size: var(--_trigger-size);
    block-size: var(--_trigger-size);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--kiosk-mini-cart-trigger-background, transparent);
    color: var(--kiosk-mini-cart-trigger-color, inherit);
    cursor: pointer;
  }
  .icon,
  ::slotted([slot='trigger-icon']) {
    inline-size: 60%;
    block-size: 60%;
  }
  .badge {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    min-inline-size: 1.25rem;
    block-size: 1.25rem;
    padding-inline: 0.3rem;
    border-radius: 0.625rem;
    background: var(--kiosk-mini-cart-badge-background, var(--_accent));
    color: var(--kiosk-mini-cart-badge-color, var(--_on-accent));
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.25rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .badge.zero {
    background: var(--_muted);
  }
  .pending {
    position: absolute;
    inset-block-end: 0.2rem;
    inset-inline-end: 0.2rem;
    inline-size: 0.6rem;
    block-size: 0.6rem;
    border-radius: 50%;
    background: var(--_danger);
    border: 2px solid var(--_surface);
  }
`;
