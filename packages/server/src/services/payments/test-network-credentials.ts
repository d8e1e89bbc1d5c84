import { createHmac } from 'node:crypto';

/**
 * A store's account at the test payment network, derived from the secret the server and the
 * network are both configured with (KIOSK_TEST_PAYMENTS_SECRET), as a platform's connected
 * accounts are: each store gets its own API key and webhook signing secret, so one store's
 * secret signs nothing for another, and no secret is stored or shown.
 */
export function testNetworkCredentials(networkSecret: string, storeId: string) {
  const derive = (purpose: string) =>
    createHmac('sha256', networkSecret).update(`${purpose}:${storeId}`).digest();
  return {
    apiKey: `tnk_${derive('api').toString('base64url')}`,
    /** Standard Webhooks' form: `whsec_` and the base64 key. */
    webhookSecret: `whsec_${derive('webhook').toString('base64')}`,
  };
}
