// `@kiosk/server/testing`: real local stand-ins for what lives outside Kiosk, for tests of
// code built on Kiosk (the SDK's, the elements', a brand's own) — a WebAuthn authenticator
// and a Web Push service. Not part of the server's main entry: production never loads them.

export {
  type NetworkDelivery,
  type NetworkPayment,
  type PaymentNetworkOptions,
  TestPaymentNetwork,
} from './payment-network.js';
export {
  type ReceivedPush,
  TestPushService,
  type TestPushSubscription,
} from './push-service.js';
export { TestAuthenticator } from './webauthn-authenticator.js';
