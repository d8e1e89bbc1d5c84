import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Stable error codes. Clients switch on these, so never rename one; add new ones instead.
 * The HTTP status is the default for the code.
 */
export const errorCodes = {
  validation_failed: 400,
  invalid_json: 400,
  unsupported_currency: 400,
  /** A report's from/to: from after to, or a period longer than MAX_REPORT_DAYS. */
  invalid_date_range: 400,
  /** A payment provider's webhook whose signature (or timestamp) does not check out. */
  invalid_signature: 400,
  invalid_key: 401,
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  /** A product members of some tiers may buy before a date (issue 17), for anyone else. */
  early_access: 403,
  origin_not_allowed: 403,
  not_found: 404,
  product_not_found: 404,
  variant_not_found: 404,
  cart_not_found: 404,
  line_not_found: 404,
  order_not_found: 404,
  review_not_found: 404,
  customer_not_found: 404,
  identity_provider_not_found: 404,
  passkey_not_found: 404,
  subscription_not_found: 404,
  message_not_found: 404,
  campaign_not_found: 404,
  webhook_not_found: 404,
  /** A payment provider's webhook about a payment Kiosk never started. */
  payment_not_found: 404,
  shipment_not_found: 404,
  return_not_found: 404,
  /** GET /oembed for a URL that is not a share page of this server. */
  unsupported_url: 404,
  conflict: 409,
  cart_not_active: 409,
  order_not_pending: 409,
  order_not_paid: 409,
  order_not_cancellable: 409,
  order_expired: 409,
  /** Approving a refused return, or refusing an approved one. */
  return_already_decided: 409,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  out_of_stock: 422,
  insufficient_points: 422,
  points_limit_exceeded: 422,
  empty_cart: 422,
  /** A shipment or return of more of a line than is left to ship or return. */
  quantity_unavailable: 422,
  /** A return asked for after the store's return window. */
  return_window_closed: 422,
  price_unavailable: 422,
  quantity_limit_exceeded: 422,
  /** An amount past MAX_AMOUNT_MINOR: a cart that would grow past it, or its checkout. */
  amount_too_large: 422,
  /** A provider's payment whose amount, currency or order differs from the order's. */
  payment_mismatch: 422,
  /** Email notifications asked of a server without mail (KIOSK_SMTP_URL). */
  channel_unavailable: 422,
  /** A store at MAX_ENDPOINTS_PER_STORE webhook endpoints. */
  webhook_limit_reached: 422,
  /** An address the checkout refused: details.fields names each field's code (address_required, invalid_postal_code, …). */
  address_required: 422,
  invalid_postal_code: 422,
  invalid_address: 422,
  /** A country no shipping zone of the store covers, or no rate of its zone fits the order. */
  shipping_unavailable: 422,
  /** A rate id that the order's destination is not offered. */
  shipping_rate_unavailable: 422,
  rate_limited: 429,
  internal_error: 500,
  /** GET /oembed in a format other than json (the oEmbed spec's 501). */
  unsupported_format: 501,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorCodes;

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    status?: ContentfulStatusCode,
  ) {
    super(message);
    this.status = status ?? errorCodes[code];
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** The 400 for one field a schema cannot judge alone (a rule of the store, of the moment). */
export function invalidField(path: string, message: string): ApiError {
  return new ApiError('validation_failed', 'The request is not valid.', [{ path, message }]);
}
