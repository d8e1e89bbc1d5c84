import { Webhook } from 'standardwebhooks';
import { parseMinor } from '../money.js';
import type { Store } from '../stores.js';
import type {
  AsyncProvider,
  OutOfBandProvider,
  ProviderEvent,
  ProviderPayment,
  RedirectProvider,
} from './provider.js';
import { testNetworkCredentials } from './test-network-credentials.js';

/** Where the test payment network is and the secret shared with it (server configuration). */
export interface PaymentNetworkConfig {
  url: string;
  secret: string;
}

/** The network could not be reached or answered something unexpected. */
export class PaymentNetworkError extends Error {
  constructor(
    message: string,
    /** The network's HTTP status and error code when it answered (a 4xx is its refusal). */
    readonly answer?: { status: number; code: string },
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;

interface NetworkPayment {
  id: string;
  status: ProviderPayment['status'];
  amount_minor: number;
  currency: string;
  order_id: string;
  redirect_url?: string;
  voucher?: { code: string; url: string; expires_at: string };
}

interface NetworkRefund {
  id: string;
  status: 'succeeded';
}

async function call<T = NetworkPayment>(
  config: PaymentNetworkConfig,
  store: Store,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const { apiKey } = testNetworkCredentials(config.secret, store.id);
  let res: Response;
  try {
    res = await fetch(new URL(path, config.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new PaymentNetworkError('network_unreachable');
  }
  if (!res.ok) {
    const answer = (await res.json().catch(() => ({}))) as { error?: unknown };
    throw new PaymentNetworkError(`network_http_${res.status}`, {
      status: res.status,
      code: typeof answer.error === 'string' ? answer.error : `http_${res.status}`,
    });
  }
  return (await res.json()) as T;
}

function providerPayment(p: NetworkPayment): ProviderPayment {
  return {
    reference: p.id,
    status: p.status,
    amountMinor: p.amount_minor,
    currency: p.currency,
    orderId: p.order_id,
  };
}

/** The signed-webhook checks, shared by both methods: Standard Webhooks with the store's secret. */
function network(config: PaymentNetworkConfig, id: string) {
  const base: Omit<OutOfBandProvider, 'method'> = {
    id,
    // Test money only: a live store never offers it.
    available: (store) => store.mode === 'test',
    async retrieve(store, reference) {
      return providerPayment(
        await call(config, store, `/v1/payments/${encodeURIComponent(reference)}`),
      );
    },
    async refund(store, reference, request) {
      try {
        const r = await call<NetworkRefund>(
          config,
          store,
          `/v1/payments/${encodeURIComponent(reference)}/refunds`,
          { amount_minor: request.amountMinor, currency: request.currency },
          { 'idempotency-key': request.idempotencyKey },
        );
        return { status: 'succeeded', reference: r.id };
      } catch (error) {
        // A 4xx is the network's final word (more than is left, not paid); a 5xx may pass.
        const answer = error instanceof PaymentNetworkError ? error.answer : undefined;
        if (answer && answer.status < 500) return { status: 'refused', reason: answer.code };
        throw error;
      }
    },
    verifyWebhook(store, body, headers): ProviderEvent | undefined {
      const { webhookSecret } = testNetworkCredentials(config.secret, store.id);
      try {
        // Checks the signature and that the timestamp is within 5 minutes (replays later fail).
        const event = new Webhook(webhookSecret).verify(body, headers) as {
          id?: unknown;
          type?: unknown;
          data?: { payment?: unknown };
        };
        if (
          typeof event.id !== 'string' ||
          typeof event.type !== 'string' ||
          typeof event.data?.payment !== 'string'
        ) {
          return undefined;
        }
        return { id: event.id, type: event.type, reference: event.data.payment };
      } catch {
        return undefined;
      }
    },
  };
  return base;
}

/** The test wallet (like PayPal or Alipay): the shopper approves on the network's page. */
export function testWalletProvider(config: PaymentNetworkConfig): RedirectProvider {
  return {
    ...network(config, 'test-wallet'),
    flow: 'redirect',
    method: 'wallet',
    async start(store, order, urls) {
      const p = await call(config, store, '/v1/payments', {
        merchant: store.id,
        method: 'wallet',
        amount_minor: parseMinor(order.total.amount, order.currency),
        currency: order.currency,
        order_id: order.id,
        return_url: urls.returnUrl,
        notify_url: urls.notifyUrl,
      });
      if (!p.redirect_url) throw new PaymentNetworkError('network_no_redirect');
      return { reference: p.id, redirectUrl: p.redirect_url };
    },
  };
}

/** The test voucher (like Boleto or PIX): a number the shopper pays later, before it expires. */
export function testVoucherProvider(config: PaymentNetworkConfig): AsyncProvider {
  return {
    ...network(config, 'test-voucher'),
    flow: 'async',
    method: 'voucher',
    async start(store, order, urls, expiresAt) {
      const p = await call(config, store, '/v1/payments', {
        merchant: store.id,
        method: 'voucher',
        amount_minor: parseMinor(order.total.amount, order.currency),
        currency: order.currency,
        order_id: order.id,
        notify_url: urls.notifyUrl,
        expires_at: expiresAt.toISOString(),
      });
      if (!p.voucher) throw new PaymentNetworkError('network_no_voucher');
      return {
        reference: p.id,
        voucherCode: p.voucher.code,
        voucherUrl: p.voucher.url,
        expiresAt: new Date(p.voucher.expires_at),
      };
    },
  };
}
