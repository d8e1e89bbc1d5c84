import type { Bundle } from '../../../i18n/i18n.js';

/** The signed-in menu button's strings ("login-button-account" namespace), ar. */
export default {
  signingOut: 'جارٍ الخروج…',
  trigger: '{{name}}، {{points}}',
  points_zero: 'لا توجد نقاط',
  points_one: 'نقطة واحدة',
  points_two: 'نقطتان',
  points_few: '{{n}} نقاط',
  points_many: '{{n}} نقطة',
  points_other: '{{n}} نقطة',
  error: {
    menu: 'تعذّر فتح القائمة. تحقّق من اتصالك وحاول مرة أخرى.',
  },
} satisfies Bundle;
