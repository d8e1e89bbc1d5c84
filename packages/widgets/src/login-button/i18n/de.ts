import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), de. */
export default {
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft…',
  signOut: 'Abmelden',
  signingOut: 'Abmeldung läuft…',
  account: 'Dein Konto',
  points_one: '{{n}} Punkt',
  points_other: '{{n}} Punkte',
  tier: 'Stufe {{tier}}',
  signedIn: 'Angemeldet als {{name}}.',
  signedOut: 'Du bist abgemeldet.',
  error: {
    cancelled: 'Die Anmeldung wurde abgebrochen.',
    popup:
      'Das Anmeldefenster konnte nicht geöffnet werden. Erlaube Pop-ups für diese Website und versuche es erneut.',
    failed: 'Die Anmeldung hat nicht geklappt. Bitte versuche es erneut.',
    signOutFailed: 'Der Shop ist nicht erreichbar, aber auf diesem Gerät bist du abgemeldet.',
  },
} satisfies Bundle;
