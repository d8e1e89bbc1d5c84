import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), de. */
export default {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  error: {
    generic: 'Etwas ist schiefgelaufen.',
    network: 'Der Shop ist gerade nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
    notConfigured: 'Dieser Shop ist noch nicht eingerichtet.',
  },
} satisfies Bundle;
