import type { Bundle } from '../../../i18n/i18n.js';

/** The account menu's membership view ("login-button-membership" namespace), ar. */
export default {
  back: 'رجوع',
  noTier: 'لا فئة بعد',
  fromPoints_zero: 'لا نقاط متراكمة بعد',
  fromPoints_one: 'بفضل نقطة واحدة متراكمة',
  fromPoints_two: 'بفضل نقطتين متراكمتين',
  fromPoints_few: 'بفضل {{n}} نقاط متراكمة',
  fromPoints_many: 'بفضل {{n}} نقطة متراكمة',
  fromPoints_other: 'بفضل {{n}} نقطة متراكمة',
  fromPlan: 'بفضل عضويتك المدفوعة، حتى {{date}}',
  plan: 'عضويتك المدفوعة ({{tier}}) سارية حتى {{date}}',
  perks: 'مزاياك',
  noPerks: 'لا مزايا بعد.',
  perk: {
    percentOff: 'خصم {{percent}} بأسعار الأعضاء',
    multiplier: 'نقاط ×{{n}} على طلباتك',
    freeShipping: 'شحن مجاني لكل الطلبات',
    freeShippingOver: 'شحن مجاني للطلبات فوق {{amount}}',
    freeShippingSome: 'شحن مجاني فوق حد أدنى للطلب',
    birthday_one: 'هدية عيد ميلاد: نقطة واحدة',
    birthday_two: 'هدية عيد ميلاد: نقطتان',
    birthday_few: 'هدية عيد ميلاد: {{n}} نقاط',
    birthday_many: 'هدية عيد ميلاد: {{n}} نقطة',
    birthday_other: 'هدية عيد ميلاد: {{n}} نقطة',
  },
  error: {
    load: 'تعذّر تحميل عضويتك.',
  },
} satisfies Bundle;
