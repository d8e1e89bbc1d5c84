import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), fr. */
export default {
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion…',
  account: 'Votre compte',
  points_one: '{{n}} point',
  points_many: '{{n}} de points',
  points_other: '{{n}} points',
  tier: 'Niveau {{tier}}',
  signedIn: 'Connecté en tant que {{name}}.',
  signedOut: 'Vous êtes déconnecté.',
  error: {
    cancelled: 'La connexion a été annulée.',
    popup:
      'La fenêtre de connexion n’a pas pu s’ouvrir. Autorisez les fenêtres pop-up pour ce site et réessayez.',
    failed: 'Impossible de vous connecter. Veuillez réessayer.',
    signOutFailed: 'La boutique est injoignable, mais vous êtes déconnecté sur cet appareil.',
  },
} satisfies Bundle;
