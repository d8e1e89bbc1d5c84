import { defineStrings } from '../../i18n/i18n.js';
import en from './en.js';

/**
 * The "mini-cart" namespace: what the closed cart says (its trigger and count), English
 * bundled, other languages loaded when needed. The open panel's strings are in ./panel.
 */
export const miniCartStrings = defineStrings('mini-cart', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
