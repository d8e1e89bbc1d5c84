import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), es. */
export default {
  heading: {
    boughtTogether: 'Se compran juntos a menudo',
    boughtWith: 'Se compra a menudo con {{title}}',
    similar: 'Productos similares',
    similarTo: 'Similares a {{title}}',
    forYou: 'Elegidos para ti',
    popular: 'Populares en {{currency}}',
    recentlyViewed: 'Vistos recientemente',
  },
  empty: 'Aún no hay recomendaciones.',
  emptyViewed: 'Aquí aparecerán los productos que veas.',
  loadFailed: 'No pudimos cargar las recomendaciones.',
} satisfies Bundle;
