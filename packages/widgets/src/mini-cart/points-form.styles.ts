import { css } from 'lit';

/** The points section: balance, the form that applies points, what they are worth and earn. */
export const pointsStyles = css`
  .points {
    padding-block: 0.75rem;
  }
  .worth,
  .earn {
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
  }
  .worth {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .points-title {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .balance,
  .applied {
    margin: 0 0 0.5rem;
  }
  .points .hint {
    margin: 0;
  }
  .redeem {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .redeem input {
    inline-size: 7rem;
    block-size: 2.25rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }
  .redeem label {
    flex-basis: 100%;
    font-size: 0.875rem;
  }

  .balance .placeholder.line {
    inline-size: 10rem;
  }
`;
