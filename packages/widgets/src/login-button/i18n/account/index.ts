import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "login-button-account" namespace: what the signed-in menu button says. It ships in the
 * button's chunk (account-menu.ts: English bundled there, other languages loaded with it),
 * which loads at the first sign-in: a signed-out page never downloads it.
 */
export const accountStrings = defineStrings('login-button-account', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
