import en from './en.js';
import { defineStrings } from './i18n.js';

/** The "common" namespace: retry, loading and error messages every element uses. */
export const commonStrings = defineStrings('common', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
