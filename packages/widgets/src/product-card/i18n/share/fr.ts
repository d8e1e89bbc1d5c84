import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), fr. */
export default {
  link: 'Lien vers {{title}}',
  shareVia: 'Partager…',
  copy: 'Copier le lien',
  qr: 'Code QR du lien vers {{title}}',
  scan: 'Scannez pour l’ouvrir sur un autre téléphone.',
  close: 'Fermer le partage',
  failed: 'Impossible de créer le lien. Veuillez réessayer.',
} satisfies Bundle;
