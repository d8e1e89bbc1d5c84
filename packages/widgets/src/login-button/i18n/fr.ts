import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), fr. */
export default {
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  signOut: 'Se déconnecter',
  notifications: 'Notifications',
  passkeys: 'Clés d’accès',
  orders: 'Commandes',
  signingOut: 'Déconnexion…',
  account: 'Votre compte',
  points_one: '{{n}} point',
  points_many: '{{n}} de points',
  points_other: '{{n}} points',
  tier: 'Niveau {{tier}}',
  trigger: '{{name}}, {{points}}',
  toNextTier_one: 'Encore {{n}} point avant {{tier}}',
  toNextTier_many: 'Encore {{n}} de points avant {{tier}}',
  toNextTier_other: 'Encore {{n}} points avant {{tier}}',
  topTier: 'Vous êtes au niveau le plus élevé',
  history: 'Points récents',
  historyEmpty: 'Pas encore de points : vous en gagnez à chaque achat.',
  historyError: 'Impossible de charger l’historique de vos points.',
  entry: {
    earn: 'Commande payée',
    redeem: 'Utilisés au paiement',
    expire: 'Expirés',
    reverse: 'Commande modifiée',
    adjust: 'Ajustement',
    gift: 'Cadeau',
  },
  signedIn: 'Connecté en tant que {{name}}.',
  signedOut: 'Vous êtes déconnecté.',
  error: {
    cancelled: 'La connexion a été annulée.',
    popup:
      'La fenêtre de connexion n’a pas pu s’ouvrir. Autorisez les fenêtres pop-up pour ce site et réessayez.',
    failed: 'Impossible de vous connecter. Veuillez réessayer.',
    account: 'Impossible de charger votre compte. Vérifiez votre connexion et rechargez la page.',
    view: 'Impossible d’ouvrir « {{view}} ». Vérifiez votre connexion et réessayez.',
    signOutFailed: 'La boutique est injoignable, mais vous êtes déconnecté sur cet appareil.',
  },
} satisfies Bundle;
