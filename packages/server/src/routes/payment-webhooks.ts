import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { handlePaymentWebhook, outOfBandProvider } from '../services/payments/pay.js';
import { findStoreById } from '../services/stores.js';
import { isUuid } from '../uuid.js';

/**
 * POST /v1/payment-webhooks/{provider}/{storeId}: a payment provider tells us a payment's
 * fate (services/payments/pay.ts handlePaymentWebhook). No store key: the signature with the
 * store's secret at that provider authorizes. JSON answers; not in the OpenAPI document (the
 * provider's contract, not a client's).
 */
export const paymentWebhookRoutes = new Hono<AppEnv>();

paymentWebhookRoutes.post('/:provider/:storeId', async (c) => {
  const { deps } = c.var;
  const provider = outOfBandProvider(c.req.param('provider'), deps.paymentNetwork);
  const storeId = c.req.param('storeId');
  const store = provider && isUuid(storeId) ? await findStoreById(deps.db, storeId) : undefined;
  if (!provider || !store) throw new ApiError('not_found', 'No such webhook receiver.');
  const body = await c.req.text();
  const headers = Object.fromEntries(c.req.raw.headers.entries());
  const result = await handlePaymentWebhook(deps.db, store, provider, body, headers, deps.now());
  return c.json({ received: true, ...result });
});
