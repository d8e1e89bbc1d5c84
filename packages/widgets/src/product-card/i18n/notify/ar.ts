import type { Bundle } from '../../../i18n/i18n.js';

/** The card's "Notify me" panel ("product-card-notify" namespace), ar. */
export default {
  pushIntro: 'سنرسل إشعارًا إلى هذا الجهاز عندما يتوفر {{title}} من جديد.',
  pushIntroPrice: 'سنرسل إشعارًا إلى هذا الجهاز عند انخفاض سعر {{title}}.',
  pushOn: 'تفعيل الإشعارات',
  emailInstead: 'أفضّل البريد الإلكتروني',
  emailIntro: 'سنراسلك عندما يتوفر {{title}} من جديد.',
  emailIntroPrice: 'سنراسلك عبر البريد الإلكتروني عند انخفاض سعر {{title}}.',
  email: 'البريد الإلكتروني',
  submit: 'أعلمني',
  sending: 'جارٍ الإرسال…',
  subscribed: 'سنُعلمك.',
  confirm: 'تحقّق من بريدك الوارد لتأكيد الاشتراك.',
  failed: 'تعذّر الاشتراك. حاول مرة أخرى.',
  blocked: 'الإشعارات محظورة في هذا المتصفح. يمكننا مراسلتك بالبريد بدلًا من ذلك.',
  invalidEmail: 'أدخل بريدًا إلكترونيًا مثل name@example.com.',
  emailUnavailable: 'لا يستطيع هذا المتجر إرسال البريد الآن.',
} satisfies Bundle;
