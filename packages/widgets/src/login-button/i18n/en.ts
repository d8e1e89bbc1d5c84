import type { Bundle } from '../../i18n/i18n.js';

/**
 * <kiosk-login-button> strings ("login-button" namespace), en. `{{n}}` is `count` formatted.
 * signIn and signingIn must fit the button's fixed box (placeholder.ts): keep them short.
 */
export default {
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  /** The account menu's item opening the notifications view, and that view's title. */
  notifications: 'Notifications',
  /** The account menu's item opening the passkeys view, and that view's title. */
  passkeys: 'Passkeys',
  /** The account menu's item opening the shopper's orders (the hosted orders page). */
  orders: 'Orders',
  signingOut: 'Signing out…',
  account: 'Your account',
  /** The menu button's accessible name: the customer and their balance. */
  trigger: '{{name}}, {{points}}',
  points_one: '{{n}} point',
  points_other: '{{n}} points',
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
  signedIn: 'Signed in as {{name}}.',
  signedOut: 'You’re signed out.',
  error: {
    cancelled: 'Sign-in was cancelled.',
    popup: 'The sign-in window couldn’t open. Allow pop-ups for this site and try again.',
    failed: 'Couldn’t sign you in. Please try again.',
    /** The signed-in menu's code could not load (offline). */
    account: 'Couldn’t load your account. Check your connection and reload the page.',
    /**
     * A view of the account menu could not load its code (offline). `{{view}}` is the menu
     * item's label ("Passkeys"): other languages quote it as a name, so that the sentence needs
     * no grammatical case; English, bundled on every page, spares the quotes' bytes.
     */
    view: 'Couldn’t open {{view}}. Check your connection and try again.',
    signOutFailed: 'Couldn’t reach the store, but you’re signed out on this device.',
  },
} satisfies Bundle;
