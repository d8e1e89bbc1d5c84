import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's notifications view ("login-button-notifications" namespace), ar. */
export default {
  back: 'رجوع',
  topic: {
    'back-in-stock': 'عاد إلى المخزون: {{product}}',
    'price-drop': 'انخفاض السعر: {{product}}',
    promotions: 'العروض الترويجية',
    'points-expiry': 'نقاط على وشك الانتهاء',
    'order-updates': 'تحديثات الطلبات',
  },
  channel: {
    push: 'إشعار فوري في المتصفح',
    email: 'عبر البريد الإلكتروني',
    emailTo: 'عبر البريد الإلكتروني إلى {{email}}',
  },
  pending: 'بانتظار تأكيدك لعنوان البريد الإلكتروني',
  remove: 'إزالة',
  confirm: 'نعم، أزِله',
  cancel: 'إلغاء',
  confirmQuestion: 'أتريد إيقاف هذه الإشعارات؟',
  removed: 'أُزيل: {{name}}.',
  empty: 'لا تصلك أي إشعارات من هذا المتجر. توفّر المنتجات النافدة خيار «أعلمني».',
  error: {
    load: 'تعذّر تحميل إشعاراتك.',
    remove: 'تعذّرت الإزالة. يُرجى إعادة المحاولة.',
  },
} satisfies Bundle;
