import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), de. */
export default {
  signIn: 'Anmelden',
  signingIn: 'Anmelden…',
  signOut: 'Abmelden',
  notifications: 'Benachrichtigungen',
  passkeys: 'Passkeys',
  orders: 'Bestellungen',
  signingOut: 'Abmelden…',
  account: 'Dein Konto',
  points_one: '{{n}} Punkt',
  points_other: '{{n}} Punkte',
  tier: 'Stufe {{tier}}',
  trigger: '{{name}}, {{points}}',
  toNextTier_one: 'Noch {{n}} Punkt bis {{tier}}',
  toNextTier_other: 'Noch {{n}} Punkte bis {{tier}}',
  topTier: 'Du hast die höchste Stufe erreicht',
  history: 'Letzte Punktebewegungen',
  historyEmpty: 'Noch keine Punkte: Du sammelst sie bei jedem Einkauf.',
  historyError: 'Dein Punkteverlauf konnte nicht geladen werden.',
  entry: {
    earn: 'Bestellung bezahlt',
    redeem: 'Beim Bezahlen eingelöst',
    expire: 'Verfallen',
    reverse: 'Bestellung geändert',
    adjust: 'Korrektur',
    gift: 'Geschenk',
  },
  signedIn: 'Angemeldet als {{name}}.',
  signedOut: 'Du bist abgemeldet.',
  error: {
    cancelled: 'Die Anmeldung wurde abgebrochen.',
    popup:
      'Das Anmeldefenster konnte nicht geöffnet werden. Erlaube Pop-ups für diese Website und versuche es erneut.',
    failed: 'Die Anmeldung hat nicht geklappt. Bitte versuche es erneut.',
    account:
      'Dein Konto konnte nicht geladen werden. Prüfe deine Verbindung und lade die Seite neu.',
    view: '„{{view}}“ konnte nicht geöffnet werden. Prüfe deine Verbindung und versuche es noch einmal.',
    signOutFailed: 'Der Shop ist nicht erreichbar, aber auf diesem Gerät bist du abgemeldet.',
  },
} satisfies Bundle;
