import type { Bundle } from '../../../i18n/i18n.js';

/**
 * The account menu's passkeys view ("login-button-passkeys" namespace), en. `{{date}}` is a
 * date and `{{when}}` a relative time ("2 days ago", "yesterday"), both Intl's in the locale.
 * The menu item and the view's title are the "login-button-menu" namespace's `passkeys`.
 */
export default {
  back: 'Back',
  added: 'Added {{date}}',
  lastUsed: 'Last used {{when}}',
  neverUsed: 'Not used yet',
  remove: 'Remove',
  confirm: 'Yes, remove',
  cancel: 'Cancel',
  confirmQuestion: 'Remove this passkey? You won’t be able to sign in with it any more.',
  removed: 'Passkey removed: {{name}}.',
  empty: 'No passkeys yet. You’ll be offered one the next time you sign in.',
  error: {
    load: 'Couldn’t load your passkeys.',
    remove: 'Couldn’t remove the passkey. Please try again.',
  },
} satisfies Bundle;
