/** One item of a GA4 ecommerce event (docs/widgets/analytics.md). */
export interface AnalyticsItem {
  item_id: string;
  item_name: string;
  item_variant: string;
  /** Major units (19.99), as GA4 wants. */
  price: number;
  quantity: number;
  item_list_id?: string;
  index?: number;
}

/** GA4's ecommerce parameters, plus where the shopper came from. */
export interface AnalyticsParams {
  currency: string;
  /** Σ price × quantity, in major units, summed exactly from the API's amounts. */
  value: number;
  items: AnalyticsItem[];
  item_list_id?: string;
  /** The creator code (attribution), when there is one. */
  ref?: string;
  channel: 'creator' | 'campaign' | 'direct';
}

export type AnalyticsName = 'view_item_list' | 'view_item' | 'add_to_cart' | 'begin_checkout';

/**
 * `kiosk-analytics`: a GA4 ecommerce event, bubbling and composed, for the page's own tags
 * (`gtag('event', e.detail.name, e.detail.params)`).
 */
export type KioskAnalyticsEvent = CustomEvent<{ name: AnalyticsName; params: AnalyticsParams }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-analytics': KioskAnalyticsEvent;
  }
}
