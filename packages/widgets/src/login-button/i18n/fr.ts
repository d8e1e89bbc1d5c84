import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), fr. */
export default {
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  signedIn: 'Connecté en tant que {{name}}.',
  signedOut: 'Vous êtes déconnecté.',
  error: {
    cancelled: 'La connexion a été annulée.',
    popup:
      'La fenêtre de connexion n’a pas pu s’ouvrir. Autorisez les fenêtres pop-up pour ce site et réessayez.',
    failed: 'Impossible de vous connecter. Veuillez réessayer.',
    account: 'Impossible de charger votre compte. Vérifiez votre connexion et rechargez la page.',
  },
} satisfies Bundle;
