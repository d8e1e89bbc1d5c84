const rtl = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb']);

/** Text direction of a language tag. (Its own module: price formatting needs it, not i18next.) */
export const directionOf = (tag: string): 'rtl' | 'ltr' =>
  rtl.has(tag.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
