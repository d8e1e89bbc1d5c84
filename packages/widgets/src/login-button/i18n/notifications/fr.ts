import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's notifications view ("login-button-notifications" namespace), fr. */
export default {
  back: 'Retour',
  topic: {
    'back-in-stock': 'De retour en stock : {{product}}',
    'price-drop': 'Baisse de prix : {{product}}',
    promotions: 'Promotions',
    'points-expiry': 'Points bientôt expirés',
    'order-updates': 'Suivi des commandes',
  },
  channel: {
    push: 'Notification push dans un navigateur',
    email: 'Par e-mail',
    emailTo: 'Par e-mail à {{email}}',
  },
  pending: 'En attente de la confirmation de votre adresse e-mail',
  remove: 'Supprimer',
  confirm: 'Oui, supprimer',
  cancel: 'Annuler',
  confirmQuestion: 'Ne plus recevoir ces notifications ?',
  removed: 'Supprimé : {{name}}.',
  empty:
    'Vous ne recevez aucune notification de cette boutique. Les produits épuisés proposent « Me prévenir ».',
  error: {
    load: 'Impossible de charger vos notifications.',
    remove: 'Impossible de supprimer cet abonnement. Veuillez réessayer.',
  },
} satisfies Bundle;
