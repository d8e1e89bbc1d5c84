import { defineStrings } from '../../../i18n/i18n.js';
import en from './en.js';

/**
 * The "review-form" namespace: what the write-a-review form says (its fields, buttons, errors
 * and "updated" announcements). It ships in the form's chunk (English bundled there, other
 * languages loaded when needed), so a visitor who only reads reviews never downloads it.
 */
export const reviewFormStrings = defineStrings('review-form', en, {
  'zh-CN': () => import('./zh-CN.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  ru: () => import('./ru.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ar: () => import('./ar.js'),
});
