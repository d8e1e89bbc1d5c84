import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), ru. */
export default {
  heading: {
    boughtTogether: 'Часто покупают вместе',
    boughtWith: 'Часто покупают с товаром «{{title}}»',
    similar: 'Похожие товары',
    similarTo: 'Похоже на «{{title}}»',
    forYou: 'Подобрано для вас',
    popular: 'Популярно в {{currency}}',
    recentlyViewed: 'Вы недавно смотрели',
  },
  empty: 'Пока нечего порекомендовать.',
  emptyViewed: 'Здесь появятся товары, которые вы смотрели.',
  loadFailed: 'Не удалось загрузить рекомендации.',
} satisfies Bundle;
