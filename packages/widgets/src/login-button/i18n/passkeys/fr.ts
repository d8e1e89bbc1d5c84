import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's passkeys view ("login-button-passkeys" namespace), fr. */
export default {
  back: 'Retour',
  added: 'Ajoutée le {{date}}',
  lastUsed: 'Dernière utilisation : {{when}}',
  neverUsed: 'Pas encore utilisée',
  remove: 'Supprimer',
  confirm: 'Oui, supprimer',
  cancel: 'Annuler',
  confirmQuestion: 'Supprimer cette clé d’accès ? Vous ne pourrez plus vous connecter avec elle.',
  removed: 'Clé d’accès supprimée : {{name}}.',
  empty:
    'Aucune clé d’accès pour l’instant. Nous vous en proposerons une à votre prochaine connexion.',
  error: {
    load: 'Impossible de charger vos clés d’accès.',
    remove: 'Impossible de supprimer la clé d’accès. Veuillez réessayer.',
  },
} satisfies Bundle;
