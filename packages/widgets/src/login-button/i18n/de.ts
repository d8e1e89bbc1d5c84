import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), de. */
export default {
  signIn: 'Anmelden',
  signingIn: 'Anmelden…',
  signedIn: 'Angemeldet als {{name}}.',
  signedOut: 'Du bist abgemeldet.',
  error: {
    cancelled: 'Die Anmeldung wurde abgebrochen.',
    popup:
      'Das Anmeldefenster konnte nicht geöffnet werden. Erlaube Pop-ups für diese Website und versuche es erneut.',
    failed: 'Die Anmeldung hat nicht geklappt. Bitte versuche es erneut.',
    account:
      'Dein Konto konnte nicht geladen werden. Prüfe deine Verbindung und lade die Seite neu.',
  },
} satisfies Bundle;
