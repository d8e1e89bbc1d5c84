import { invalid } from './errors.js';
import type { components } from './generated/api.js';
import type { Http } from './http.js';
import type { Order, Page } from './types.js';

/** Why a shopper returns lines (a fixed list; `comment` says more). */
export type ReturnReason = components['schemas']['ReturnRequestInput']['reason'];

export interface ReturnRequestOptions {
  /** The order lines (`Order.lines[].id`) and how many of each to return. */
  lines: { lineId: string; quantity: number }[];
  reason: ReturnReason;
  comment?: string;
}

/**
 * The signed-in customer's orders (`GET /v1/orders`), one order (a customer's own, or a
 * guest order by its id), return requests, and the link to the hosted orders page. The
 * client imports this module on the first orders call (a separate chunk for bundlers).
 */
export function createOrders(http: Http) {
  const orderId = (id: string) =>
    typeof id === 'string' && id ? null : invalid('An order id is required.', 'id');
  return {
    /** Newest first, with status, lines, totals, shipping address, shipments and returns. */
    list(options: { first?: number; after?: string } = {}): Promise<Page<Order>> {
      return http.request('/v1/orders', { query: options });
    },
    get(id: string): Promise<Order> {
      const bad = orderId(id);
      if (bad) return Promise.reject(bad);
      return http.request('/v1/orders/{id}', { params: { id } });
    },
    /** Asks to return lines of a paid order within the store's return window. */
    requestReturn(id: string, options: ReturnRequestOptions): Promise<Order> {
      const bad = orderId(id);
      if (bad) return Promise.reject(bad);
      return http.request('/v1/orders/{id}/returns', {
        method: 'POST',
        params: { id },
        body: options,
      });
    },
    /**
     * A link to the signed-in customer's orders on the hosted page, valid for a few minutes:
     * open it at once (`location.assign(url)`). It carries no access token.
     */
    async pageUrl(options: { locale?: string } = {}): Promise<string> {
      const { url } = await http.request('/v1/orders/page-link', { method: 'POST' });
      return options.locale ? `${url}&locale=${encodeURIComponent(options.locale)}` : url;
    },
  };
}

export type OrdersResource = ReturnType<typeof createOrders>;
