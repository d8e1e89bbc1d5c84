import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-review-list> strings ("review-list" namespace), fr. */
export default {
  heading: 'Avis clients',
  starCount_one: '{{formatted}} étoile',
  starCount_many: '{{formatted}} étoiles',
  starCount_other: '{{formatted}} étoiles',
  reviewCount_one: '{{formatted}} avis',
  reviewCount_many: '{{formatted}} avis',
  reviewCount_other: '{{formatted}} avis',
  rated: 'Noté {{rating}} sur 5',
  summary: {
    average: '{{rating}} sur 5',
    histogram: 'Filtrer par note',
    bar: '{{stars}} : {{reviews}} ({{percent}})',
  },
  sort: {
    label: 'Trier par',
    recent: 'Les plus récents',
    helpful: 'Les plus utiles',
    rating_desc: 'Note la plus haute',
    rating_asc: 'Note la plus basse',
  },
  filter: {
    active: 'Avis notés {{stars}}',
    clear: 'Afficher tous les avis',
    none: 'Aucun avis noté {{stars}} pour le moment.',
  },
  review: {
    verified: 'Achat vérifié',
    incentivized: 'Produit reçu gratuitement',
    replyHeading: 'Réponse de la boutique',
    helpful: 'Utile',
    helpfulCount_one: '{{formatted}} personne a trouvé cet avis utile',
    helpfulCount_many: '{{formatted}} personnes ont trouvé cet avis utile',
    helpfulCount_other: '{{formatted}} personnes ont trouvé cet avis utile',
    voteFailed: 'Impossible d’enregistrer votre vote.',
    ownReview: 'Vous ne pouvez pas voter pour votre propre avis.',
  },
  more: 'Afficher plus d’avis',
  loadingMore: 'Chargement d’autres avis…',
  moreFailed: 'Impossible de charger plus d’avis.',
  shown: '{{shown}} sur {{total}} affichés',
  empty: 'Aucun avis pour le moment — soyez le premier',
  unavailable: 'Ce produit n’est pas disponible',
  unavailableHint: 'Il a peut-être été retiré, ou le lien est incorrect.',
  loadFailed: 'Impossible de charger les avis.',
  signInHint: 'Connectez-vous pour écrire un avis et voter sur les avis.',
  signIn: 'Se connecter',
  write: 'Écrire un avis',
  formFailed: 'Impossible de charger le formulaire d’avis. Vérifiez votre connexion et réessayez.',
  own: {
    heading: 'Votre avis',
    edit: 'Modifier votre avis',
    edited: 'Modifié le {{date}}',
    loadFailed: 'Impossible de charger votre avis.',
    status: {
      pending: 'En attente de modération',
      pendingHint:
        'Les autres clients verront votre avis une fois qu’il aura été approuvé par la boutique.',
      rejected: 'Non publié',
      rejectedHint:
        'La boutique n’a pas publié cet avis. Vous pouvez le modifier et l’envoyer à nouveau.',
    },
  },
  thanks: {
    pending: 'Merci — votre avis apparaîtra après modération.',
    published: 'Merci — votre avis est publié.',
  },
} satisfies Bundle;
