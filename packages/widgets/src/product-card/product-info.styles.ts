import { css } from 'lit';

/**
 * The product's rows: title, prices, rating, the variant picker's selects and stock. Each has
 * a fixed block size (or a reserved minimum) so the loaded card keeps the skeleton's place;
 * product-card.styles.ts rearranges them by the card's width.
 */
export const infoStyles = css`
  .title {
    margin: 0;
    font-size: var(--kiosk-product-card-title-size, 1rem);
    font-weight: var(--kiosk-product-card-title-weight, 600);
    block-size: calc(2em * var(--_line));
    overflow: hidden;
    overflow-wrap: break-word;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
  }

  .prices,
  .rating {
    margin: 0;
  }
  .prices {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.5rem;
    block-size: calc(1.125rem * var(--_line));
    overflow: hidden;
    font-size: 1.125rem;
  }
  :host([layout='compact']) .prices {
    block-size: calc(1rem * var(--_line));
    font-size: 1rem;
  }
  .price {
    color: var(--_price-color);
    font-weight: 600;
  }
  .price.sale {
    color: var(--_sale-color);
  }
  .compare-price {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* "Gold price" before a member's price; "Members pay $X — sign in" beside a guest's. */
  .member {
    font-size: 0.75rem;
    color: var(--_accent);
  }
  button.member {
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
    cursor: pointer;
  }

  .rating {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    block-size: var(--_small);
    overflow: hidden;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .stars {
    display: inline-flex;
    gap: 0.1em;
  }

  .options {
    display: grid;
    gap: var(--_card-gap);
    min-block-size: calc(2 * var(--_control-h) + var(--_card-gap));
    align-content: start;
  }
  .option {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(50%, 1fr);
    align-items: center;
    column-gap: 0.5rem;
    font-size: 0.875rem;
  }
  .option label {
    min-inline-size: 4em;
    overflow-wrap: break-word;
  }
  select {
    inline-size: 100%;
    block-size: var(--_control-h);
    margin: 0;
    padding-block: 0;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_card-radius) * 0.75);
    background: var(--_surface);
    min-inline-size: 0;
  }

  .stock {
    margin: 0;
    block-size: var(--_small);
    overflow: hidden;
    font-size: 0.875rem;
    color: var(--_success);
  }
  .stock.low {
    color: var(--kiosk-product-card-low-stock-color, #b45309);
  }
  .stock.sold-out {
    color: var(--_muted);
  }
`;
