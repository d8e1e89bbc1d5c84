import type { Bundle } from '../../../i18n/i18n.js';

/** <kiosk-review-list> form strings ("review-form" namespace), fr. */
export default {
  heading: 'Écrire un avis',
  rating: 'Votre note',
  title: 'Titre',
  body: 'Votre avis',
  chars: '{{count}} / {{max}}',
  charsLabel: '{{count}} caractères sur {{max}} au maximum',
  submit: 'Publier l’avis',
  submitting: 'Envoi…',
  editHeading: 'Modifier votre avis',
  editHint: 'La boutique peut vérifier à nouveau un avis modifié avant sa publication.',
  save: 'Enregistrer les modifications',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  errors: {
    rating: 'Choisissez une note.',
    title: 'Ajoutez un titre.',
    body: 'Rédigez votre avis.',
    tooLong: 'C’est trop long : {{max}} caractères au maximum.',
    invalid: 'Vérifiez votre avis et réessayez.',
    signedOut: 'Votre session a expiré. Reconnectez-vous pour publier votre avis.',
    failed: 'Impossible de publier votre avis.',
  },
  saved: 'Votre avis a été modifié.',
  savedPending: 'Votre avis a été modifié. Il apparaîtra après modération.',
} satisfies Bundle;
