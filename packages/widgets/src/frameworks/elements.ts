import type { KioskAddToCartEvent } from '../events/add-to-cart.js';
import type { KioskAnalyticsEvent } from '../events/analytics.js';
import type { KioskCartChangeEvent } from '../events/cart-change.js';
import type { KioskCheckoutEvent } from '../events/checkout.js';
import type { KioskErrorEvent } from '../events/error.js';
import type { KioskLoginEvent } from '../events/login.js';
import type { KioskLogoutEvent } from '../events/logout.js';
import type { KioskReviewSubmitEvent } from '../events/review-submit.js';
import type { KioskLoginButton } from '../login-button/login-button.js';
import type { KioskMiniCart } from '../mini-cart/mini-cart.js';
import type { KioskProductCard } from '../product-card/product-card.js';
import type { KioskRecommendations } from '../recommendations/recommendations.js';
import type { KioskReviewList } from '../review-list/review-list.js';
import type { KioskStore } from '../store/store.js';

/**
 * What each element takes in a framework's template, typed from the element classes. The
 * product card's `ref` (attribution code) is left out: React and Vue keep `ref` for their
 * own element references; set `element.ref` or use the page's `?kiosk_ref=` there.
 */
export interface KioskElementAttributes {
  'kiosk-product-card': Partial<
    Pick<KioskProductCard, 'product' | 'variant' | 'layout' | 'locale' | 'currency'>
  >;
  'kiosk-mini-cart': Partial<Pick<KioskMiniCart, 'open' | 'placement' | 'locale' | 'currency'>>;
  'kiosk-review-list': Partial<
    Pick<KioskReviewList, 'product' | 'sort' | 'rating' | 'locale' | 'currency'>
  > & { 'page-size'?: number | `${number}` };
  'kiosk-recommendations': Partial<
    Pick<KioskRecommendations, 'kind' | 'product' | 'limit' | 'layout' | 'locale' | 'currency'>
  >;
  'kiosk-login-button': Partial<Pick<KioskLoginButton, 'mode' | 'locale' | 'currency'>>;
  'kiosk-store': Partial<Pick<KioskStore, 'endpoint' | 'locale' | 'currency'>> & {
    'store-key'?: string;
  };
}

/** The events each element fires (CONTRACT §4), by name. */
export interface KioskElementEvents {
  'kiosk-product-card': {
    'kiosk-add-to-cart': KioskAddToCartEvent;
    'kiosk-analytics': KioskAnalyticsEvent;
    'kiosk-error': KioskErrorEvent;
  };
  'kiosk-mini-cart': {
    'kiosk-cart-change': KioskCartChangeEvent;
    'kiosk-checkout': KioskCheckoutEvent;
    'kiosk-analytics': KioskAnalyticsEvent;
    'kiosk-error': KioskErrorEvent;
  };
  'kiosk-review-list': {
    'kiosk-review-submit': KioskReviewSubmitEvent;
    'kiosk-error': KioskErrorEvent;
  };
  'kiosk-recommendations': {
    'kiosk-error': KioskErrorEvent;
  };
  'kiosk-login-button': {
    'kiosk-login': KioskLoginEvent;
    'kiosk-logout': KioskLogoutEvent;
    'kiosk-error': KioskErrorEvent;
  };
  'kiosk-store': Record<never, never>;
}

export type KioskTagName = keyof KioskElementAttributes;
