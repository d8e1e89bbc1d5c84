import { css } from 'lit';

/**
 * Every row of the card has a fixed block size (or a reserved minimum), and the skeleton uses
 * the same rows, so the loaded card takes exactly the skeleton's place: no layout shift.
 *
 * Boot cost (bench/widgets/cards-page.mjs, 50 cards): cards outside the viewport skip style,
 * layout and paint (`content-visibility: auto`; `contain-intrinsic-size` stands in for a card
 * never rendered, `auto` remembers its real size once it was), and the skeleton pulses with one
 * animation per card (its lines together), not one per placeholder line.
 */
export const styles = css`
  :host {
    --_card-radius: var(--kiosk-product-card-radius, var(--_radius));
    --_card-padding: var(--kiosk-product-card-padding, 0.75rem);
    --_card-gap: var(--kiosk-product-card-gap, 0.5rem);
    --_card-bg: var(--kiosk-product-card-background, var(--_surface));
    --_card-border: var(--kiosk-product-card-border, 1px solid var(--_border));
    --_image-fit: var(--kiosk-product-card-image-fit, cover);
    --_image-bg: var(--kiosk-product-card-image-background, var(--_skeleton));
    --_price-color: var(--kiosk-product-card-price-color, inherit);
    --_sale-color: var(--kiosk-product-card-sale-color, var(--_danger));
    --_star-color: var(--kiosk-product-card-star-color, #b45309);
    --_control-h: 2.25rem;
    --_line: 1.35;
    display: block;
    line-height: var(--_line);
    content-visibility: auto;
    contain-intrinsic-size: auto 34rem;
  }
  :host([layout='row']) {
    contain-intrinsic-size: auto 10rem;
    /* A row card in a narrow column (a sidebar, a phone) stacks like a card: see @container. */
    container-type: inline-size;
  }
  :host([layout='compact']) {
    contain-intrinsic-size: auto 4.5rem;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_star-color: var(--kiosk-product-card-star-color, #fbbf24);
    }
  }

  .base {
    display: grid;
    gap: var(--_card-gap);
    padding: var(--_card-padding);
    background: var(--_card-bg);
    border: var(--_card-border);
    border-radius: var(--_card-radius);
    block-size: 100%;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
  }
  :host([layout='row']) .base {
    grid-template-columns: var(--kiosk-product-card-image-size, 7rem) minmax(0, 1fr);
    column-gap: 1rem;
  }
  /* Image, details and the actions row (stepper, button, share) need ~22rem side by side. */
  @container (max-width: 22rem) {
    :host([layout='row']) .base {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  :host([layout='compact']) .base {
    grid-template-columns: var(--kiosk-product-card-image-size, 3.5rem) minmax(0, 1fr) auto;
    align-items: center;
    column-gap: 0.75rem;
  }
  .body {
    display: grid;
    gap: var(--_card-gap);
    align-content: start;
    min-inline-size: 0;
  }
  :host([layout='compact']) .body {
    gap: 0;
  }

  .media {
    aspect-ratio: 1;
    border-radius: calc(var(--_card-radius) * 0.75);
    overflow: hidden;
    background: var(--_image-bg);
  }
  :host([layout='row']) .status,
  :host([layout='row']) .message .status {
    grid-column: 1 / -1;
  }
  .message {
    grid-template-columns: minmax(0, 1fr) !important;
  }
  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: var(--_image-fit);
  }

  .title {
    margin: 0;
    font-size: var(--kiosk-product-card-title-size, 1rem);
    font-weight: var(--kiosk-product-card-title-weight, 600);
    block-size: calc(2em * var(--_line));
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
  }
  :host([layout='compact']) .title {
    block-size: calc(1em * var(--_line));
    -webkit-line-clamp: 1;
  }

  .prices,
  .rating {
    margin: 0;
  }
  .prices {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
    block-size: calc(1.125rem * var(--_line));
    overflow: hidden;
    font-size: 1.125rem;
  }
  :host([layout='compact']) .prices {
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

  .rating {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    block-size: calc(0.875rem * var(--_line));
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .stars {
    display: inline-flex;
    gap: 0.1em;
  }

  .options {
    display: grid;
    gap: 0.5rem;
    min-block-size: calc(2 * var(--_control-h) + 0.5rem);
    align-content: start;
  }
  :host([layout='row']) .options {
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    min-block-size: var(--_control-h);
  }
  .option {
    display: grid;
    grid-template-columns: minmax(4rem, auto) minmax(0, 1fr);
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
  }
  select,
  input,
  .stepper button {
    block-size: var(--_control-h);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_card-radius) * 0.75);
    background: var(--_surface);
    min-inline-size: 0;
  }
  select {
    inline-size: 100%;
    padding-inline: 0.5rem;
  }

  .stock {
    margin: 0;
    block-size: calc(0.875rem * var(--_line));
    font-size: 0.875rem;
    color: var(--_success);
  }
  .stock.low {
    color: var(--kiosk-product-card-low-stock-color, #b45309);
  }
  .stock.sold-out {
    color: var(--_muted);
  }

  .actions {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.5rem;
    block-size: var(--_control-h);
  }
  :host([layout='compact']) .actions {
    display: block;
    block-size: auto;
  }
  .stepper {
    display: inline-flex;
    align-items: center;
  }
  .stepper button {
    inline-size: var(--_control-h);
    cursor: pointer;
  }
  .stepper button:first-of-type {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .stepper button:last-of-type {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .stepper input {
    inline-size: 2.5rem;
    text-align: center;
    border-radius: 0;
    border-inline: 0;
    -moz-appearance: textfield;
  }
  .stepper input::-webkit-inner-spin-button {
    -webkit-appearance: none;
  }
  .add {
    block-size: var(--_control-h);
    min-inline-size: 0;
    padding-inline: 0.5rem;
    border: 0;
    border-radius: calc(var(--_card-radius) * 0.75);
    background: var(--kiosk-product-card-button-background, var(--_accent));
    color: var(--kiosk-product-card-button-color, var(--_on-accent));
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.1;
    overflow: hidden;
    cursor: pointer;
    transition: filter 150ms ease;
  }
  :host([layout='compact']) .add {
    padding-inline: 1rem;
  }
  .add:hover:not(:disabled) {
    filter: brightness(1.1);
  }
  button:disabled,
  select:disabled,
  input:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .share {
    inline-size: var(--_control-h);
    block-size: var(--_control-h);
    display: inline-grid;
    place-items: center;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_card-radius) * 0.75);
    background: transparent;
    cursor: pointer;
  }
  .share svg {
    inline-size: 1.125rem;
    block-size: 1.125rem;
  }

  .status {
    margin: 0;
    min-block-size: calc(0.875rem * var(--_line));
    font-size: 0.875rem;
  }
  :host([layout='compact']) .status {
    grid-column: 1 / -1;
    min-block-size: 0;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .retry {
    block-size: 2rem;
    padding-inline: 0.75rem;
    border: 1px solid currentColor;
    border-radius: calc(var(--_card-radius) * 0.75);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  .message {
    align-content: center;
    justify-items: center;
    text-align: center;
    min-block-size: var(--kiosk-product-card-message-min-size, 12rem);
  }
  .message p {
    margin: 0;
  }
  .message .hint {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .placeholder {
    display: block;
    border-radius: 0.25rem;
    background: var(--_skeleton);
  }
  .skeleton > .body,
  .skeleton > .actions {
    animation: pulse 1.5s ease-in-out infinite;
  }
  .skeleton .title,
  .skeleton .prices,
  .skeleton .rating,
  .skeleton .stock {
    display: block;
  }
  .skeleton .line {
    block-size: 100%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
