import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), fr. */
export default {
  heading: {
    boughtTogether: 'Souvent achetés ensemble',
    boughtWith: 'Souvent acheté avec {{title}}',
    similar: 'Produits similaires',
    similarTo: 'Similaires à {{title}}',
    forYou: 'Sélectionnés pour vous',
    popular: 'Populaires en {{currency}}',
    recentlyViewed: 'Consultés récemment',
  },
  empty: 'Pas encore de recommandations.',
  emptyViewed: 'Les produits que vous consultez apparaîtront ici.',
  loadFailed: 'Impossible de charger les recommandations.',
} satisfies Bundle;
