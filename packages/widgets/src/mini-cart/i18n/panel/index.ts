import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "mini-cart-panel" namespace: everything the open cart says. It ships in the panel's
 * chunk (English bundled there, other languages loaded when needed), so a page whose cart
 * stays closed never downloads it.
 */
export const miniCartPanelStrings = defineStrings('mini-cart-panel', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
