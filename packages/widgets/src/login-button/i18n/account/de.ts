import type { Bundle } from '../../../i18n/i18n.js';

/** The signed-in menu button's strings ("login-button-account" namespace), de. */
export default {
  signingOut: 'Abmelden…',
  trigger: '{{name}}, {{points}}',
  points_one: '{{n}} Punkt',
  points_other: '{{n}} Punkte',
  error: {
    menu: 'Das Menü konnte nicht geöffnet werden. Prüfe deine Verbindung und versuche es noch einmal.',
  },
} satisfies Bundle;
