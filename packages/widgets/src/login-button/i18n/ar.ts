import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), ar. */
export default {
  signIn: 'تسجيل الدخول',
  signingIn: 'جارٍ الدخول…',
  signedIn: 'سجّلت الدخول باسم {{name}}.',
  signedOut: 'لقد سجّلت الخروج.',
  error: {
    cancelled: 'تم إلغاء تسجيل الدخول.',
    popup: 'تعذّر فتح نافذة تسجيل الدخول. اسمح بالنوافذ المنبثقة لهذا الموقع ثم أعد المحاولة.',
    failed: 'تعذّر تسجيل دخولك. يُرجى إعادة المحاولة.',
    account: 'تعذّر تحميل حسابك. تحقّق من اتصالك وأعد تحميل الصفحة.',
  },
} satisfies Bundle;
