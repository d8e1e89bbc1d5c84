import type { Bundle } from '../../../i18n/i18n.js';

/** <kiosk-review-list> form strings ("review-form" namespace), ar. */
export default {
  heading: 'اكتب مراجعة',
  rating: 'تقييمك',
  title: 'العنوان',
  body: 'مراجعتك',
  chars: '{{count}} / {{max}}',
  charsLabel: '{{count}} من {{max}} حرفًا كحد أقصى',
  submit: 'إرسال المراجعة',
  submitting: 'جارٍ الإرسال…',
  editHeading: 'تعديل مراجعتك',
  editHint: 'قد يراجع المتجر المراجعة المعدّلة مرة أخرى قبل نشرها.',
  save: 'حفظ التغييرات',
  saving: 'جارٍ الحفظ…',
  cancel: 'إلغاء',
  errors: {
    rating: 'اختر تقييمًا بالنجوم.',
    title: 'أضف عنوانًا.',
    body: 'اكتب مراجعتك.',
    tooLong: 'النص طويل جدًا: {{max}} حرفًا كحد أقصى.',
    invalid: 'يُرجى التحقق من مراجعتك والمحاولة مرة أخرى.',
    signedOut: 'انتهت جلستك. سجّل الدخول مرة أخرى لنشر مراجعتك.',
    failed: 'تعذّر نشر مراجعتك.',
  },
  saved: 'تم تحديث مراجعتك.',
  savedPending: 'تم تحديث مراجعتك. ستظهر بعد المراجعة والموافقة عليها.',
} satisfies Bundle;
