import { css } from 'lit';

/**
 * A cart line: a grid of the image, titles and prices, the line total, then the quantity
 * stepper and Remove, with notes and errors across the whole line.
 */
export const linesStyles = css`
  .line-variant,
  .line-price,
  .line-note {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .line {
    display: grid;
    grid-template-columns: var(--_image-size) minmax(0, 1fr) auto;
    grid-template-areas:
      'image info total'
      'image stepper remove'
      'note note note';
    gap: 0.25rem 0.75rem;
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }
  .line-image {
    grid-area: image;
    display: block;
    inline-size: var(--_image-size);
    block-size: var(--_image-size);
    max-inline-size: none;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_panel-radius) * 0.75);
    background: var(--_skeleton);
    object-fit: cover;
  }
  .line-info {
    grid-area: info;
    min-inline-size: 0;
  }
  .line-info p,
  .line-total,
  .line-note {
    margin: 0;
  }
  .line-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .line-total {
    grid-area: total;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .line-note,
  .line-error {
    grid-column: 1 / -1;
  }
  .stepper {
    grid-area: stepper;
    justify-self: start;
  }
  .remove {
    grid-area: remove;
    justify-self: end;
  }
`;
