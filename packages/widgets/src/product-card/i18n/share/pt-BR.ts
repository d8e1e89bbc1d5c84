import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), pt-BR. */
export default {
  link: 'Link para {{title}}',
  shareVia: 'Compartilhar…',
  copy: 'Copiar link',
  qr: 'QR code do link para {{title}}',
  scan: 'Escaneie para abrir em outro celular.',
  close: 'Fechar compartilhamento',
  failed: 'Não foi possível criar o link. Tente novamente.',
} satisfies Bundle;
