import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-product-card> strings ("product-card" namespace), en. */
export default {
  unavailable: 'This product isn’t available',
  unavailableHint: 'It may have been removed, or the link may be wrong.',
  loadFailed: 'We couldn’t load this product.',
  price: { now: 'Now', was: 'Was' },
  rating_one: 'Rated {{rating}} out of 5, from {{count}} review',
  rating_other: 'Rated {{rating}} out of 5, from {{count}} reviews',
  noReviews: 'No reviews yet',
  stock: {
    low_one: 'Only {{count}} left',
    low_other: 'Only {{count}} left',
    soldOut: 'Sold out',
    inStock: 'In stock',
  },
  optionSoldOut: '{{value}} (sold out)',
  quantity: 'Quantity',
  decrease: 'Decrease quantity',
  increase: 'Increase quantity',
  add: 'Add to cart',
  notifyMe: 'Notify me',
  adding: 'Adding…',
  added: 'Added to your cart: {{quantity}} × {{title}}',
  addedShort: 'Added',
  viewCart: 'View cart',
  queued: 'You’re offline. {{title}} will be added to your cart when you’re back online.',
  addFailed: 'Couldn’t add this to your cart.',
  notEnoughStock: 'There isn’t enough stock for that quantity.',
  share: 'Share {{title}}',
  linkCopied: 'Link copied',
  copyFailed: 'Couldn’t copy the link.',
} satisfies Bundle;
