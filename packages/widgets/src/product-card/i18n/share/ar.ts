import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), ar. */
export default {
  link: 'رابط {{title}}',
  shareVia: 'مشاركة…',
  copy: 'نسخ الرابط',
  qr: 'رمز QR لرابط {{title}}',
  scan: 'امسحه ضوئيًا لفتحه على هاتف آخر.',
  close: 'إغلاق المشاركة',
  failed: 'تعذّر إنشاء الرابط. يُرجى المحاولة مرة أخرى.',
} satisfies Bundle;
