import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), es. */
export default {
  link: 'Enlace a {{title}}',
  shareVia: 'Compartir…',
  copy: 'Copiar enlace',
  qr: 'Código QR del enlace a {{title}}',
  scan: 'Escanéalo para abrirlo en otro teléfono.',
  close: 'Cerrar compartir',
  failed: 'No pudimos crear el enlace. Inténtalo de nuevo.',
} satisfies Bundle;
