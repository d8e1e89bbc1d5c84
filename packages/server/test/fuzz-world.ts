import { expect } from 'vitest';
import { receiptToken } from '../src/services/notifications/receipts.js';
import {
  createTestCustomer,
  createTestProduct,
  createTestStore,
  type RequestOptions,
  type TestApp,
} from './harness.js';
import { insertMessage, pushSubscription } from './notifications-fixtures.js';
import { crossBorder } from './shipping-fixtures.js';

/**
 * Real fixtures for the fuzz test, made through the API: a store, products with an image,
 * a signed-in shopper with points, a cart with a line, reviews, orders, OAuth tokens, and
 * a real next-page cursor for every list.
 */
export interface World {
  pk: string;
  sk: string;
  storeHandle: string;
  /** A short link to the product (/s/{code}). */
  shareCode: string;
  productId: string;
  handle: string;
  variantId: string;
  otherVariantId: string;
  secondHandle: string;
  imageId: string;
  shopper: { id: string; email: string; token: string };
  /** Another customer's approved review the shopper may vote on. */
  reviewId: string;
  cartId: string;
  lineId: string;
  guestCartId: string;
  orderId: string;
  refreshToken: string;
  /** A creator link's token (its URL's #t=) for the ref creator_1. */
  creatorToken: string;
  /** A guest's push subscription (its token), a campaign, a sent message (its receipt token). */
  notifications: {
    push: ReturnType<typeof pushSubscription>;
    subscriptionId: string;
    unsubscribeToken: string;
    campaignId: string;
    messageId: string;
    receiptToken: string;
  };
  webhookId: string;
  /** A guest's paid order with a shipment and a return request, and a signed-in list link. */
  paid: {
    orderId: string;
    lineId: string;
    shipmentId: string;
    returnId: string;
    ordersAccess: string;
  };
  cursors: {
    products: string;
    orders: string;
    points: string;
    reviews: string;
    admin: string;
    campaigns: string;
    webhooks: string;
  };
}

/** A few bytes that start like a PNG: the server checks the signature, not the whole file. */
export const TINY_PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]).toString('base64');

export const SHOP = 'https://shop.example';
export const CODE_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

export function productInput(handle: string) {
  return {
    handle,
    title: 'Fuzz Tee',
    description: 'A tee for junk.',
    vendor: 'Kiosk',
    status: 'active',
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      {
        title: 'S',
        options: { Size: 'S' },
        sku: 'FZ-S',
        stock: 50,
        prices: { USD: '25.00', EUR: '23.00' },
        compareAtPrices: { USD: '30.00' },
      },
      { options: { Size: 'M' }, stock: 50, prices: { USD: '26.00' } },
    ],
    images: [{ contentType: 'image/png', data: TINY_PNG, width: 1, height: 1, alt: 'Tee' }],
  };
}

