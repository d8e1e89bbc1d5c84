import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's strings ("login-button-menu" namespace), fr. */
export default {
  notifications: 'Notifications',
  passkeys: 'Clés d’accès',
  membership: 'Adhésion',
  orders: 'Commandes',
  signOut: 'Se déconnecter',
  tier: 'Niveau {{tier}}',
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
  error: {
    view: 'Impossible d’ouvrir « {{view}} ». Vérifiez votre connexion et réessayez.',
    signOutFailed: 'La boutique est injoignable, mais vous êtes déconnecté sur cet appareil.',
  },
} satisfies Bundle;
