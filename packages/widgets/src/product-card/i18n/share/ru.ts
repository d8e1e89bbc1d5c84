import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), ru. */
export default {
  link: 'Ссылка на {{title}}',
  shareVia: 'Поделиться…',
  copy: 'Копировать ссылку',
  qr: 'QR-код ссылки на {{title}}',
  scan: 'Отсканируйте, чтобы открыть на другом телефоне.',
  close: 'Закрыть',
  failed: 'Не удалось создать ссылку. Попробуйте ещё раз.',
} satisfies Bundle;
