import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's passkeys view ("login-button-passkeys" namespace), ar. */
export default {
  back: 'رجوع',
  added: 'أُضيف في {{date}}',
  lastUsed: 'آخر استخدام: {{when}}',
  neverUsed: 'لم يُستخدم بعد',
  remove: 'إزالة',
  confirm: 'نعم، أزِله',
  cancel: 'إلغاء',
  confirmQuestion: 'أتريد إزالة مفتاح المرور هذا؟ لن تتمكن بعدها من تسجيل الدخول به.',
  removed: 'أُزيل مفتاح المرور: {{name}}.',
  empty: 'لا توجد مفاتيح مرور بعد. سنعرض عليك إنشاء واحد عند تسجيل دخولك في المرة القادمة.',
  error: {
    load: 'تعذّر تحميل مفاتيح المرور الخاصة بك.',
    remove: 'تعذّرت إزالة مفتاح المرور. يُرجى إعادة المحاولة.',
  },
} satisfies Bundle;
