import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), fr. */
export default {
  loading: 'Chargement…',
  retry: 'Réessayer',
  error: {
    generic: 'Une erreur s’est produite.',
    network:
      'Impossible de joindre la boutique pour le moment. Vérifiez votre connexion et réessayez.',
    notConfigured: 'Cette boutique n’est pas encore configurée.',
  },
} satisfies Bundle;