async function ok<T = any>(app: TestApp, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await app.request(path, options);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

async function nextCursor(app: TestApp, path: string, options: RequestOptions) {
  const page = await ok(app, path, options);
  expect(page.nextCursor, path).toEqual(expect.any(String));
  return page.nextCursor as string;
}

export async function buildWorld(app: TestApp): Promise<World> {
  const { pk, sk, store } = await createTestStore(app.db, { allowedOrigins: [SHOP] });
  const admin = { token: sk };
  const product = await ok(app, '/admin/v1/products', {
    ...admin,
    body: productInput('fuzz-tee'),
  });
  const second = await createTestProduct(app.db, store, { handle: 'fuzz-second' });
  await ok(app, '/admin/v1/identity-providers/fuzz-idp', {
    ...admin,
    method: 'PUT',
    body: identityProviderInput,
  });
  const shopper = await createTestCustomer(app, store, { name: 'Sam Shopper' });
  const author = await createTestCustomer(app, store, { name: 'Ada Author' });
  const as = { key: pk, token: shopper.token };

  for (const points of [3000, 2000]) {
    await ok(app, '/admin/v1/points/adjustments', {
      ...admin,
      body: { email: shopper.email, points, reason: 'Welcome' },
    });
  }
  const review = await ok(app, `/v1/products/${product.id}/reviews`, {
    key: pk,
    token: author.token,
    body: { rating: 5, title: 'Great', body: 'Fits well.' },
  });
  await ok(app, `/v1/products/${product.id}/reviews`, {
    ...as,
    body: { rating: 4, title: 'Good', body: 'Soft.' },
  });

  let orderId = '';
  for (let i = 0; i < 2; i++) {
    const cart = await ok(app, '/v1/carts', { ...as, body: {} });
    await ok(app, `/v1/carts/${cart.id}/lines`, {
      ...as,
      body: { variantId: second.variantIds[0], quantity: 1, ref: 'creator_1' },
    });
    orderId = (await ok(app, `/v1/carts/${cart.id}/checkout`, { ...as, body: {} })).orderId;
  }
  const cart = await ok(app, '/v1/carts', { ...as, body: {} });
  const withLine = await ok(app, `/v1/carts/${cart.id}/lines`, {
    ...as,
    body: { variantId: product.variants[0].id, quantity: 2 },
  });
  const guest = await ok(app, '/v1/carts', { key: pk, body: {} });
  await ok(app, `/v1/carts/${guest.id}/lines`, {
    key: pk,
    body: { variantId: product.variants[1].id, quantity: 1 },
  });

  const session = await ok(app, '/admin/v1/customers/session-tokens', {
    ...admin,
    body: { email: shopper.email },
  });
  const tokens = await ok(app, '/oauth/token', {
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: session.token,
      subject_token_type: 'urn:kiosk:params:oauth:token-type:session_token',
      client_id: pk,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  const push = pushSubscription();
  const subscription = await ok(app, '/v1/notifications/subscriptions', {
    key: pk,
    body: { topic: 'back-in-stock', product: product.handle, channel: 'push', push },
  });
  let campaignId = '';
  for (let i = 0; i < 2; i++) {
    campaignId = (
      await ok(app, '/admin/v1/campaigns', {
        ...admin,
        body: { title: { en: 'Sale' }, body: { en: '20 % off' }, product: product.handle },
      })
    ).id;
  }
  const message = await insertMessage(app, subscription.id, {
    campaignId,
    status: 'sent',
    sentAt: app.now(),
    payload: { title: 'Sale', body: '20 % off', url: `${SHOP}/tee?kiosk_product=fuzz-tee` },
  });

  const creatorLink = await ok(app, '/admin/v1/creators/creator_1/link', {
    ...admin,
    method: 'POST',
  });

  let webhookId = '';
  for (let i = 0; i < 2; i++) {
    webhookId = (
      await ok(app, '/admin/v1/webhooks', {
        ...admin,
        body: { url: 'https://hooks.example/kiosk', events: ['order.paid'] },
      })
    ).id;
  }

  const paidCart = await ok(app, '/v1/carts', { key: pk, body: {} });
  await ok(app, `/v1/carts/${paidCart.id}/lines`, {
    key: pk,
    body: { variantId: second.variantIds[0], quantity: 3 },
  });
  const paidOrderId = (await ok(app, `/v1/carts/${paidCart.id}/checkout`, { key: pk, body: {} }))
    .orderId;
  const paidOrder = await ok(app, `/admin/v1/orders/${paidOrderId}/mark-paid`, {
    ...admin,
    method: 'POST',
  });
  const paidLineId = paidOrder.lines[0].id;
  const shipped = await ok(app, `/admin/v1/orders/${paidOrderId}/shipments`, {
    ...admin,
    body: { carrier: 'DHL', trackingNumber: 'JD1', lines: [{ lineId: paidLineId, quantity: 1 }] },
  });
  const returned = await ok(app, `/v1/orders/${paidOrderId}/returns`, {
    key: pk,
    body: { lines: [{ lineId: paidLineId, quantity: 1 }], reason: 'other' },
  });
  const ordersLink = await ok(app, '/v1/orders/page-link', { ...as, method: 'POST' });

  const shareLink = await ok(app, '/v1/share-links', {
    key: pk,
    body: { product: product.handle, ref: 'creator_1', channel: 'creator' },
  });

  return {
    pk,
    sk,
    storeHandle: store.handle,
    shareCode: shareLink.code,
    productId: product.id,
    handle: product.handle,
    variantId: product.variants[0].id,
    otherVariantId: product.variants[1].id,
    secondHandle: second.handle,
    imageId: product.images[0].id,
    shopper,
    reviewId: review.id,
    cartId: cart.id,
    lineId: withLine.lines[0].id,
    guestCartId: guest.id,
    orderId,
    refreshToken: tokens.refresh_token,
    creatorToken: new URL(creatorLink.url).hash.slice('#t='.length),
    notifications: {
      push,
      subscriptionId: subscription.id,
      unsubscribeToken: subscription.unsubscribeToken,
      campaignId,
      messageId: message.id,
      receiptToken: receiptToken(store.tokenSecret, message.id),
    },
    webhookId,
    paid: {
      orderId: paidOrderId,
      lineId: paidLineId,
      shipmentId: shipped.shipments[0].id,
      returnId: returned.returns[0].id,
      ordersAccess: new URL(ordersLink.url).searchParams.get('access')!,
    },
    cursors: {
      products: await nextCursor(app, '/v1/products?first=1', { key: pk }),
      orders: await nextCursor(app, '/v1/orders?first=1', as),
      points: await nextCursor(app, '/v1/points/history?first=1', as),
      reviews: await nextCursor(app, `/v1/products/${product.id}/reviews?first=1`, { key: pk }),
      admin: await nextCursor(app, '/admin/v1/reviews?first=1', admin),
      campaigns: await nextCursor(app, '/admin/v1/campaigns?first=1', admin),
      webhooks: await nextCursor(app, '/admin/v1/webhooks?first=1', admin),
    },
  };
}

/** A valid request for one operation: what the fuzzer mutates one field at a time. */
export interface Baseline {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: Record<string, unknown>;
  /** A form body (application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** The baseline's own answer when it is not a success (e.g. nothing to collect yet). */
  expectStatus?: number;
}

/**
 * Operations that spend fixtures other baselines rely on (the cart or its line, the
 * order, the refresh token, the store's rules, the product's handle or stock): each runs
 * on a world of its own. The others share one.
 */
export const isolated = new Set([
  'POST /oauth/token',
  'POST /oauth/revoke',
  'PATCH /v1/carts/{id}/lines/{lineId}',
  'DELETE /v1/carts/{id}/lines/{lineId}',
  'POST /v1/carts/{id}/checkout',
  'PATCH /admin/v1/store',
  // A store that ships asks an address before its orders can be paid.
  'PUT /admin/v1/shipping',
  'PATCH /admin/v1/products/{id}',
  'PATCH /admin/v1/products/{id}/variants/{variantId}',
  'POST /admin/v1/orders/{id}/mark-paid',
  'POST /admin/v1/orders/{id}/cancel',
  'POST /admin/v1/orders/{id}/refund',
  'POST /admin/v1/orders/{id}/shipments',
  'POST /admin/v1/orders/{id}/returns/{returnId}/approve',
  'POST /admin/v1/orders/{id}/returns/{returnId}/refuse',
  'POST /v1/orders/{id}/returns',
  'POST /orders/{orderId}/returns',
  'DELETE /admin/v1/identity-providers/{id}',
  'DELETE /v1/notifications/subscriptions/{id}',
  'POST /v1/notifications/subscriptions/renew',
  'POST /v1/notifications/unsubscribe',
  'POST /admin/v1/webhooks',
  'DELETE /admin/v1/webhooks/{id}',
  'POST /p/{store}/{handle}/buy',
]);

const identityProviderInput = {
  name: 'Fuzz ID',
  issuer: 'https://idp.example',
  clientId: 'fuzz-client',
  clientSecret: 'fuzz-secret',
  scopes: ['openid', 'email'],
};

const authorizeQuery = (w: World) => ({
  response_type: 'code',
  client_id: w.pk,
  redirect_uri: `${SHOP}/auth/callback`,
  code_challenge: CODE_CHALLENGE,
  code_challenge_method: 'S256',
  state: 'fuzz-state-0001',
  response_mode: 'query',
  ui_locales: 'en',
  prompt: 'create',
});

const sameOrigin = { 'sec-fetch-site': 'same-origin' };

/**
 * One valid request per operation of /openapi.json (the test fails when an operation has
 * none), plus the hosted pages that are not in the document.
 */
export const baselines: Record<string, (w: World) => Baseline> = {
  'GET /healthz': () => ({}),
  'GET /.well-known/oauth-authorization-server': () => ({}),
  'GET /images/{id}': (w) => ({ params: { id: w.imageId }, query: { w: '100' } }),
  'GET /oauth/authorize': (w) => ({ query: authorizeQuery(w) }),
  'POST /oauth/authorize': (w) => ({
    form: {
      ...authorizeQuery(w),
      intent: 'create',
      email: 'new.shopper@example.com',
      password: 'correct horse battery',
      name: 'New Shopper',
    },
    headers: sameOrigin,
    expectStatus: 302,
  }),
  'POST /oauth/token': (w) => ({
    form: { grant_type: 'refresh_token', client_id: w.pk, refresh_token: w.refreshToken },
  }),
  'POST /oauth/revoke': (w) => ({ form: { client_id: w.pk, token: w.refreshToken } }),
  'POST /oauth/poll': (w) => ({
    form: { client_id: w.pk, state: 'fuzz-state-0001' },
    expectStatus: 400,
  }),
  'GET /v1/store': () => ({}),
  'GET /v1/products': (w) => ({
    query: { first: '1', after: w.cursors.products, query: 'e', currency: 'EUR' },
  }),
  'GET /v1/products/batch': (w) => ({
    query: { ids: `${w.productId},${w.secondHandle}`, currency: 'USD' },
  }),
  'GET /v1/products/{idOrHandle}': (w) => ({
    params: { idOrHandle: w.handle },
    query: { currency: 'EUR' },
  }),
  'POST /v1/carts': () => ({ body: { currency: 'EUR' } }),
  'POST /v1/carts/merge': (w) => ({ body: { cartId: w.guestCartId } }),
  'GET /v1/carts/{id}': (w) => ({ params: { id: w.cartId } }),
  'POST /v1/carts/{id}/lines': (w) => ({
    params: { id: w.cartId },
    body: { variantId: w.otherVariantId, quantity: 1, ref: 'creator_2' },
  }),
  'PATCH /v1/carts/{id}/lines/{lineId}': (w) => ({
    params: { id: w.cartId, lineId: w.lineId },
    body: { quantity: 3 },
  }),
  'DELETE /v1/carts/{id}/lines/{lineId}': (w) => ({
    params: { id: w.cartId, lineId: w.lineId },
  }),
  'PUT /v1/carts/{id}/points': (w) => ({ params: { id: w.cartId }, body: { points: 100 } }),
  'POST /v1/carts/{id}/checkout': (w) => ({
    params: { id: w.cartId },
    body: { email: 'receipt@example.com' },
  }),
  'GET /v1/orders': (w) => ({ query: { first: '1', after: w.cursors.orders } }),
  'GET /v1/orders/{id}': (w) => ({ params: { id: w.orderId } }),
  'POST /v1/orders/{id}/returns': (w) => ({
    params: { id: w.paid.orderId },
    body: { lines: [{ lineId: w.paid.lineId, quantity: 1 }], reason: 'damaged', comment: 'Torn' },
  }),
  'POST /v1/orders/page-link': () => ({}),
  'GET /v1/customers/me': () => ({}),
  'PATCH /v1/customers/me': () => ({ body: { name: 'Sam Renamed' } }),
  'GET /v1/customers/me/passkeys': () => ({}),
  // The shopper has no passkey (adding one takes an authenticator): the baseline is a 404.
  'DELETE /v1/customers/me/passkeys/{id}': () => ({
    params: { id: '00000000-0000-4000-8000-000000000000' },
    expectStatus: 404,
  }),
  'GET /v1/recommendations': (w) => ({
    query: { kind: 'bought-together', product: w.handle, first: '4', currency: 'USD' },
  }),
  'GET /v1/points': () => ({}),
  'GET /v1/membership': () => ({}),
  'PUT /v1/membership/birthday': () => ({ body: { month: 2, day: 29 } }),
  'GET /v1/points/history': (w) => ({ query: { first: '1', after: w.cursors.points } }),
  'GET /v1/products/{product}/reviews': (w) => ({
    params: { product: w.handle },
    query: { sort: 'recent', rating: '5', first: '1', after: w.cursors.reviews },
  }),
  'POST /v1/products/{product}/reviews': (w) => ({
    params: { product: w.handle },
    body: { rating: 3, title: 'Edited', body: 'Still soft.', incentivized: false },
  }),
  'GET /v1/products/{product}/reviews/summary': (w) => ({ params: { product: w.handle } }),
  'GET /v1/products/{product}/reviews/mine': (w) => ({ params: { product: w.productId } }),
  'POST /v1/reviews/{id}/votes': (w) => ({ params: { id: w.reviewId }, body: { helpful: true } }),
  'DELETE /v1/reviews/{id}/votes': (w) => ({ params: { id: w.reviewId } }),
  'GET /admin/v1/store': () => ({}),
  'GET /admin/v1/shipping': () => ({}),
  'PUT /admin/v1/shipping': () => ({ body: crossBorder }),
  'PATCH /admin/v1/store': () => ({
    body: {
      name: 'Fuzz Store',
      allowedOrigins: [SHOP],
      currencies: ['USD', 'EUR'],
      locales: ['en', 'fr'],
      pointsRules: {
        earnPerUnit: 2,
        pointValueMinor: 1,
        rates: { USD: 1, EUR: 0.9 },
        pendingDays: 0,
        expiryDays: 30,
        maxRedeemPercent: 50,
        tiers: [{ name: 'Member', minLifetime: 0 }],
      },
      settings: { reviewsAutoApprove: true },
    },
  }),
  'POST /admin/v1/products': () => ({ body: productInput('fuzz-new') }),
  'GET /admin/v1/products/{id}': (w) => ({ params: { id: w.productId } }),
  'PATCH /admin/v1/products/{id}': (w) => ({
    params: { id: w.productId },
    body: { handle: 'fuzz-renamed', title: 'Renamed', description: 'New.', vendor: 'V' },
  }),
  'PATCH /admin/v1/products/{id}/variants/{variantId}': (w) => ({
    params: { id: w.productId, variantId: w.variantId },
    body: {
      title: 'Small',
      sku: 'FZ-S2',
      stockAdjustment: 5,
      prices: { USD: '24.00' },
      compareAtPrices: { USD: '29.00' },
    },
  }),
  'POST /admin/v1/customers/session-tokens': () => ({
    body: { email: 'brand.user@example.com', name: 'Bea' },
  }),
  'GET /admin/v1/orders': () => ({ query: { first: '5', ref: 'creator_1' } }),
  'POST /admin/v1/orders/{id}/mark-paid': (w) => ({ params: { id: w.orderId } }),
  'POST /admin/v1/orders/{id}/cancel': (w) => ({ params: { id: w.orderId } }),
  'POST /admin/v1/orders/{id}/refund': (w) => ({ params: { id: w.orderId }, expectStatus: 409 }),
  'GET /admin/v1/orders/{id}': (w) => ({ params: { id: w.paid.orderId } }),
  'POST /admin/v1/orders/{id}/shipments': (w) => ({
    params: { id: w.paid.orderId },
    body: {
      carrier: 'UPS',
      trackingNumber: '1Z9',
      trackingUrl: 'https://track.example/1Z9',
      lines: [{ lineId: w.paid.lineId, quantity: 1 }],
    },
  }),
  'POST /admin/v1/orders/{id}/shipments/{shipmentId}/events': (w) => ({
    params: { id: w.paid.orderId, shipmentId: w.paid.shipmentId },
    body: {
      time: '2026-12-05T10:00:00Z',
      status: 'in_transit',
      description: 'Sorted',
      location: 'Leipzig',
    },
  }),
  'POST /admin/v1/orders/{id}/returns/{returnId}/approve': (w) => ({
    params: { id: w.paid.orderId, returnId: w.paid.returnId },
  }),
  'POST /admin/v1/orders/{id}/returns/{returnId}/refuse': (w) => ({
    params: { id: w.paid.orderId, returnId: w.paid.returnId },
    body: { note: 'Worn' },
  }),
  'POST /admin/v1/points/adjustments': (w) => ({
    body: { email: w.shopper.email, points: 10, reason: 'Goodwill' },
  }),
  'POST /admin/v1/points/expire': () => ({ body: {} }),
  'GET /admin/v1/membership': () => ({}),
  'PUT /admin/v1/membership': (w) => ({
    body: {
      tiers: [
        {
          name: 'Gold',
          perks: {
            percentOff: 12.5,
            percentOffProducts: [w.productId],
            memberPrices: [{ variantId: w.variantId, currency: 'USD', amountMinor: 100 }],
            pointsMultiplier: 2,
            freeShippingOver: { USD: 5000 },
            birthdayPoints: 100,
          },
        },
      ],
      plans: [{ productId: w.productId, tier: 'Gold' }],
      earlyAccess: [{ productId: w.productId, until: '2020-01-01T00:00:00Z', tiers: ['Gold'] }],
    },
  }),
  'GET /admin/v1/reviews': (w) => ({
    query: { status: 'approved', productId: w.productId, first: '1', after: w.cursors.admin },
  }),
  'POST /admin/v1/reviews/{id}/moderation': (w) => ({
    params: { id: w.reviewId },
    body: { status: 'approved' },
  }),
  'PUT /admin/v1/reviews/{id}/reply': (w) => ({
    params: { id: w.reviewId },
    body: { body: 'Thank you!' },
  }),
  'DELETE /admin/v1/reviews/{id}/reply': (w) => ({ params: { id: w.reviewId } }),
  'GET /admin/v1/identity-providers': () => ({}),
  'GET /admin/v1/identity-providers/{id}': () => ({ params: { id: 'fuzz-idp' } }),
  'PUT /admin/v1/identity-providers/{id}': () => ({
    params: { id: 'fuzz-idp' },
    body: identityProviderInput,
  }),
  'DELETE /admin/v1/identity-providers/{id}': () => ({ params: { id: 'fuzz-idp' } }),
  'GET /v1/notifications/config': () => ({}),
  // The world's subscription again: 200 with it.
  'POST /v1/notifications/subscriptions': (w) => ({
    body: {
      topic: 'back-in-stock',
      product: w.handle,
      channel: 'push',
      push: w.notifications.push,
      locale: 'fr',
      timeZone: 'Europe/Paris',
      landingUrl: `${SHOP}/tee`,
    },
  }),
  'GET /v1/notifications/subscriptions': () => ({}),
  'POST /v1/notifications/subscriptions/lookup': (w) => ({
    body: { tokens: [w.notifications.unsubscribeToken] },
  }),
  'POST /v1/events': (w) => ({
    body: {
      events: [
        {
          name: 'view_item_list',
          params: {
            currency: 'USD',
            value: 10,
            items: [{ item_id: w.handle, item_name: 'Tee', price: 10, quantity: 1, index: 0 }],
            item_list_id: 'home',
          },
          ref: 'creator_1',
          channel: 'creator',
          at: new Date().toISOString(),
        },
      ],
    },
  }),
  'GET /v1/creator/report': (w) => ({
    query: { from: '2026-01-01', to: '2026-01-31' },
    headers: { authorization: `Bearer ${w.creatorToken}` },
  }),
  'GET /admin/v1/reports/creators': () => ({
    query: { from: '2026-01-01', to: '2026-01-31', currency: 'USD' },
  }),
  'GET /admin/v1/reports/funnel': () => ({ query: { from: '2026-01-01', to: '2026-01-31' } }),
  'POST /admin/v1/creators/{ref}/link': () => ({ params: { ref: 'creator_1' } }),
  'POST /v1/notifications/subscriptions/renew': (w) => ({
    body: { oldEndpoint: w.notifications.push.endpoint, push: pushSubscription() },
  }),
  'DELETE /v1/notifications/subscriptions/{id}': (w) => ({
    params: { id: w.notifications.subscriptionId },
    headers: { 'x-kiosk-unsubscribe-token': w.notifications.unsubscribeToken },
  }),
  'POST /v1/notifications/receipts': (w) => ({
    body: {
      message: w.notifications.messageId,
      token: w.notifications.receiptToken,
      event: 'delivered',
    },
  }),
  'POST /admin/v1/campaigns': (w) => ({
    body: {
      title: { en: 'Back soon', fr: 'Bientôt' },
      body: { en: 'It is back', fr: 'Il revient' },
      url: `${SHOP}/tee`,
      audience: { topic: 'promotions', locale: 'fr', country: 'FR', watchers: w.handle },
      sendAt: new Date(Date.now() + 3600_000).toISOString(),
    },
  }),
  'GET /admin/v1/campaigns': (w) => ({ query: { first: '1', after: w.cursors.campaigns } }),
  'GET /admin/v1/campaigns/{id}': (w) => ({ params: { id: w.notifications.campaignId } }),
  'POST /admin/v1/webhooks': () => ({
    body: { url: 'https://hooks.example/new', events: ['order.created', 'order.refunded'] },
  }),
  'GET /admin/v1/webhooks': (w) => ({ query: { first: '1', after: w.cursors.webhooks } }),
  'DELETE /admin/v1/webhooks/{id}': (w) => ({ params: { id: w.webhookId } }),
  'GET /admin/v1/webhooks/{id}/deliveries': (w) => ({
    params: { id: w.webhookId },
    query: { first: '5' },
  }),
  'GET /p/{store}/{handle}': (w) => ({
    params: { store: w.storeHandle, handle: w.handle },
    query: { ref: 'creator_1', lang: 'en', currency: 'EUR' },
  }),
  'POST /p/{store}/{handle}/buy': (w) => ({
    params: { store: w.storeHandle, handle: w.handle },
    form: { variant: w.variantId, quantity: '1', ref: 'creator_1', lang: 'en' },
    headers: sameOrigin,
    expectStatus: 303,
  }),
  'GET /s/{code}': (w) => ({ params: { code: w.shareCode }, expectStatus: 302 }),
  'GET /s/{code}/qr.svg': (w) => ({ params: { code: w.shareCode } }),
  'GET /oembed': (w) => ({
    query: {
      url: `http://localhost/p/${w.storeHandle}/${w.handle}?ref=creator_1`,
      format: 'json',
      maxwidth: '300',
    },
  }),
  'POST /v1/share-links': (w) => ({
    body: { product: w.handle, ref: 'creator_2', channel: 'share' },
  }),
};

/** The hosted checkout page: HTML, so not in /openapi.json, fuzzed all the same. */
export const hostedPages: Record<string, (w: World) => Baseline> = {
  'GET /checkout/{orderId}': (w) => ({
    params: { orderId: w.orderId },
    query: { locale: 'fr', return_to: `${SHOP}/tee` },
  }),
  'POST /checkout/{orderId}/pay': (w) => ({
    params: { orderId: w.orderId },
    query: { locale: 'en', return_to: `${SHOP}/tee` },
    // A declined card: the order stays pending, so every variant reaches the form (once
    // paid, the page only shows the status).
    form: { card: '4000 0000 0000 0002', name: 'Sam Shopper' },
    headers: sameOrigin,
    // POST-redirect-GET: every outcome, a decline too, is a 303 back to the page.
    expectStatus: 303,
  }),
  'GET /orders/{orderId}': (w) => ({
    params: { orderId: w.paid.orderId },
    query: { locale: 'ar' },
  }),
  'GET /orders': (w) => ({ query: { access: w.paid.ordersAccess, locale: 'de' } }),
  'POST /orders/{orderId}/returns': (w) => ({
    params: { orderId: w.paid.orderId },
    query: { locale: 'en' },
    form: { [`qty_${w.paid.lineId}`]: '1', reason: 'damaged', comment: 'Torn' },
    headers: sameOrigin,
    expectStatus: 303,
  }),
  'POST /oauth/passkeys/options': (w) => ({ form: authorizeQuery(w), headers: sameOrigin }),
  'GET /v1/notifications/unsubscribe': (w) => ({
    query: { token: w.notifications.unsubscribeToken },
  }),
  'POST /v1/notifications/unsubscribe': (w) => ({
    query: { token: w.notifications.unsubscribeToken },
    form: { 'List-Unsubscribe': 'One-Click' },
  }),
  'GET /n/{ref}': (w) => ({
    params: { ref: `${w.notifications.messageId}.${w.notifications.receiptToken}` },
    expectStatus: 302,
  }),
  // No authenticator here: an answer to no challenge, which the page refuses (400).
  'POST /oauth/passkeys/authenticate': (w) => ({
    form: { ...authorizeQuery(w), passkey_challenge: 'no-such-challenge', passkey_response: '{}' },
    headers: sameOrigin,
    expectStatus: 400,
  }),
};
