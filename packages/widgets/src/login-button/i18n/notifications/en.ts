import type { Bundle } from '../../../i18n/i18n.js';

/**
 * The account menu's notifications view ("login-button-notifications" namespace), en.
 * `{{product}}` is a product's title, `{{name}}` a `topic` line, `{{email}}` an address. The
 * menu item and the view's title are the "login-button-menu" namespace's `notifications`; "Notify
 * me" is the product card's `notifyMe`, quoted as it reads there.
 */
export default {
  back: 'Back',
  topic: {
    'back-in-stock': 'Back in stock: {{product}}',
    'price-drop': 'Price drop: {{product}}',
    promotions: 'Promotions',
    'points-expiry': 'Points about to expire',
    'order-updates': 'Order updates',
  },
  channel: {
    push: 'Push notification in a browser',
    email: 'By email',
    emailTo: 'By email to {{email}}',
  },
  pending: 'Waiting for you to confirm the email',
  remove: 'Remove',
  confirm: 'Yes, remove',
  cancel: 'Cancel',
  confirmQuestion: 'Stop these notifications?',
  removed: 'Removed: {{name}}.',
  empty: 'You get no notifications from this shop. Sold-out products offer “Notify me”.',
  error: {
    load: 'Couldn’t load your notifications.',
    remove: 'Couldn’t remove it. Please try again.',
  },
} satisfies Bundle;
