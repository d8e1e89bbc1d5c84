import type { Bundle } from '../../../i18n/i18n.js';

/** The signed-in menu button's strings ("login-button-account" namespace), fr. */
export default {
  signingOut: 'Déconnexion…',
  trigger: '{{name}}, {{points}}',
  points_one: '{{n}} point',
  points_many: '{{n}} de points',
  points_other: '{{n}} points',
  error: {
    menu: 'Impossible d’ouvrir le menu. Vérifiez votre connexion et réessayez.',
  },
} satisfies Bundle;
