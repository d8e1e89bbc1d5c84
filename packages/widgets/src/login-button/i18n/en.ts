import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), en. `{{n}}` is `count` formatted. */
export default {
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  account: 'Your account',
  points_one: '{{n}} point',
  points_other: '{{n}} points',
  tier: '{{tier}} tier',
  signedIn: 'Signed in as {{name}}.',
  signedOut: 'You’re signed out.',
  error: {
    cancelled: 'Sign-in was cancelled.',
    popup: 'The sign-in window couldn’t open. Allow pop-ups for this site and try again.',
    failed: 'Couldn’t sign you in. Please try again.',
    signOutFailed: 'Couldn’t reach the store, but you’re signed out on this device.',
  },
} satisfies Bundle;
