import type { Bundle } from '../../../i18n/i18n.js';

/**
 * The account menu, open ("login-button-menu" namespace), en. `{{n}}` is `count` formatted.
 * The balance in words ("1,250 points") is the "login-button-account" namespace's `points`,
 * which the menu button says too.
 */
export default {
  /** The account menu's item opening the notifications view, and that view's title. */
  notifications: 'Notifications',
  /** The account menu's item opening the passkeys view, and that view's title. */
  passkeys: 'Passkeys',
  /** The account menu's item opening the membership view (tier, perks), and its title. */
  membership: 'Membership',
  /** The account menu's item opening the shopper's orders (the hosted orders page). */
  orders: 'Orders',
  signOut: 'Sign out',
  tier: '{{tier}} tier',
  toNextTier_one: '{{n}} point to {{tier}}',
  toNextTier_other: '{{n}} points to {{tier}}',
  topTier: 'You’re in the top tier',
  history: 'Recent points',
  historyEmpty: 'No points yet: you earn them when you shop.',
  historyError: 'Couldn’t load your points history.',
  entry: {
    earn: 'Order paid',
    redeem: 'Used at checkout',
    expire: 'Expired',
    reverse: 'Order update',
    adjust: 'Adjustment',
    gift: 'Gift',
  },
  error: {
    /**
     * A view of the account menu could not load its code (offline). `{{view}}` is the menu
     * item's label ("Passkeys"): other languages quote it as a name, so that the sentence needs
     * no grammatical case; English spares the quotes.
     */
    view: 'Couldn’t open {{view}}. Check your connection and try again.',
    signOutFailed: 'Couldn’t reach the store, but you’re signed out on this device.',
  },
} satisfies Bundle;
