import type { Bundle } from '../../../i18n/i18n.js';

/**
 * The signed-in menu button ("login-button-account" namespace), en. `{{n}}` is `count`
 * formatted.
 */
export default {
  signingOut: 'Signing out…',
  /** The menu button's accessible name: the customer and their balance. */
  trigger: '{{name}}, {{points}}',
  /** The balance in words, in the button's name and at the top of the menu. */
  points_one: '{{n}} point',
  points_other: '{{n}} points',
  error: {
    /** The open menu's code could not load (offline); the next opening tries again. */
    menu: 'Couldn’t open the menu. Check your connection and try again.',
  },
} satisfies Bundle;
