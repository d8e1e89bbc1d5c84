import { css } from 'lit';

/** The footer's summary (subtotal, discount, total) and Check out. */
export const summaryStyles = css`
  .summary {
    display: grid;
    gap: 0.25rem;
    margin: 0.75rem 0;
  }
  .row {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .row dt,
  .row dd {
    margin: 0;
  }
  .row dd {
    font-variant-numeric: tabular-nums;
  }
  .discount dd {
    color: var(--_success);
  }
  .total {
    font-weight: 700;
    font-size: 1.0625rem;
  }
  .note {
    margin: -0.5rem 0 0.75rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .checkout {
    inline-size: 100%;
    min-block-size: 2.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--kiosk-mini-cart-checkout-background, var(--_accent));
    color: var(--kiosk-mini-cart-checkout-color, var(--_on-accent));
    font-weight: 600;
  }
  .checkout[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
