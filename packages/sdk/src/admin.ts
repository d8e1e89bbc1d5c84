import { invalid } from './errors.js';
import { createHttp } from './http.js';
import type { AdminReview, Order, PointsEntry } from './types.js';

export interface AdminClientOptions {
  endpoint: string;
  /** The store's secret key (sk_…). Server side only. */
  secretKey: string;
  fetch?: typeof fetch;
}

/**
 * The admin client, for the brand's own servers: it holds the secret key, so it refuses to
 * run in a browser page.
 */
export function createAdminClient(options: AdminClientOptions) {
  if (typeof window !== 'undefined' && typeof window.document !== 'undefined') {
    throw invalid(
      'createAdminClient holds a secret key: use it on a server, never in a page.',
      'secretKey',
    );
  }
  if (typeof options?.secretKey !== 'string' || !options.secretKey.startsWith('sk_')) {
    throw invalid('secretKey must be a secret key (sk_…).', 'secretKey');
  }
  const http = createHttp({
    endpoint: options.endpoint,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    headers: () => ({ authorization: `Bearer ${options.secretKey}` }),
  });

  return {
    customers: {
      /** A one-time token for `kiosk.auth.signInWithToken` (single sign-on from the brand's accounts). */
      createSessionToken(input: { email: string; name?: string }) {
        return http.request('/admin/v1/customers/session-tokens', { method: 'POST', body: input });
      },
    },
    orders: {
      /** Marks an order paid, as a payment webhook would; earns its points. */
      markPaid(orderId: string): Promise<Order> {
        return http.request('/admin/v1/orders/{id}/mark-paid', {
          method: 'POST',
          params: { id: orderId },
        });
      },
    },
    reviews: {
      moderate(reviewId: string, status: 'approved' | 'rejected'): Promise<AdminReview> {
        return http.request('/admin/v1/reviews/{id}/moderation', {
          method: 'POST',
          params: { id: reviewId },
          body: { status },
        });
      },
    },
    points: {
      /** A manual grant (+) or deduction (-). */
      adjust(input: { email: string; points: number; reason: string }): Promise<PointsEntry> {
        return http.request('/admin/v1/points/adjustments', { method: 'POST', body: input });
      },
    },
  };
}

export type KioskAdminClient = ReturnType<typeof createAdminClient>;
