import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's strings ("login-button-menu" namespace), de. */
export default {
  notifications: 'Benachrichtigungen',
  passkeys: 'Passkeys',
  membership: 'Mitgliedschaft',
  orders: 'Bestellungen',
  signOut: 'Abmelden',
  tier: 'Stufe {{tier}}',
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
  error: {
    view: '„{{view}}“ konnte nicht geöffnet werden. Prüfe deine Verbindung und versuche es noch einmal.',
    signOutFailed: 'Der Shop ist nicht erreichbar, aber auf diesem Gerät bist du abgemeldet.',
  },
} satisfies Bundle;
