export { KioskAddToCartEvent } from './add-to-cart.js';
export type {
  AnalyticsItem,
  AnalyticsName,
  AnalyticsParams,
  KioskAnalyticsEvent,
} from './analytics.js';
export { KioskCartChangeEvent } from './cart-change.js';
export { KioskCheckoutEvent } from './checkout.js';
export { KioskErrorEvent } from './error.js';
export { KioskLoginEvent } from './login.js';
export { KioskLogoutEvent } from './logout.js';
export { KioskReviewSubmitEvent } from './review-submit.js';
