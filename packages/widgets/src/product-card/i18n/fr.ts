import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-product-card> strings ("product-card" namespace), fr. */
export default {
  unavailable: 'Ce produit n’est pas disponible',
  unavailableHint: 'Il a peut-être été retiré, ou le lien est erroné.',
  loadFailed: 'Impossible de charger ce produit.',
  price: {
    now: 'Maintenant',
    was: 'Avant',
    member: 'Prix {{tier}}',
    membersPay: 'Les membres paient {{price}} — connectez-vous',
  },
  rating_one: 'Noté {{rating}} sur 5, d’après {{count}} avis',
  rating_many: 'Noté {{rating}} sur 5, d’après {{count}} avis',
  rating_other: 'Noté {{rating}} sur 5, d’après {{count}} avis',
  noReviews: 'Pas encore d’avis',
  stock: {
    low_one: 'Plus que {{count}} en stock',
    low_many: 'Plus que {{count}} en stock',
    low_other: 'Plus que {{count}} en stock',
    soldOut: 'Épuisé',
    inStock: 'En stock',
    early: 'D’abord pour les membres · pour tous dès le {{date}}',
  },
  optionSoldOut: '{{value}} (épuisé)',
  quantity: 'Quantité',
  decrease: 'Diminuer la quantité',
  increase: 'Augmenter la quantité',
  add: 'Ajouter au panier',
  notifyMe: 'Me prévenir',
  adding: 'Ajout…',
  added: 'Ajouté à votre panier : {{quantity}} × {{title}}',
  addedShort: 'Ajouté',
  viewCart: 'Voir le panier',
  queued:
    'Vous êtes hors ligne. {{title}} sera ajouté à votre panier dès le retour de la connexion.',
  addFailed: 'Impossible d’ajouter ce produit à votre panier.',
  notEnoughStock: 'Le stock est insuffisant pour cette quantité.',
  priceAlert: 'Me prévenir si le prix de {{title}} baisse',
  share: 'Partager {{title}}',
  linkCopied: 'Lien copié',
  copyFailed: 'Impossible de copier le lien.',
} satisfies Bundle;
