import { invalid } from './errors.js';
import { createHttp } from './http.js';
import type { Review } from './types.js';

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
  const post = <T>(path: string, body: unknown, method: 'POST' | 'PUT' = 'POST') =>
    http.request<T>(`/admin/v1${path}`, { method, body }).then((r) => r.data);

  return {
    customers: {
      /** A one-time token for `kiosk.auth.signInWithToken` (single sign-on from the brand's accounts). */
      createSessionToken(input: { email: string; name?: string }) {
        return post<{ token: string; expiresAt: string }>('/customers/session-tokens', input);
      },
    },
    orders: {
      /** Marks an order paid, as a payment webhook would; earns its points. */
      markPaid(orderId: string) {
        return post<{ id: string; status: string }>(
          `/orders/${encodeURIComponent(orderId)}/mark-paid`,
          {},
        );
      },
    },
    reviews: {
      moderate(reviewId: string, status: 'approved' | 'rejected') {
        return post<Review>(`/reviews/${encodeURIComponent(reviewId)}/moderation`, { status });
      },
    },
    points: {
      /** A manual grant (+) or deduction (-). */
      adjust(input: { email: string; points: number; reason: string }) {
        return post<{ id: string; points: number }>('/points/adjustments', input);
      },
    },
  };
}

export type KioskAdminClient = ReturnType<typeof createAdminClient>;
