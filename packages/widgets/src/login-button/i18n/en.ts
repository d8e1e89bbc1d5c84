import type { Bundle } from '../../i18n/i18n.js';

/**
 * <kiosk-login-button> strings ("login-button" namespace), en: the sign-in button and what the
 * element says about the session. Bundled on every page with the element, so only these: the
 * signed-in menu button says its own (./account) and the open menu its own (./menu), each
 * loaded with its code. signIn and signingIn must fit the button's fixed box
 * (placeholder.ts): keep them short.
 */
export default {
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signedIn: 'Signed in as {{name}}.',
  signedOut: 'You’re signed out.',
  error: {
    cancelled: 'Sign-in was cancelled.',
    popup: 'The sign-in window couldn’t open. Allow pop-ups for this site and try again.',
    failed: 'Couldn’t sign you in. Please try again.',
    /** The signed-in menu button's code could not load (offline). */
    account: 'Couldn’t load your account. Check your connection and reload the page.',
  },
} satisfies Bundle;
