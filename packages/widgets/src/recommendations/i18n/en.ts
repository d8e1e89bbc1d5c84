import type { Bundle } from '../../i18n/i18n.js';

/** <kiosk-recommendations> strings ("recommendations" namespace), en. */
export default {
  heading: {
    boughtTogether: 'Often bought together',
    boughtWith: 'Often bought with {{title}}',
    similar: 'Similar products',
    similarTo: 'Similar to {{title}}',
    forYou: 'Picked for you',
    popular: 'Popular in {{currency}}',
    recentlyViewed: 'Recently viewed',
  },
  empty: 'Nothing to recommend yet.',
  emptyViewed: 'Products you look at will show here.',
  loadFailed: 'We couldn’t load recommendations.',
} satisfies Bundle;
