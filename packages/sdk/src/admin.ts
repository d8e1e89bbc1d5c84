import { invalid } from './errors.js';
import type { components } from './generated/api.js';
import { createHttp } from './http.js';
import type {
  AdminMembership,
  AdminReview,
  IdentityProvider,
  IdentityProviderInput,
  Order,
  PointsEntry,
} from './types.js';

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
    identityProviders: {
      /** Upstream OpenID Connect providers ("Continue with Google"). The secret is write-only. */
      list(): Promise<{ data: IdentityProvider[] }> {
        return http.request('/admin/v1/identity-providers');
      },
      get(id: string): Promise<IdentityProvider> {
        return http.request('/admin/v1/identity-providers/{id}', { params: { id } });
      },
      /** Creates or replaces the provider `id` (a slug, as in `provider=`). */
      put(id: string, input: IdentityProviderInput): Promise<IdentityProvider> {
        return http.request('/admin/v1/identity-providers/{id}', {
          method: 'PUT',
          params: { id },
          body: input,
        });
      },
      async remove(id: string): Promise<void> {
        await http.request('/admin/v1/identity-providers/{id}', {
          method: 'DELETE',
          params: { id },
        });
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
      get(orderId: string): Promise<Order> {
        return http.request('/admin/v1/orders/{id}', { params: { id: orderId } });
      },
      /** Ships lines of a paid order (all that is left when `lines` is absent); tells the shopper. */
      createShipment(
        orderId: string,
        input: components['schemas']['ShipmentInput'],
      ): Promise<Order> {
        return http.request('/admin/v1/orders/{id}/shipments', {
          method: 'POST',
          params: { id: orderId },
          body: input,
        });
      },
      /** A carrier's tracking event; out_for_delivery and delivered tell the shopper. */
      addTrackingEvent(
        orderId: string,
        shipmentId: string,
        input: components['schemas']['TrackingEventInput'],
      ): Promise<Order> {
        return http.request('/admin/v1/orders/{id}/shipments/{shipmentId}/events', {
          method: 'POST',
          params: { id: orderId, shipmentId },
          body: input,
        });
      },
      /** Refunds the return's lines (exactly their share of the total) and restocks them. */
      approveReturn(orderId: string, returnId: string): Promise<Order> {
        return http.request('/admin/v1/orders/{id}/returns/{returnId}/approve', {
          method: 'POST',
          params: { id: orderId, returnId },
        });
      },
      refuseReturn(orderId: string, returnId: string, note?: string): Promise<Order> {
        return http.request('/admin/v1/orders/{id}/returns/{returnId}/refuse', {
          method: 'POST',
          params: { id: orderId, returnId },
          body: note ? { note } : {},
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
    membership: {
      /** The store's membership: tiers' perks, paid plans, early access. */
      get(): Promise<AdminMembership> {
        return http.request('/admin/v1/membership');
      },
      /** Replaces it whole (tiers named as in the points rules). */
      put(membership: AdminMembership): Promise<AdminMembership> {
        return http.request('/admin/v1/membership', { method: 'PUT', body: membership });
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
