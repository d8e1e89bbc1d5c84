import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "login-button-menu" namespace: what the open account menu says. It ships in the menu's
 * chunk (account-panel.ts: English bundled there, other languages loaded with it), which loads
 * the first time the shopper opens the menu: a page never downloads it before.
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
