import { html, nothing } from 'lit';
import type { MiniCartElement } from './mini-cart-in-scope.js';

/** What the status region says: `text` to a screen reader; `shown`, when set, on screen instead. */
export interface Announcement {
  text: string;
  shown?: string;
  /** The mini cart "View cart" opens (after an add, when the page has one in this store). */
  cart?: MiniCartElement | undefined;
}

/**
 * The status region's content. After an add it shows "Added · View cart" (short enough for any
 * card, and it leads on to the cart) while a screen reader hears the whole sentence ("Added to
 * your cart: 2 × Classic Tee") and the button.
 */
export function renderStatus(a: Announcement | undefined, viewCart: string) {
  if (!a?.shown) return a?.text ?? '';
  const cart = a.cart;
  return html`<span class="visually-hidden">${a.text}</span
    ><span aria-hidden="true">${a.shown}</span>${
      cart
        ? html`<span class="separator" aria-hidden="true">·</span
            ><button
              class="view-cart"
              part="view-cart"
              type="button"
              @click=${() => {
                cart.open = true;
              }}
            >
              ${viewCart}
            </button>`
        : nothing
    }`;
}
