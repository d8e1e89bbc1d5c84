import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), pt-BR. */
export default {
  heading: {
    boughtTogether: 'Comprados juntos com frequência',
    boughtWith: 'Comprado com frequência com {{title}}',
    similar: 'Produtos semelhantes',
    similarTo: 'Semelhantes a {{title}}',
    forYou: 'Escolhidos para você',
    popular: 'Populares em {{currency}}',
    recentlyViewed: 'Vistos recentemente',
  },
  empty: 'Ainda não há recomendações.',
  emptyViewed: 'Os produtos que você visualizar aparecerão aqui.',
  loadFailed: 'Não foi possível carregar as recomendações.',
} satisfies Bundle;
