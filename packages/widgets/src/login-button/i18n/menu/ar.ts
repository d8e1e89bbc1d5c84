import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's strings ("login-button-menu" namespace), ar. */
export default {
  notifications: 'الإشعارات',
  passkeys: 'مفاتيح المرور',
  membership: 'العضوية',
  orders: 'الطلبات',
  signOut: 'تسجيل الخروج',
  tier: 'فئة {{tier}}',
  toNextTier_one: 'بقيت نقطة واحدة حتى {{tier}}',
  toNextTier_two: 'بقيت نقطتان حتى {{tier}}',
  toNextTier_few: 'بقيت {{n}} نقاط حتى {{tier}}',
  toNextTier_many: 'بقيت {{n}} نقطة حتى {{tier}}',
  toNextTier_other: 'بقيت {{n}} نقطة حتى {{tier}}',
  topTier: 'أنت في أعلى فئة',
  history: 'أحدث النقاط',
  historyEmpty: 'لا نقاط بعد: تكسبها عند التسوّق.',
  historyError: 'تعذّر تحميل سجل نقاطك.',
  entry: {
    earn: 'دُفع الطلب',
    redeem: 'استُخدمت عند الدفع',
    expire: 'انتهت صلاحيتها',
    reverse: 'تعديل على الطلب',
    adjust: 'تعديل',
    gift: 'هدية',
  },
  error: {
    view: 'تعذّر فتح «{{view}}». تحقّق من اتصالك وحاول مرة أخرى.',
    signOutFailed: 'تعذّر الوصول إلى المتجر، لكن تم تسجيل خروجك على هذا الجهاز.',
  },
} satisfies Bundle;
