import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "product-card-share" namespace: what a card's share panel says. It ships in the panel's
 * chunk (English bundled there, other languages loaded when needed), so a page of cards
 * downloads none of it until a shopper presses share.
 */
export const shareStrings = defineStrings('product-card-share', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
