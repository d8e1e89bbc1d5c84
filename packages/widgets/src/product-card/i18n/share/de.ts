import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), de. */
export default {
  link: 'Link zu {{title}}',
  shareVia: 'Teilen…',
  copy: 'Link kopieren',
  qr: 'QR-Code des Links zu {{title}}',
  scan: 'Zum Öffnen auf einem anderen Smartphone scannen.',
  close: 'Teilen schließen',
  failed: 'Der Link konnte nicht erstellt werden. Bitte versuche es erneut.',
} satisfies Bundle;
