import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "login-button-membership" namespace: what the account menu's membership view says. It
 * ships in the view's chunk (English bundled there, other languages loaded when needed), so a
 * signed-in menu never downloads it until the shopper opens the view.
 */
export const membershipStrings = defineStrings('login-button-membership', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
