import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's notifications view ("login-button-notifications" namespace), de. */
export default {
  back: 'Zurück',
  topic: {
    'back-in-stock': 'Wieder verfügbar: {{product}}',
    'price-drop': 'Preissenkung: {{product}}',
    promotions: 'Aktionen',
    'points-expiry': 'Bald verfallende Punkte',
    'order-updates': 'Neuigkeiten zu Bestellungen',
  },
  channel: {
    push: 'Push-Benachrichtigung im Browser',
    email: 'Per E-Mail',
    emailTo: 'Per E-Mail an {{email}}',
  },
  pending: 'Wartet darauf, dass du die E-Mail-Adresse bestätigst',
  remove: 'Entfernen',
  confirm: 'Ja, entfernen',
  cancel: 'Abbrechen',
  confirmQuestion: 'Diese Benachrichtigungen abbestellen?',
  removed: 'Entfernt: {{name}}.',
  empty:
    'Du bekommst keine Benachrichtigungen von diesem Shop. Ausverkaufte Produkte bieten „Benachrichtige mich“ an.',
  error: {
    load: 'Deine Benachrichtigungen konnten nicht geladen werden.',
    remove: 'Das konnte nicht entfernt werden. Bitte versuche es erneut.',
  },
} satisfies Bundle;
