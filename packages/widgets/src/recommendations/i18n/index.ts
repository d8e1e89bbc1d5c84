import { defineStrings } from '../../i18n/i18n.js';
import en from './en.js';

/** The "recommendations" namespace: English bundled, other languages loaded when needed. */
export const recommendationsStrings = defineStrings('recommendations', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
