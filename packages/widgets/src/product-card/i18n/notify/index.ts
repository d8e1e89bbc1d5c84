import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "product-card-notify" namespace: what a sold-out card's "Notify me" panel says. It ships
 * in the panel's chunk (English bundled there, other languages loaded when needed), so a page
 * of cards downloads none of it until a shopper asks to be notified.
 */
export const notifyStrings = defineStrings('product-card-notify', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
