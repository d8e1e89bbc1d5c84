/**
 * @kiosk/widgets: configuration, controllers, events and types for building on the Kiosk
 * elements. The elements themselves are defined by side-effect imports
 * (`@kiosk/widgets/product-card.js`, …) or by the CDN loader.
 */

export type { Cart, CartLine, Customer, Money, Product, Review, Variant } from '@kiosk/sdk';
export {
  attributionRef,
  type ConfigureOptions,
  clientFor,
  configure,
  defaultClient,
  type KioskConfig,
} from './config.js';
export { closestStore, type StoreScope } from './context.js';
export * from './controllers/index.js';
export * from './events/index.js';
export { amountOf, formatMoney, formatNumber } from './format.js';
export {
  type Bundle,
  defineStrings,
  type Language,
  languages,
  matchLanguage,
  type Strings,
} from './i18n/i18n.js';
export { KioskElement } from './kiosk-element.js';
export { sharedStyles } from './styles/shared.styles.js';
