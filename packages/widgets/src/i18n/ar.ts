import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), ar. */
export default {
  loading: 'جارٍ التحميل…',
  retry: 'إعادة المحاولة',
  error: {
    generic: 'حدث خطأ ما.',
    network: 'يتعذّر الوصول إلى المتجر الآن. تحقّق من اتصالك وحاول مرة أخرى.',
    notConfigured: 'لم يتم إعداد هذا المتجر بعد.',
  },
} satisfies Bundle;
