import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-login-button> strings ("login-button" namespace), ar. */
export default {
  signIn: 'تسجيل الدخول',
  signingIn: 'جارٍ تسجيل الدخول…',
  signOut: 'تسجيل الخروج',
  signingOut: 'جارٍ تسجيل الخروج…',
  account: 'حسابك',
  points_zero: 'لا توجد نقاط',
  points_one: 'نقطة واحدة',
  points_two: 'نقطتان',
  points_few: '{{n}} نقاط',
  points_many: '{{n}} نقطة',
  points_other: '{{n}} نقطة',
  tier: 'فئة {{tier}}',
  signedIn: 'سجّلت الدخول باسم {{name}}.',
  signedOut: 'لقد سجّلت الخروج.',
  error: {
    cancelled: 'تم إلغاء تسجيل الدخول.',
    popup: 'تعذّر فتح نافذة تسجيل الدخول. اسمح بالنوافذ المنبثقة لهذا الموقع ثم أعد المحاولة.',
    failed: 'تعذّر تسجيل دخولك. يُرجى إعادة المحاولة.',
    signOutFailed: 'تعذّر الوصول إلى المتجر، لكن تم تسجيل خروجك على هذا الجهاز.',
  },
} satisfies Bundle;
