import { css } from 'lit';

/**
 * The card's layout; the rows' own styles are in product-info.styles.ts, the stepper's in
 * quantity-stepper.ts. Every row of the card has a fixed block size (or a reserved minimum)
 * for a given card width, and the skeleton uses the same rows, so the loaded card takes
 * exactly the skeleton's place: no layout shift. The arrangement follows the card's own width (container queries on the host
 * and on the details column): quantity, add and share move onto rows of their own rather than
 * overflow or cover each other, and labels wrap inside their controls. The loader reserves the
 * same sizes before this code arrives: placeholder.ts repeats the numbers and thresholds (literal
 * here, so the build can minify this CSS), and test/hostile/product-card.test.ts fails when the
 * two differ at any width.
 *
 * The host page may set `* { box-sizing: content-box }` (it reaches the host, and everything
 * inherits from there): `.base` sets border-box again for the whole tree.
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
    --_small: calc(0.875rem * var(--_line));
    display: block;
    line-height: var(--_line);
    container: kiosk-card / inline-size;
    content-visibility: auto;
    /* The card's content does not size it (it arranges itself by its width): no intrinsic
       width, so a 1fr grid column or a phone never grows to fit it. */
    contain-intrinsic-size: auto none auto 34rem;
    /* Where nothing gives it a width (a flex row of cards without flex-basis) it would be 0
       wide: 10rem at least, or the whole line if that is less. A grid's intrinsic sizing sees
       the percentage as 0, so this never widens a 1fr column. (placeholder.ts: the same.) */
    min-inline-size: min(100%, 10rem);
  }
  :host([layout='row']) {
    contain-intrinsic-block-size: auto 10rem;
  }
  :host([layout='compact']) {
    contain-intrinsic-block-size: auto 4.5rem;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_star-color: var(--kiosk-product-card-star-color, #fbbf24);
    }
  }

  .base {
    box-sizing: border-box;
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
  /* A row card narrower than 22rem (a sidebar, a phone) stacks like a card. */
  @container kiosk-card (inline-size >= 22rem) {
    :host([layout='row']) .base {
      grid-template-columns: var(--kiosk-product-card-image-size, 7rem) minmax(0, 1fr);
      column-gap: 1rem;
    }
  }
  :host([layout='compact']) .base {
    grid-template-columns:
      min(var(--kiosk-product-card-image-size, 3.5rem), 22cqi)
      minmax(0, 1fr) auto;
    grid-template-areas: 'media body actions' 'status status status';
    align-items: center;
    column-gap: 0.75rem;
  }
  /* Narrower: the add button gets a row of its own under the image and title. */
  @container kiosk-card (inline-size < 26rem) {
    :host([layout='compact']) .base {
      grid-template-columns:
        min(var(--kiosk-product-card-image-size, 3.5rem), 22cqi)
        minmax(0, 1fr);
      grid-template-areas: 'media body' 'actions actions' 'status status';
    }
  }
  :host([layout='compact']) .media {
    grid-area: media;
  }
  :host([layout='compact']) .body {
    grid-area: body;
    gap: 0;
  }
  :host([layout='compact']) .actions {
    grid-area: actions;
  }
  .body {
    display: grid;
    gap: var(--_card-gap);
    align-content: start;
    min-inline-size: 0;
    container: kiosk-details / inline-size;
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
    grid-template-areas: none !important;
  }
  .message .status {
    grid-area: auto !important;
  }
  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: var(--_image-fit);
  }

  .actions {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas: 'quantity add share';
    align-items: center;
    gap: var(--_card-gap);
    block-size: var(--_control-h);
  }
  .stepper {
    grid-area: quantity;
  }
  .add {
    grid-area: add;
  }
  .tools {
    grid-area: share;
    display: flex;
    gap: var(--_card-gap);
  }
  :host([layout='compact']) .actions {
    grid-template-columns: auto;
    grid-template-areas: 'add';
  }

  /* Quantity and the icon buttons, then add on its own row. */
  @container kiosk-details (inline-size < 21rem) {
    .actions {
      grid-template-areas: 'quantity . share' 'add add add';
      block-size: calc(2 * var(--_control-h) + var(--_card-gap));
    }
  }
  /* Quantity, add and the icon buttons one under the other; option labels above their selects. */
  @container kiosk-details (inline-size < 12.5rem) {
    .actions {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'quantity' 'add' 'share';
      block-size: calc(3 * var(--_control-h) + 2 * var(--_card-gap));
    }
    .stepper {
      --_stepper-input: minmax(0, 1fr);
    }
    .tools {
      justify-self: start;
    }
    .options {
      min-block-size: calc(2 * (var(--_small) + 0.25rem + var(--_control-h)) + var(--_card-gap));
    }
    .option {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0.25rem;
    }
    .stock {
      block-size: calc(2 * var(--_small));
    }
  }
  /* A wide row card puts its options side by side (two fit; one takes the whole row). */
  @container kiosk-details (inline-size >= 21rem) {
    :host([layout='row']) .options {
      grid-template-columns: repeat(auto-fit, minmax(8.75rem, 1fr));
      min-block-size: var(--_control-h);
    }
  }

  .add {
    block-size: var(--_control-h);
    min-inline-size: 0;
    margin: 0;
    padding-block: 0;
    padding-inline: 0.5rem;
    border: 0;
    border-radius: calc(var(--_card-radius) * 0.75);
    background: var(--kiosk-product-card-button-background, var(--_accent));
    color: var(--kiosk-product-card-button-color, var(--_on-accent));
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.1;
    overflow-wrap: break-word;
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
  .icon {
    inline-size: var(--_control-h);
    block-size: var(--_control-h);
    margin: 0;
    padding: 0;
    display: inline-grid;
    place-items: center;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_card-radius) * 0.75);
    background: transparent;
    cursor: pointer;
  }
  .icon svg {
    inline-size: 1.125rem;
    block-size: 1.125rem;
  }

  .status {
    margin: 0;
    min-block-size: var(--_small);
    font-size: 0.875rem;
  }
  .status .separator {
    margin-inline: 0.4em;
  }
  /* A link in the sentence ("Added · View cart"): the status line keeps its height. */
  .view-cart {
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--kiosk-product-card-link-color, var(--_accent));
    font-weight: 600;
    line-height: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  :host([layout='compact']) .status {
    grid-area: status;
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
  :host([layout='compact']) .error {
    grid-column: 1 / -1;
  }
  .retry {
    block-size: 2rem;
    margin: 0;
    padding-block: 0;
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
