import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "login-button-menu" namespace: what the signed-in menu button and its menu say. It ships
 * in the menu's chunk (English bundled there, other languages loaded with it), which loads at
 * the first sign-in: a signed-out page never downloads it.
 */
export const menuStrings = defineStrings('login-button-menu', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
