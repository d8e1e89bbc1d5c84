import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's passkeys view ("login-button-passkeys" namespace), de. */
export default {
  back: 'Zurück',
  added: 'Hinzugefügt am {{date}}',
  lastUsed: 'Zuletzt verwendet: {{when}}',
  neverUsed: 'Noch nicht verwendet',
  remove: 'Entfernen',
  confirm: 'Ja, entfernen',
  cancel: 'Abbrechen',
  confirmQuestion: 'Diesen Passkey entfernen? Du kannst dich dann nicht mehr damit anmelden.',
  removed: 'Passkey entfernt: {{name}}.',
  empty: 'Noch keine Passkeys. Bei deiner nächsten Anmeldung bieten wir dir einen an.',
  error: {
    load: 'Deine Passkeys konnten nicht geladen werden.',
    remove: 'Der Passkey konnte nicht entfernt werden. Bitte versuche es erneut.',
  },
} satisfies Bundle;
