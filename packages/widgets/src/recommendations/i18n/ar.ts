import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), ar. */
export default {
  heading: {
    boughtTogether: 'يُشترى معًا غالبًا',
    boughtWith: 'يُشترى غالبًا مع {{title}}',
    similar: 'منتجات مشابهة',
    similarTo: 'مشابه لـ {{title}}',
    forYou: 'مختارات لك',
    popular: 'رائج بعملة {{currency}}',
    recentlyViewed: 'شوهد مؤخرًا',
  },
  empty: 'لا توجد توصيات بعد.',
  emptyViewed: 'ستظهر هنا المنتجات التي تشاهدها.',
  loadFailed: 'تعذّر تحميل التوصيات.',
} satisfies Bundle;
