import { css } from 'lit';

/**
 * The average and the histogram's bars. The skeleton uses the same boxes, so the loaded
 * summary starts where the placeholder was.
 */
export const summaryStyles = css`
  /* Summary: overview beside the histogram when there is room. */
  .summary {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: minmax(0, 1fr);
    min-block-size: 9.5rem;
  }
  @container (min-width: 32rem) {
    .summary {
      grid-template-columns: 10rem minmax(0, 1fr);
    }
  }
  .overview {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .average {
    font-size: 2.25rem;
    font-weight: 700;
    line-height: 1.1;
  }
  .count {
    color: var(--_muted);
  }
  .histogram {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .bar {
    display: grid;
    grid-template-columns: 3rem minmax(0, 1fr) 3rem;
    align-items: center;
    gap: 0.5rem;
    inline-size: 100%;
    min-block-size: 1.75rem;
    padding-block: 0.125rem;
    padding-inline: 0.375rem;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) * 0.75);
    background: none;
    cursor: pointer;
    text-align: start;
  }
  .bar:hover {
    border-color: var(--_border);
  }
  .bar[aria-pressed='true'] {
    border-color: var(--_accent);
    font-weight: 700;
  }
  .track {
    display: block;
    block-size: 0.625rem;
    border-radius: 999px;
    background: var(--_bar-track);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--_fill, 0%);
    background: var(--_bar-color);
    border-radius: inherit;
  }
  .bar-count {
    text-align: end;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
`;
