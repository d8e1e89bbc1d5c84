import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), de. */
export default {
  heading: {
    boughtTogether: 'Wird oft zusammen gekauft',
    boughtWith: 'Wird oft mit {{title}} gekauft',
    similar: 'Ähnliche Produkte',
    similarTo: 'Ähnlich wie {{title}}',
    forYou: 'Für dich ausgewählt',
    popular: 'Beliebt in {{currency}}',
    recentlyViewed: 'Zuletzt angesehen',
  },
  empty: 'Noch keine Empfehlungen.',
  emptyViewed: 'Produkte, die du dir ansiehst, erscheinen hier.',
  loadFailed: 'Die Empfehlungen konnten nicht geladen werden.',
} satisfies Bundle;
