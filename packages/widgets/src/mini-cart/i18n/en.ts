import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-mini-cart> trigger strings ("mini-cart" namespace: what the closed cart needs), en. `{{n}}` is `count` formatted. */
export default {
  trigger_one: 'Cart, {{n}} item',
  trigger_other: 'Cart, {{n}} items',
  triggerPending_one: 'Cart, {{n}} item, changes not saved yet',
  triggerPending_other: 'Cart, {{n}} items, changes not saved yet',
  count_one: '{{n}} item in your cart',
  count_other: '{{n}} items in your cart',
} satisfies Bundle;
